from __future__ import annotations

from careerstream.contracts import ChatMessage, ChatRole, Locale
from careerstream.guide.interview import plan_turn
from careerstream.guide.prompts import build_messages, decode_plan


def test_the_plan_survives_the_prompt() -> None:
    plan = plan_turn("I studied law at Peking University", [], Locale.EN)
    messages = build_messages(plan, [], "I studied law at Peking University")
    back = decode_plan(messages[0]["content"])
    assert back is not None
    assert (back.locale, back.welcome, back.ask, back.missing) == (
        plan.locale,
        plan.welcome,
        plan.ask,
        plan.missing,
    )
    assert back.learned == plan.learned


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


def test_no_plan_line_reads_as_none() -> None:
    assert decode_plan("just a prompt") is None
