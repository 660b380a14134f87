from __future__ import annotations

from careerstream.contracts import Locale
from careerstream.guide.interview import Topic, plan_turn
from careerstream.guide.offline import reply_for_messages, split_tokens, stream_tokens, write_reply
from careerstream.guide.prompts import build_messages


def test_tokens_put_back_together_are_the_text() -> None:
    for text in (
        write_reply(Locale.ZH, True, Topic.EDUCATION),
        write_reply(Locale.EN, False, Topic.INTERESTS),
        "混合 mixed 文本, with  two spaces。",
    ):
        tokens = list(split_tokens(text))
        assert "".join(tokens) == text
        assert len(tokens) > 5


def test_the_engine_answers_from_the_plan_in_the_prompt() -> None:
    plan = plan_turn("你好", [], Locale.ZH)
    reply = reply_for_messages(build_messages(plan, [], "你好"))
    assert reply == write_reply(Locale.ZH, True, Topic.EDUCATION)
    assert "专业" in reply


def test_without_a_plan_it_answers_in_the_users_language() -> None:
    reply = reply_for_messages([{"role": "user", "content": "Hello"}])
    assert reply.startswith("Hello, I'm your careerstream guide")


async def test_streaming_yields_every_token() -> None:
    text = write_reply(Locale.EN, True, Topic.EDUCATION)
    assert "".join([t async for t in stream_tokens(text)]) == text
