"""Checks every worker's `app.py` must pass, on the real broker."""

from __future__ import annotations

from typing import Any

import httpx
from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker, RabbitQueue, TestRabbitBroker

from careerstream.contracts import StageRequest
from careerstream.contracts import topology as names
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.topology import events_exchange, stage_queue, stages_exchange


async def assert_worker_starts_declares_and_reports_ready(
    app: AsgiFastStream, route: names.StageRoute, *, consumes: bool
) -> None:
    broker = app.broker
    assert isinstance(broker, RabbitBroker)
    await app.start()
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
            assert (await client.get("/healthz")).status_code == 200
            ready = await client.get("/readyz")
            assert ready.status_code == 200, ready.text
        channel = await broker._connection.channel()  # type: ignore[union-attr]
        try:
            queue = await channel.declare_queue(route.queue, passive=True)
            consumers = queue.declaration_result.consumer_count or 0
            assert (consumers > 0) is consumes, f"{route.queue} has {consumers} consumers"
        finally:
            await channel.close()
    finally:
        await app.stop()


async def run_stage_in_memory(
    broker: RabbitBroker,
    route: names.StageRoute,
    request: StageRequest,
    forward_to: names.StageRoute | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Publish one stage request on FastStream's in-memory broker.

    Returns the session messages the stage published (what the journal would get,
    in order) and the requests it forwarded to `forward_to`.
    """
    events: list[dict[str, Any]] = []
    forwarded: list[dict[str, Any]] = []

    @broker.subscriber(
        RabbitQueue("test.events.tap", routing_key=names.JOURNAL_BINDING), events_exchange
    )
    async def journal(body: dict[str, Any]) -> None:
        events.append(body)

    if forward_to is not None:

        @broker.subscriber(stage_queue(forward_to), stages_exchange)
        async def next_stage(body: dict[str, Any]) -> None:
            forwarded.append(body)

    async with TestRabbitBroker(broker) as test_broker:
        await publish_request(test_broker, route, request)
    return events, forwarded


def milestones(events: list[dict[str, Any]]) -> list[str]:
    """The stage events' types, in order (tokens and progress left out)."""
    return [e["type"] for e in events if e["type"] not in ("token", "stage.progress")]
