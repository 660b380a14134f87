"""The guide's subscriber on the in-memory broker: a whole turn's events, in order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from faststream.rabbit import RabbitBroker, RabbitQueue, TestRabbitBroker
from faststream.rabbit.testing import build_message

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    PipelineRequested,
    SessionEvent,
    Stage,
    StageRetrying,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
    parse_session_event,
)
from careerstream.contracts.topology import GUIDE_TURNS, JOURNAL_BINDING, PARSE_REQUESTS
from careerstream.guide.app import worker
from careerstream.guide.llm import GuideModel, ModelError
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.topology import events_exchange, stage_queue, stages_exchange
from tests.support.fake_llm import REPLY, scripted_model_server

# Stands in for the gateway's journal: every session event, in publishing order.
TAP = RabbitQueue("test.events.tap", routing_key=JOURNAL_BINDING)


def settings(**overrides: Any) -> GuideSettings:
    return GuideSettings(**{"token_flush_ms": 40, "token_flush_chars": 12, **overrides})


async def run(broker: RabbitBroker, request: TurnRequested) -> list[SessionEvent]:
    received: list[SessionEvent] = []

    @broker.subscriber(TAP, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        received.append(parse_session_event(body))

    async with TestRabbitBroker(broker) as test_broker:
        await publish_request(test_broker, GUIDE_TURNS, request)
    return received


@pytest.mark.parametrize(("locale", "message"), [(Locale.ZH, "你好"), (Locale.EN, "Hello")])
async def test_a_turn_streams_tokens_then_completes(locale: Locale, message: str) -> None:
    request = TurnRequested(session_id="s1", locale=locale, message=message)
    events = await run(worker.broker(settings()), request)
    tokens = [e for e in events if isinstance(e, TokenStreamed)]
    assert len(tokens) >= 3
    assert isinstance(events[-1], TurnCompleted)
    assert events[-1].reply == "".join(t.text for t in tokens)
    assert all(e.turn_id == request.run_id and e.session_id == "s1" for e in events)


async def test_the_size_bound_sets_the_message_count() -> None:
    request = TurnRequested(session_id="s1", message="Hello")
    few = await run(worker.broker(settings(token_flush_chars=200)), request)
    many = await run(worker.broker(settings(token_flush_chars=5)), request)
    assert len(few) < len(many)


async def test_a_failing_offline_engine_ends_the_turn_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(self: GuideModel, plan: Any) -> AsyncIterator[str]:
        yield "partial "
        raise ModelError("engine broke")

    monkeypatch.setattr(GuideModel, "offline_reply", broken)
    events = await run(worker.broker(settings()), TurnRequested(session_id="s1", message="hi"))
    assert isinstance(events[-1], ErrorRaised)
    assert events[-1].code == "model_error"
    assert events[-1].retryable
    assert not any(isinstance(e, TurnCompleted) for e in events)


async def test_a_model_failing_mid_reply_hands_over_to_the_offline_guide() -> None:
    async with scripted_model_server() as server:
        configured = settings(
            model="openai/scripted-midstream",
            api_base=server.api_base,
            api_key="k",
            model_retries=0,
            extract_with_model=False,
        )
        events = await run(worker.broker(configured), TurnRequested(session_id="s1", message="Hi"))
    kinds = [e.type for e in events]
    retry = kinds.index("stage.retrying")
    assert "token" in kinds[:retry], "the model had started writing"
    assert isinstance(events[retry], StageRetrying)
    assert events[retry].stage is Stage.GUIDE
    after = [e for e in events[retry:] if isinstance(e, TokenStreamed)]
    assert isinstance(events[-1], TurnCompleted)
    assert events[-1].reply == "".join(t.text for t in after)
    assert events[-1].reply.startswith("Hello, I'm your careerstream guide")


async def test_a_trickling_model_is_cut_off_at_the_turn_deadline() -> None:
    async with scripted_model_server() as server:
        configured = settings(
            model="openai/scripted-trickle",
            api_base=server.api_base,
            api_key="k",
            model_retries=0,
            model_timeout_s=30,  # each read is quick: only the turn's own deadline can end it
            extract_with_model=False,
            turn_deadline_s=1.0,
        )
        request = TurnRequested(session_id="s1", message="Hi")
        events = await run(worker.broker(configured), request)
        async with asyncio.timeout(10):
            await server.stream_ended.wait()
    # Whether the deadline struck before the first token or mid-reply, the server saw the
    # guide close the stream before the reply was sent, and nothing came after the error.
    assert server.stream_ends == ["cut off"], "the guide closed the model's stream"
    assert "turn.completed" not in [e.type for e in events]
    error = events[-1]
    assert isinstance(error, ErrorRaised)
    assert (error.code, error.retryable) == ("turn_timeout", True)
    assert (error.stage, error.turn_id) == (Stage.GUIDE, request.run_id)


async def test_a_model_failing_before_streaming_leaves_nothing_to_drop() -> None:
    async with scripted_model_server() as server:
        configured = settings(
            model="openai/scripted-500", api_base=server.api_base, api_key="k", model_retries=0
        )
        events = await run(worker.broker(configured), TurnRequested(session_id="s1", message="Hi"))
    assert "stage.retrying" not in [e.type for e in events]
    assert isinstance(events[-1], TurnCompleted)


async def test_a_configured_model_writes_the_reply_and_adds_facts() -> None:
    async with scripted_model_server() as server:
        configured = settings(
            model="openai/scripted-ok", api_base=server.api_base, api_key="k", model_retries=0
        )
        request = TurnRequested(session_id="s1", message="I studied law")
        events = await run(worker.broker(configured), request)
    completed = events[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.reply == REPLY
    assert completed.collected_info is not None
    assert "negotiation" in completed.collected_info.skills, "the model's extraction"
    assert completed.collected_info.education is not None, "the offline extraction stays"


async def test_a_sufficient_turn_asks_for_the_run_and_leaves_starting_it_to_the_gateway() -> None:
    broker = worker.broker(settings())
    forwarded: list[PipelineRequested] = []

    @broker.subscriber(stage_queue(PARSE_REQUESTS), stages_exchange)
    async def parser(request: PipelineRequested) -> None:
        forwarded.append(request)

    message = (
        "I have a master's degree in biology, worked as a lab technician for 2 years, "
        "I enjoy hiking and teaching, and stability matters most to me."
    )
    request = TurnRequested(session_id="s1", locale=Locale.EN, message=message)
    events = await run(broker, request)
    completed = events[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.is_sufficient
    assert completed.missing == []
    assert completed.pipeline_run_id is not None
    assert completed.locale is Locale.EN
    assert forwarded == [], "the gateway publishes the run once it has journaled the turn"
    again = await run(worker.broker(settings()), request)
    assert isinstance(again[-1], TurnCompleted)
    assert again[-1].pipeline_run_id == completed.pipeline_run_id, "same turn, same run"


async def test_a_turn_still_short_of_facts_asks_for_no_run() -> None:
    events = await run(worker.broker(settings()), TurnRequested(session_id="s1", message="Hi"))
    completed = events[-1]
    assert isinstance(completed, TurnCompleted)
    assert not completed.is_sufficient
    assert completed.pipeline_run_id is None
    assert completed.locale is not None


async def test_a_redelivered_turn_first_tells_clients_to_drop_partial_output() -> None:
    broker = worker.broker(settings())
    received: list[SessionEvent] = []

    @broker.subscriber(TAP, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        received.append(parse_session_event(body))

    request = TurnRequested(session_id="s1", message="hi")
    async with TestRabbitBroker(broker) as test_broker:
        message = await build_message(
            request.model_dump(mode="json"), routing_key=GUIDE_TURNS.routing_key
        )
        # What RabbitMQ sets after a consumer died mid-turn (the test message is locked).
        object.__setattr__(message, "redelivered", True)
        turns = next(
            s
            for s in test_broker.subscribers
            if getattr(s, "queue", None) == stage_queue(GUIDE_TURNS)
        )
        await turns.consume(message)
    retry = received[0]
    assert isinstance(retry, StageRetrying)
    # Which partial reply to drop: the guide's, of this turn.
    assert (retry.attempt, retry.stage, retry.turn_id) == (2, Stage.GUIDE, request.run_id)
    assert isinstance(received[-1], TurnCompleted)


async def test_a_turn_that_failed_is_tried_again_and_clients_drop_the_partial_reply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    offline_reply = GuideModel.offline_reply

    def flaky(self: GuideModel, plan: Any) -> AsyncIterator[str]:
        calls.append(len(calls) + 1)
        if len(calls) > 1:
            return offline_reply(self, plan)

        async def broken() -> AsyncIterator[str]:
            yield "partial "
            raise RuntimeError("a bug, not a model failure")

        return broken()

    monkeypatch.setattr(GuideModel, "offline_reply", flaky)
    request = TurnRequested(session_id="s1", message="hi")
    events = await run(worker.broker(settings(token_flush_chars=1)), request)
    assert calls == [1, 2], "the harness republished the turn as its second attempt"
    kinds = [e.type for e in events]
    retry_at = kinds.index("stage.retrying")
    assert "token" in kinds[:retry_at], "the first attempt had written something"
    retry = events[retry_at]
    assert isinstance(retry, StageRetrying)
    assert (retry.attempt, retry.stage, retry.turn_id) == (2, Stage.GUIDE, request.run_id)
    completed = events[-1]
    assert isinstance(completed, TurnCompleted)
    after = [e.text for e in events[retry_at:] if isinstance(e, TokenStreamed)]
    assert completed.reply == "".join(after)
    assert "partial" not in completed.reply
