"""The model path over real HTTP: a local OpenAI-compatible server, litellm's own client."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from careerstream.contracts import Locale
from careerstream.guide.interview import plan_turn
from careerstream.guide.llm import GuideModel, HostedModel, ModelError
from careerstream.guide.offline import write_reply
from careerstream.guide.settings import GuideSettings
from tests.support.fake_llm import EXTRACTION, REPLY, ScriptedModelServer, scripted_model_server

MESSAGES = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "Hello"}]


@pytest.fixture
async def server() -> AsyncIterator[ScriptedModelServer]:
    async with scripted_model_server() as running:
        yield running


def model(server: ScriptedModelServer, name: str, **overrides: Any) -> HostedModel:
    settings = GuideSettings(
        **{
            "model": f"openai/{name}",
            "api_base": server.api_base,
            "api_key": "test-key",
            "model_retries": 0,
            "model_timeout_s": 5,
            **overrides,
        }
    )
    return HostedModel(settings)


async def test_a_streamed_reply_arrives_piece_by_piece(server: ScriptedModelServer) -> None:
    pieces = [p async for p in model(server, "scripted-ok").stream(MESSAGES)]
    assert len(pieces) > 5
    assert "".join(pieces) == REPLY
    assert server.requests[-1]["stream"] is True
    assert server.requests[-1]["messages"][-1]["content"] == "Hello"


async def test_an_error_before_the_stream_is_retried_then_raised(
    server: ScriptedModelServer,
) -> None:
    failing = model(server, "scripted-500", model_retries=1)
    with pytest.raises(ModelError):
        async for _ in failing.stream(MESSAGES):
            pass
    assert server.count("scripted-500") == 2, "one try and one retry"


async def test_a_configured_fallback_model_answers_when_the_first_fails(
    server: ScriptedModelServer,
) -> None:
    with_fallback = model(server, "scripted-500", fallback_models=["openai/scripted-ok"])
    pieces = [p async for p in with_fallback.stream(MESSAGES)]
    assert "".join(pieces) == REPLY
    assert server.count("scripted-ok") == 1


async def test_an_error_mid_stream_raises_after_the_first_pieces(
    server: ScriptedModelServer,
) -> None:
    received: list[str] = []

    async def read_all() -> None:
        async for piece in model(server, "scripted-midstream").stream(MESSAGES):
            received.append(piece)

    with pytest.raises(ModelError):
        await read_all()
    assert 0 < len(received) < len(REPLY.split(" "))


async def test_a_model_that_does_not_answer_in_time_raises(server: ScriptedModelServer) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError):
        async for _ in model(server, "scripted-slow", model_timeout_s=0.5).stream(MESSAGES):
            pass
    assert time.monotonic() - started < 10


async def test_structured_extraction_comes_back_as_json(server: ScriptedModelServer) -> None:
    assert await model(server, "scripted-ok").complete_json(MESSAGES) == EXTRACTION
    assert await model(server, "scripted-500").complete_json(MESSAGES) is None


async def test_the_default_model_is_the_offline_engine_wording_the_plan() -> None:
    default = GuideModel(GuideSettings())
    assert default.offline
    plan = plan_turn("Hello", [], Locale.EN)
    pieces = [p async for p in default.reply(plan, [], "Hello")]
    assert len(pieces) > 5
    assert "".join(pieces) == write_reply(plan)


def test_a_configured_model_is_asked_through_litellm() -> None:
    configured = GuideModel(GuideSettings(model="openai/some-model", api_key="k"))
    assert not configured.offline
    assert configured.hosted is not None
