from __future__ import annotations

from careerstream.contracts import ChatMessage, ChatRole, Locale
from careerstream.guide.interview import Topic, plan_turn
from careerstream.guide.prompts import build_messages, decode_plan


def test_the_plan_survives_the_prompt() -> None:
    plan = plan_turn("Hi", [], Locale.EN)
    messages = build_messages(plan, [], "Hi")
    assert decode_plan(messages[0]["content"]) == (Locale.EN, True, Topic.EDUCATION)


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
