from __future__ import annotations

import json

from careerstream.contracts import ChatMessage, ChatRole, Locale, ReportDigest
from careerstream.guide.interview import plan_turn
from careerstream.guide.prompts import build_messages, encode_plan


def test_the_model_is_told_the_plan() -> None:
    plan = plan_turn("I studied law at Peking University", [], Locale.EN)
    system = build_messages(plan, [], "I studied law at Peking University")[0]["content"]
    told = json.loads(encode_plan(plan))
    assert encode_plan(plan) in system
    assert (told["ask"], told["missing"]) == (plan.ask, [t.value for t in plan.missing])
    assert told["learned"]["education"]["school"] == "Peking University"


def test_a_report_question_tells_the_model_the_report() -> None:
    report = ReportDigest(holland_code="IRC", markdown="# Your report\nActuary fits.")
    plan = plan_turn("Why Actuary?", [], Locale.EN, report=report)
    system = build_messages(plan, [], "Why Actuary?")[0]["content"]
    assert "Actuary fits." in system
    assert json.loads(encode_plan(plan))["question"] == "Why Actuary?"


def test_history_sits_between_the_system_prompt_and_the_message() -> None:
    history = [
        ChatMessage(role=ChatRole.USER, content="a"),
        ChatMessage(role=ChatRole.ASSISTANT, content="b"),
    ]
    messages = build_messages(plan_turn("c", history, Locale.EN), history, "c")
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[-1]["content"] == "c"


def test_each_language_has_its_own_prompt() -> None:
    zh = build_messages(plan_turn("你好", [], Locale.ZH), [], "你好")[0]["content"]
    en = build_messages(plan_turn("hi", [], Locale.EN), [], "hi")[0]["content"]
    assert "职业向导" in zh
    assert "career guide" in en
