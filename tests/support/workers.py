"""Checks every worker's `app.py` must pass, on the real broker."""

from __future__ import annotations

import httpx
from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.contracts import topology as names


async def assert_worker_starts_declares_and_reports_ready(
    app: AsgiFastStream, broker: RabbitBroker, route: names.StageRoute, *, consumes: bool
) -> None:
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
