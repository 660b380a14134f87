"""Ordered consumers on the real broker: one delivery after another, whatever a handler does."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import aio_pika
import pytest
from aio_pika.abc import AbstractIncomingMessage

from careerstream.gateway.journal.consumers import OrderedConsumers

pytestmark = pytest.mark.broker


@pytest.fixture
async def consumers(rabbitmq_url: str) -> AsyncIterator[OrderedConsumers]:
    running = OrderedConsumers(rabbitmq_url, prefetch=50, name="test.consumers")
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


async def publish(consumers: OrderedConsumers, queue: str, bodies: list[bytes]) -> None:
    for body in bodies:
        await consumers.channel.default_exchange.publish(aio_pika.Message(body), routing_key=queue)


async def test_deliveries_are_handled_in_order_and_a_failing_one_stops_nothing(
    consumers: OrderedConsumers,
) -> None:
    queue = await consumers.private_queue(f"test.ordered.{uuid.uuid4().hex[:8]}")
    handled: list[bytes] = []
    done = asyncio.Event()

    async def handler(delivery: AbstractIncomingMessage) -> None:
        await asyncio.sleep(0.001 if delivery.body.endswith(b"0") else 0)  # would reorder tasks
        handled.append(delivery.body)
        await delivery.ack()
        if delivery.body == b"bad":
            raise RuntimeError("a handler that fails")
        if len(handled) == 41:
            done.set()

    consumers.consume(queue, handler)
    await publish(consumers, queue.name, [str(i).encode() for i in range(20)])
    await publish(consumers, queue.name, [b"bad"])
    await publish(consumers, queue.name, [str(i).encode() for i in range(20, 40)])
    await asyncio.wait_for(done.wait(), 20)
    expected = [str(i).encode() for i in range(20)] + [b"bad"]
    assert handled == expected + [str(i).encode() for i in range(20, 40)]
    assert consumers.running


async def test_stopped_consumers_are_not_running(rabbitmq_url: str) -> None:
    consumers = OrderedConsumers(rabbitmq_url, prefetch=1, name="test.consumers")
    assert not consumers.running
    await consumers.start()
    assert consumers.running
    await consumers.stop()
    assert not consumers.running
