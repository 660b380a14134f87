"""The topology on a real broker: declared twice without conflict, the right queue kinds."""

from __future__ import annotations

import pytest
from faststream.rabbit import RabbitBroker

from careerstream.contracts import topology as names
from careerstream.runtime.topology import declare_topology

pytestmark = pytest.mark.broker


async def test_declaring_twice_is_harmless_and_queues_are_durable(rabbitmq_url: str) -> None:
    broker = RabbitBroker(rabbitmq_url, logger=None)
    await broker.connect()
    try:
        await declare_topology(broker)
        await declare_topology(broker)
        channel = await broker._connection.channel()  # type: ignore[union-attr]
        for route in names.STAGE_ROUTES.values():
            queue = await channel.declare_queue(route.queue, passive=True)
            assert queue.name == route.queue
        for shard in range(names.JOURNAL_SHARDS):
            await channel.declare_queue(names.journal_queue_name(shard), passive=True)
        await channel.declare_queue(names.DEAD_LETTER_QUEUE, passive=True)
        await channel.close()
    finally:
        await broker.stop()


def test_the_dead_letter_queues_are_bounded() -> None:
    from careerstream.runtime.topology import dead_letter_queue, dead_letter_watch_queue

    for queue, bound in (
        (dead_letter_queue, names.DEAD_LETTER_MAX),
        (dead_letter_watch_queue, names.DEAD_LETTER_WATCH_MAX),
    ):
        assert queue.arguments is not None
        assert queue.arguments["x-max-length"] == bound
        assert queue.arguments["x-overflow"] == "drop-head"
    assert names.DEAD_LETTER_QUEUE not in names.RETIRED_DEAD_LETTER_QUEUES
