"""Declared handlers on the in-memory broker: decoded by kind, routed by kind, acked after."""

from __future__ import annotations

from typing import Any

import pytest
from faststream.rabbit import RabbitBroker, RabbitQueue, RabbitRouter, TestRabbitBroker

from careerstream.contracts import (
    AnalyzeRequested,
    MatchRequested,
    Profile,
    ReportRequested,
    Stage,
    StageRequest,
    parse_session_event,
)
from careerstream.contracts.topology import ANALYZE_REQUESTS, JOURNAL_BINDING
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.settings import StreamingSettings, WorkerSettings
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler
from careerstream.runtime.topology import events_exchange

TAP = RabbitQueue("test.events.tap", routing_key=JOURNAL_BINDING)


async def test_a_handler_gets_its_request_decoded_and_publishes_through_its_run() -> None:
    seen: list[AnalyzeRequested] = []
    events: list[Any] = []
    router = RabbitRouter()

    @stage_handler(router, WorkerSettings(prefetch=2))
    async def analyze(request: AnalyzeRequested, run: StageRun) -> None:
        seen.append(request)
        await run.completed({"ok": True})

    broker = RabbitBroker()
    broker.include_router(router)

    @broker.subscriber(TAP, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        events.append(parse_session_event(body))

    request = AnalyzeRequested(session_id="s1", run_id="r1", profile=Profile(name="Ada"))
    async with TestRabbitBroker(broker) as test_broker:
        await publish_request(test_broker, ANALYZE_REQUESTS, request)
    assert seen == [request]
    assert [(e.type, e.stage) for e in events] == [
        ("stage.started", Stage.ANALYZE),
        ("stage.completed", Stage.ANALYZE),
    ]


def test_the_request_kind_names_the_queue() -> None:
    router = RabbitRouter()

    @stage_handler(router, WorkerSettings(prefetch=1))
    async def match(request: MatchRequested, run: StageRun) -> None:
        """Ranks occupations."""

    (subscriber,) = router.subscribers
    assert subscriber.queue.name == "careerstream.matcher.requests"  # type: ignore[attr-defined]
    assert match.__doc__ == "Ranks occupations."


def test_a_handler_without_a_request_kind_is_refused() -> None:
    router = RabbitRouter()

    async def untyped(request: Any, run: StageRun) -> None: ...

    async def base_kind(request: StageRequest, run: StageRun) -> None: ...

    for handler in (untyped, base_kind):  # no stage consumes a bare StageRequest
        with pytest.raises(TypeError, match="StageRequest kind"):
            stage_handler(router, WorkerSettings())(handler)


def test_a_streaming_worker_gets_its_token_bounds_and_prefetch() -> None:
    class Streaming(WorkerSettings, StreamingSettings):
        pass

    router = RabbitRouter()

    @stage_handler(router, Streaming(prefetch=7, token_flush_ms=10, token_flush_chars=5))
    async def report(request: ReportRequested, run: StageRun) -> None: ...

    (subscriber,) = router.subscribers
    assert subscriber.channel.prefetch_count == 7  # type: ignore[attr-defined]
    assert Streaming(token_flush_ms=10, token_flush_chars=5).coalescing() == {
        "token_window_s": 0.01,
        "token_max_chars": 5,
    }
