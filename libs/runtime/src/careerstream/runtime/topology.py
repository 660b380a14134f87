"""FastStream objects for the names in `careerstream.contracts.topology`.

Every service declares the whole topology when it starts (declarations are
idempotent), so the stack comes up in any order and no event is published into
an exchange with nothing bound to it yet.
"""

from __future__ import annotations

from faststream.rabbit import ExchangeType, QueueType, RabbitBroker, RabbitExchange, RabbitQueue

from careerstream.contracts import topology as names

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

dead_letter_queue = RabbitQueue(names.DEAD_LETTER_QUEUE, queue_type=QueueType.QUORUM, durable=True)


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
    dlq = await broker.declare_queue(dead_letter_queue)
    await dlq.bind(await broker.declare_exchange(dead_letter_exchange), routing_key="")
