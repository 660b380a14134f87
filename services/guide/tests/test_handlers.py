"""The guide's subscriber on the in-memory broker: a whole turn's events, in order."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from faststream.rabbit import RabbitBroker, RabbitQueue, TestRabbitBroker
from faststream.rabbit.testing import build_message

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    SessionEvent,
    StageRetrying,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
    parse_session_event,
)
from careerstream.contracts.topology import GUIDE_TURNS, JOURNAL_BINDING
from careerstream.guide import handlers
from careerstream.guide.app import create_broker
from careerstream.guide.llm import ModelError
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.topology import events_exchange, stage_queue

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
    events = await run(create_broker(settings()), request)
    tokens = [e for e in events if isinstance(e, TokenStreamed)]
    assert len(tokens) >= 3
    assert isinstance(events[-1], TurnCompleted)
    assert events[-1].reply == "".join(t.text for t in tokens)
    assert all(e.turn_id == request.run_id and e.session_id == "s1" for e in events)


async def test_the_size_bound_sets_the_message_count() -> None:
    request = TurnRequested(session_id="s1", message="Hello")
    few = await run(create_broker(settings(token_flush_chars=200)), request)
    many = await run(create_broker(settings(token_flush_chars=5)), request)
    assert len(few) < len(many)


async def test_a_failing_model_ends_the_turn_with_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(*args: Any, **kwargs: Any) -> AsyncIterator[str]:
        yield "partial "
        raise ModelError("RateLimitError: slow down")

    monkeypatch.setattr(handlers, "stream_completion", broken)
    events = await run(create_broker(settings()), TurnRequested(session_id="s1", message="hi"))
    assert isinstance(events[-1], ErrorRaised)
    assert events[-1].code == "model_error"
    assert events[-1].retryable
    assert not any(isinstance(e, TurnCompleted) for e in events)


async def test_a_redelivered_turn_first_tells_clients_to_drop_partial_output() -> None:
    broker = create_broker(settings())
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
    assert isinstance(received[0], StageRetrying)
    assert received[0].attempt == 2
    assert isinstance(received[-1], TurnCompleted)
