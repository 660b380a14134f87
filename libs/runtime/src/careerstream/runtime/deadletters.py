"""The workers' watch over the dead-letter queue: each dead letter logged, a count kept.

Every worker subscribes to `DEAD_LETTER_WATCH_QUEUE`, the dead-letter exchange's copy
of each letter (competing consumers: one worker logs each letter). The letters
themselves stay in `DEAD_LETTER_QUEUE` to be read or replayed; the watch only reads the
copy and that queue's depth. `/readyz` reports both (`health.py`); the count is meant to
become a metric.
"""

from __future__ import annotations

import logging
from typing import Any

from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import topology as names
from careerstream.runtime.subscribers import raw_body
from careerstream.runtime.topology import dead_letter_exchange, dead_letter_watch_queue

log = logging.getLogger("careerstream.deadletters")

_STAGE_OF_QUEUE = {route.queue: stage.value for stage, route in names.STAGE_ROUTES.items()}


async def queue_depth(broker: RabbitBroker, name: str) -> int | None:
    """Messages waiting in `name`, or None when it cannot be asked (no queue, no broker).

    A passive declare on a channel of its own: the broker closes a channel that asks
    about a queue that is not there, and the workers' own channels must not pay for it.
    """
    connection: Any = getattr(broker, "_connection", None)
    if connection is None:
        return None
    try:
        channel = await connection.channel()
    except Exception:
        return None
    try:
        queue = await channel.declare_queue(name, passive=True)
        return int(queue.declaration_result.message_count or 0)
    except Exception:
        return None
    finally:
        if not channel.is_closed:
            await channel.close()


def describe(message: RabbitMessage) -> str:
    """Whose the letter was and why it died, from the headers the bus and RabbitMQ set."""
    headers = message.headers or {}
    queue = headers.get("x-first-death-queue")
    parts = [
        f"session {headers.get(names.SESSION_HEADER) or message.correlation_id}",
        f"run {headers.get(names.RUN_HEADER)}",
        f"stage {_STAGE_OF_QUEUE.get(str(queue), '-')}",
        f"attempt {headers.get(names.ATTEMPT_HEADER, 1)}",
        f"queue {queue}",
        f"reason {headers.get('x-first-death-reason')}",
        f"message {message.message_id}",
    ]
    return ", ".join(parts)


class DeadLetterWatch:
    """Logs each dead letter this worker is handed at ERROR and counts them."""

    def __init__(self) -> None:
        self.logged = 0

    def router(self) -> RabbitRouter:
        router = RabbitRouter()

        # Acknowledged at once: the copy is only news, the letter stays in DEAD_LETTER_QUEUE.
        @router.subscriber(
            dead_letter_watch_queue,
            dead_letter_exchange,
            channel=Channel(prefetch_count=16),
            ack_policy=AckPolicy.ACK_FIRST,
            decoder=raw_body,
        )
        async def dead_letter(message: RabbitMessage) -> None:
            self.logged += 1
            log.error("dead letter (%d seen here): %s", self.logged, describe(message))

        return router

    async def waiting(self, broker: RabbitBroker) -> int | None:
        """Letters in the dead-letter queue (every worker's, not only those seen here)."""
        return await queue_depth(broker, names.DEAD_LETTER_QUEUE)

    async def report(self, broker: RabbitBroker) -> dict[str, int | None]:
        return {"waiting": await self.waiting(broker), "logged": self.logged}
