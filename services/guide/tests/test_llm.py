from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.guide.interview import plan_turn
from careerstream.guide.llm import ModelError, register_offline_provider, stream_completion
from careerstream.guide.offline import reply_for_messages
from careerstream.guide.prompts import build_messages


async def test_the_offline_model_streams_through_litellm() -> None:
    register_offline_provider()
    messages = build_messages(plan_turn("Hello", [], Locale.EN), [], "Hello")
    pieces = [p async for p in stream_completion("offline/guide", messages, timeout_s=10)]
    assert len(pieces) > 5
    assert "".join(pieces) == reply_for_messages(messages)


async def test_an_unknown_provider_is_a_model_error() -> None:
    register_offline_provider()
    with pytest.raises(ModelError):
        async for _ in stream_completion(
            "nosuchprovider/x", [{"role": "user", "content": "hi"}], timeout_s=5
        ):
            pass
