"""A worker's health routes on a real broker: ready, with the dead letters counted."""

from __future__ import annotations

import httpx
import pytest
from faststream.rabbit import RabbitBroker

from careerstream.runtime.deadletters import DeadLetterWatch
from careerstream.runtime.worker import create_worker_app

pytestmark = pytest.mark.broker


async def test_readyz_reports_the_dead_letters(rabbitmq_url: str) -> None:
    broker = RabbitBroker(rabbitmq_url, logger=None)
    watch = DeadLetterWatch()
    broker.include_router(watch.router())
    app = create_worker_app(broker, watch=watch)
    await app.start()
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
            assert (await client.get("/healthz")).json() == {"status": "ok"}
            ready = await client.get("/readyz")
    finally:
        await app.stop()
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ok"
    assert isinstance(body["dead_letters"]["waiting"], int)
    assert body["dead_letters"]["logged"] == 0


async def test_readyz_says_not_ready_without_a_broker() -> None:
    broker = RabbitBroker("amqp://guest:guest@127.0.0.1:1/", logger=None)
    app = create_worker_app(broker, watch=DeadLetterWatch())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        ready = await client.get("/readyz")
    assert ready.status_code == 503
