"""The dead-letter queue on a real broker: bounded, its first unbounded version retired,
every dead letter logged by the workers' watch while the queue keeps it."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator

import aio_pika
import pytest
from faststream.rabbit import RabbitBroker

from careerstream.contracts import topology as names
from careerstream.runtime.deadletters import DeadLetterWatch, queue_depth
from careerstream.runtime.topology import declare_topology

pytestmark = pytest.mark.broker


@pytest.fixture
async def broker(rabbitmq_url: str) -> AsyncIterator[RabbitBroker]:
    bus = RabbitBroker(rabbitmq_url, logger=None)
    await bus.connect()
    await declare_topology(bus)
    try:
        yield bus
    finally:
        await purge(bus, names.DEAD_LETTER_QUEUE, names.DEAD_LETTER_WATCH_QUEUE)
        await bus.stop()


async def purge(broker: RabbitBroker, *queues: str) -> None:
    channel = await broker._connection.channel()  # type: ignore[union-attr]
    try:
        for name in queues:
            await (await channel.declare_queue(name, passive=True)).purge()
    finally:
        await channel.close()


async def test_the_dead_letter_queue_is_bounded_and_drops_the_oldest(
    broker: RabbitBroker,
) -> None:
    channel = await broker._connection.channel()  # type: ignore[union-attr]
    try:
        # Straight to the queue (default exchange), so the watch queue is not flooded.
        total = names.DEAD_LETTER_MAX + 5
        await asyncio.gather(
            *(
                channel.default_exchange.publish(
                    aio_pika.Message(str(n).encode()), routing_key=names.DEAD_LETTER_QUEUE
                )
                for n in range(total)
            )
        )
        assert await queue_depth(broker, names.DEAD_LETTER_QUEUE) == names.DEAD_LETTER_MAX
        queue = await channel.declare_queue(names.DEAD_LETTER_QUEUE, passive=True)
        oldest = await queue.get(no_ack=True)
        assert oldest is not None
        assert oldest.body == b"5", "the oldest letters made room"
    finally:
        await channel.close()


async def test_the_first_unbounded_queue_is_retired_without_losing_its_letters(
    rabbitmq_url: str,
) -> None:
    (legacy,) = names.RETIRED_DEAD_LETTER_QUEUES
    connection = await aio_pika.connect(rabbitmq_url)
    try:
        channel = await connection.channel()
        # What a broker that ran the earlier release holds: the unbounded queue, fed, a letter.
        exchange = await channel.declare_exchange(
            names.DEAD_LETTER_EXCHANGE, aio_pika.ExchangeType.FANOUT, durable=True
        )
        old = await channel.declare_queue(
            legacy, durable=True, arguments={"x-queue-type": "quorum"}
        )
        await old.bind(exchange, routing_key="")
        await exchange.publish(aio_pika.Message(b"before"), routing_key="")

        bus = RabbitBroker(rabbitmq_url, logger=None)
        await bus.connect()
        try:
            await declare_topology(bus)  # no PRECONDITION_FAILED: the bounded queue is new
            await declare_topology(bus)
            fed = await queue_depth(bus, names.DEAD_LETTER_QUEUE)
            assert fed is not None
            await exchange.publish(aio_pika.Message(b"after"), routing_key="")
            assert await queue_depth(bus, legacy) == 1, "kept, but no longer fed"
            assert await queue_depth(bus, names.DEAD_LETTER_QUEUE) == fed + 1, "the new one is"
            await (await channel.declare_queue(legacy, passive=True)).purge()
            await declare_topology(bus)
            assert await queue_depth(bus, legacy) is None, "an empty retired queue is removed"
        finally:
            await purge(bus, names.DEAD_LETTER_QUEUE, names.DEAD_LETTER_WATCH_QUEUE)
            await bus.stop()
    finally:
        await connection.close()


async def test_each_dead_letter_is_logged_with_its_session_and_stays_in_the_queue(
    rabbitmq_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    session = f"dead-{uuid.uuid4().hex[:8]}"
    watch = DeadLetterWatch()
    broker = RabbitBroker(rabbitmq_url, logger=None)
    broker.include_router(watch.router())
    caplog.set_level(logging.ERROR, logger="careerstream.deadletters")
    async with broker:
        await declare_topology(broker)
        await broker.start()
        try:
            # What RabbitMQ sends on when a stage queue rejects a request.
            await broker.publish(
                b"{}",
                exchange=names.DEAD_LETTER_EXCHANGE,
                headers={
                    names.SESSION_HEADER: session,
                    names.RUN_HEADER: "run-7",
                    names.ATTEMPT_HEADER: 5,
                    "x-first-death-queue": names.PARSE_REQUESTS.queue,
                    "x-first-death-reason": "rejected",
                },
            )
            async with asyncio.timeout(10):
                while watch.logged < 1:  # noqa: ASYNC110 - the watch exposes only a count
                    await asyncio.sleep(0.05)
            assert await watch.waiting(broker) == 1, "the letter is still there to be read"
        finally:
            await purge(broker, names.DEAD_LETTER_QUEUE, names.DEAD_LETTER_WATCH_QUEUE)
    (record,) = [r for r in caplog.records if session in r.getMessage()]
    assert record.levelno == logging.ERROR
    for part in ("run-7", "parse", "attempt 5", "rejected"):
        assert part in record.getMessage()
