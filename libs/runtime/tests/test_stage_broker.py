"""The stage harness's retry rules on a real RabbitMQ.

Whether the last attempt is recognised — and the session told before the request
is dead-lettered — can only be checked against RabbitMQ itself. The rule must not
lean on the broker's `x-delivery-count`: RabbitMQ 4.x no longer counts an explicit
requeue, and a classic queue never counts at all, so the classic queue here stands
in for a broker that gives no count.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import pytest
from faststream.rabbit import QueueType, RabbitBroker, RabbitMessage, RabbitQueue, RabbitRouter

from careerstream.contracts import AnalyzeRequested, Profile, Stage, StageRequest
from careerstream.contracts.topology import (
    ANALYZE_REQUESTS,
    DEAD_LETTER_EXCHANGE,
    JOURNAL_BINDING,
    MAX_DELIVERIES,
    RUN_HEADER,
    SESSION_HEADER,
    StageRoute,
)
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.settings import WorkerSettings
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import (
    consume_with,
    raw_body,
    stage_handler,
    stage_subscriber,
)
from careerstream.runtime.topology import (
    dead_letter_exchange,
    declare_topology,
    events_exchange,
    stage_queue,
    stages_exchange,
)

pytestmark = pytest.mark.broker


def queue_of(route: StageRoute, kind: QueueType) -> RabbitQueue:
    if kind is QueueType.QUORUM:
        return stage_queue(route)
    # No delivery count and no delivery limit: only the harness can bound the attempts.
    return RabbitQueue(
        route.queue,
        durable=True,
        routing_key=route.routing_key,
        arguments={"x-dead-letter-exchange": DEAD_LETTER_EXCHANGE},
    )


@pytest.mark.parametrize("kind", [QueueType.QUORUM, QueueType.CLASSIC])
async def test_a_failing_stage_is_tried_max_deliveries_times_then_dead_lettered(
    rabbitmq_url: str, kind: QueueType
) -> None:
    suffix = uuid.uuid4().hex[:8]
    route = StageRoute(queue=f"careerstream.test.failing.{suffix}", routing_key=f"test.{suffix}")
    session = f"poison-{suffix}"
    attempts: list[int] = []
    events: list[dict[str, Any]] = []
    dead: list[RabbitMessage] = []
    over = asyncio.Event()

    broker = RabbitBroker(rabbitmq_url, logger=None)

    async def work(request: StageRequest, run: StageRun) -> None:
        attempts.append(run.attempt)
        if len(attempts) > MAX_DELIVERIES + 2:
            over.set()  # the bound did not hold; stop waiting for it
        raise RuntimeError("this stage always fails")

    stage_subscriber(broker, queue_of(route, kind), prefetch=2)(
        consume_with(StageRequest, Stage.PARSE, work, route=route)
    )

    tap = RabbitQueue(f"test.tap.{suffix}", routing_key=JOURNAL_BINDING, auto_delete=True)

    @broker.subscriber(tap, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        if body["session_id"] == session:
            events.append(body)

    graveyard = RabbitQueue(f"test.dead.{suffix}", auto_delete=True)

    @broker.subscriber(graveyard, dead_letter_exchange)
    async def buried(body: Any, message: RabbitMessage) -> None:
        if message.correlation_id == session:
            dead.append(message)
            over.set()

    async with broker:
        await declare_topology(broker)
        await broker.start()
        await publish_request(broker, route, StageRequest(session_id=session, run_id="run-1"))
        async with asyncio.timeout(45):
            await over.wait()
        await asyncio.sleep(1.0)  # room for a delivery or an event that should not happen
        channel = await broker._connection.channel()  # type: ignore[union-attr]
        try:
            queue = await channel.declare_queue(route.queue, passive=True)
            assert queue.declaration_result.message_count == 0  # dead-lettered, not waiting
        finally:
            await channel.close()

    assert attempts == list(range(1, MAX_DELIVERIES + 1))
    assert len(dead) == 1
    kinds = [e["type"] for e in events]
    assert kinds.count("stage.retrying") == MAX_DELIVERIES - 1
    assert [e["attempt"] for e in events if e["type"] == "stage.retrying"] == list(
        range(2, MAX_DELIVERIES + 1)
    )
    assert kinds.count("error") == 1
    (error,) = [e for e in events if e["type"] == "error"]
    assert error["code"] == "stage_failed"
    assert error["retryable"] is False
    assert kinds[-1] == "error"


@pytest.mark.parametrize("kind", [QueueType.QUORUM, QueueType.CLASSIC])
async def test_a_delivery_cut_off_by_a_dying_worker_counts_as_an_attempt(
    rabbitmq_url: str, kind: QueueType
) -> None:
    suffix = uuid.uuid4().hex[:8]
    route = StageRoute(queue=f"careerstream.test.cutoff.{suffix}", routing_key=f"test.{suffix}")
    session = f"cutoff-{suffix}"
    attempts: list[int] = []
    events: list[dict[str, Any]] = []
    finished = asyncio.Event()

    broker = RabbitBroker(rabbitmq_url, logger=None)

    async def work(request: StageRequest, run: StageRun) -> None:
        attempts.append(run.attempt)
        await run.completed()
        finished.set()

    tap = RabbitQueue(f"test.tap.{suffix}", routing_key=JOURNAL_BINDING, auto_delete=True)

    @broker.subscriber(tap, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        if body["session_id"] == session:
            events.append(body)

    async with broker:
        await declare_topology(broker)
        await broker.declare_queue(queue_of(route, kind))
        queue = await broker.declare_queue(queue_of(route, kind))
        await queue.bind(await broker.declare_exchange(stages_exchange), route.routing_key)
        await broker.start()
        await publish_request(broker, route, StageRequest(session_id=session, run_id="run-1"))
        # A worker takes the request and dies: its channel closes with the delivery unsettled.
        channel = await broker._connection.channel()  # type: ignore[union-attr]
        dying = await channel.declare_queue(route.queue, passive=True)
        taken: list[Any] = []
        took = asyncio.Event()

        async def take(delivery: Any) -> None:  # and never settle it
            taken.append(delivery)
            took.set()

        await dying.consume(take)
        async with asyncio.timeout(10):
            await took.wait()
        assert not taken[0].redelivered
        await channel.close()
        stage_subscriber(broker, queue_of(route, kind), prefetch=1)(
            consume_with(StageRequest, Stage.PARSE, work, route=route)
        )
        await broker.start()
        async with asyncio.timeout(20):
            await finished.wait()
        await asyncio.sleep(0.5)  # room for events that should not come

    assert attempts == [2]
    assert [(e["type"], e.get("attempt")) for e in events] == [
        ("stage.retrying", 2),
        ("stage.started", None),
        ("stage.completed", None),
    ]


async def test_an_undecodable_request_is_dead_lettered_at_once_and_its_session_told(
    rabbitmq_url: str,
) -> None:
    suffix = uuid.uuid4().hex[:8]
    sessions = {name: f"{name}-{suffix}" for name in ("garbled", "misshapen", "fine")}
    handled: list[str] = []
    events: list[dict[str, Any]] = []
    dead: dict[str, list[RabbitMessage]] = {}
    all_dead = asyncio.Event()

    broker = RabbitBroker(rabbitmq_url, logger=None)
    router = RabbitRouter()

    @stage_handler(router, WorkerSettings(prefetch=4))
    async def analyze(request: AnalyzeRequested, run: StageRun) -> None:
        handled.append(request.session_id)
        await run.completed()

    broker.include_router(router)
    tap = RabbitQueue(f"test.tap.{suffix}", routing_key=JOURNAL_BINDING, auto_delete=True)

    @broker.subscriber(tap, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        if body["session_id"] in sessions.values():
            events.append(body)

    graveyard = RabbitQueue(f"test.dead.{suffix}", auto_delete=True)

    @broker.subscriber(graveyard, dead_letter_exchange, decoder=raw_body)
    async def buried(body: bytes, message: RabbitMessage) -> None:
        session = (message.headers or {}).get(SESSION_HEADER)
        if session in sessions.values():
            dead.setdefault(str(session), []).append(message)
            if len(dead) == 2:
                all_dead.set()

    async def send_raw(name: str, body: bytes) -> None:
        await broker.publish(
            body,
            exchange=stages_exchange,
            routing_key=ANALYZE_REQUESTS.routing_key,
            content_type="application/json",
            persist=True,
            headers={SESSION_HEADER: sessions[name], RUN_HEADER: f"run-{name}"},
        )

    async with broker:
        await declare_topology(broker)
        await broker.start()
        await send_raw("garbled", b'{"session_id": "not closed')
        await send_raw("misshapen", json.dumps({"session_id": sessions["misshapen"]}).encode())
        fine = AnalyzeRequested(session_id=sessions["fine"], run_id="run-fine", profile=Profile())
        await publish_request(broker, ANALYZE_REQUESTS, fine)
        async with asyncio.timeout(30):
            await all_dead.wait()
        await asyncio.sleep(1.0)  # room for a retry that should not happen

    assert handled == [sessions["fine"]], "the others never reached the handler"
    for name in ("garbled", "misshapen"):
        (letter,) = dead[sessions[name]]
        assert (letter.headers or {}).get("x-first-death-reason") == "rejected", "not retried"
        errors = [e for e in events if e["session_id"] == sessions[name]]
        assert [(e["type"], e["code"], e["retryable"]) for e in errors] == [
            ("error", "request_undecodable", False)
        ]
        assert errors[0]["turn_id"] == f"run-{name}"
        assert errors[0]["stage"] == Stage.ANALYZE.value
    assert [e["type"] for e in events if e["session_id"] == sessions["fine"]] == [
        "stage.started",
        "stage.completed",
    ]
