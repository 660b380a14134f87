"""FastStream objects for the names in `careerstream.contracts.topology`.

Every service declares the whole topology when it starts (declarations are
idempotent), so the stack comes up in any order and no event is published into
an exchange with nothing bound to it yet.
"""

from __future__ import annotations

import logging
from typing import Any

from faststream.rabbit import ExchangeType, QueueType, RabbitBroker, RabbitExchange, RabbitQueue

from careerstream.contracts import topology as names

log = logging.getLogger("careerstream.topology")

stages_exchange = RabbitExchange(names.STAGES_EXCHANGE, type=ExchangeType.DIRECT, durable=True)
events_exchange = RabbitExchange(names.EVENTS_EXCHANGE, type=ExchangeType.TOPIC, durable=True)
journal_exchange = RabbitExchange(
    names.JOURNAL_EXCHANGE,
    type=ExchangeType.HEADERS,
    durable=True,
    bind_to=events_exchange,
    routing_key=names.JOURNAL_BINDING,
)
live_exchange = RabbitExchange(names.LIVE_EXCHANGE, type=ExchangeType.TOPIC, durable=True)
dead_letter_exchange = RabbitExchange(
    names.DEAD_LETTER_EXCHANGE, type=ExchangeType.FANOUT, durable=True
)


def stage_queue(route: names.StageRoute) -> RabbitQueue:
    """The durable quorum queue of one agent; poison messages dead-letter after a bound."""
    return RabbitQueue(
        route.queue,
        queue_type=QueueType.QUORUM,
        durable=True,
        routing_key=route.routing_key,
        arguments={
            "x-delivery-limit": names.MAX_DELIVERIES,
            "x-dead-letter-exchange": names.DEAD_LETTER_EXCHANGE,
        },
    )


def journal_queue(shard: int) -> RabbitQueue:
    """One journal shard. A single active consumer keeps one writer per session, while
    other gateway replicas stand by and take the shard over when that consumer dies."""
    return RabbitQueue(
        names.journal_queue_name(shard),
        queue_type=QueueType.QUORUM,
        durable=True,
        bind_arguments={"x-match": "all", names.JOURNAL_SHARD_HEADER: str(shard)},
        arguments={
            "x-single-active-consumer": True,
            "x-delivery-limit": names.MAX_DELIVERIES,
            "x-dead-letter-exchange": names.DEAD_LETTER_EXCHANGE,
        },
    )


journal_queues = tuple(journal_queue(shard) for shard in range(names.JOURNAL_SHARDS))


def bounded_queue(name: str, max_length: int) -> RabbitQueue:
    """A durable quorum queue that drops its oldest messages beyond `max_length`."""
    return RabbitQueue(
        name,
        queue_type=QueueType.QUORUM,
        durable=True,
        arguments={"x-max-length": max_length, "x-overflow": "drop-head"},
    )


dead_letter_queue = bounded_queue(names.DEAD_LETTER_QUEUE, names.DEAD_LETTER_MAX)
dead_letter_watch_queue = bounded_queue(names.DEAD_LETTER_WATCH_QUEUE, names.DEAD_LETTER_WATCH_MAX)


async def declare_topology(broker: RabbitBroker) -> None:
    """Declare every exchange and queue with its bindings (idempotent)."""
    for exchange in (stages_exchange, events_exchange, live_exchange, dead_letter_exchange):
        await broker.declare_exchange(exchange)
    # Declaring the journal exchange also binds it to the events exchange (`bind_to`).
    journal = await broker.declare_exchange(journal_exchange)
    stages = await broker.declare_exchange(stages_exchange)
    for route in names.STAGE_ROUTES.values():
        queue = await broker.declare_queue(stage_queue(route))
        await queue.bind(stages, routing_key=route.routing_key)
    for spec in journal_queues:
        queue = await broker.declare_queue(spec)
        await queue.bind(journal, arguments=spec.bind_arguments)
    dead_letters = await broker.declare_exchange(dead_letter_exchange)
    for spec in (dead_letter_queue, dead_letter_watch_queue):
        queue = await broker.declare_queue(spec)
        await queue.bind(dead_letters, routing_key="")
    await retire_dead_letter_queues(broker)


async def retire_dead_letter_queues(broker: RabbitBroker) -> None:
    """Stop feeding the unbounded queue of earlier releases (see `DEAD_LETTER_QUEUE`).

    Its letters stay to be read; once it is empty it is removed. Each step runs on a
    channel of its own, because the broker closes a channel that asks about a queue
    that is not there (the usual case) or deletes one that is not empty (a race with
    a letter arriving, or with another service starting).
    """
    connection: Any = getattr(broker, "_connection", None)
    if connection is None:
        return
    for name in names.RETIRED_DEAD_LETTER_QUEUES:
        channel = await connection.channel()
        try:
            queue = await channel.declare_queue(name, passive=True)
            await queue.unbind(names.DEAD_LETTER_EXCHANGE, routing_key="")
            # Unbound first, so nothing arrives between counting and deleting. (Quorum
            # queues refuse `if_empty`, and refuse it by closing the whole connection.)
            waiting = (await queue.declare()).message_count or 0
            if waiting:
                log.warning("retired dead-letter queue %s still holds %d letters", name, waiting)
            else:
                await queue.delete(if_unused=False, if_empty=False)
        except Exception as exc:  # not there (the usual case): the broker closed the channel
            log.debug("dead-letter queue %s not retired now: %s", name, exc)
        finally:
            if not channel.is_closed:
                await channel.close()
