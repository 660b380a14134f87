"""Consumers that keep the broker's order.

aiormq runs every delivery in a task of its own, so with a prefetch above one,
handlers can overtake each other. The journal must see each session's events in
the order they were published, so its shards (and the replica's live queue) are
read here through queue iterators, one delivery after another, on a connection
of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import aio_pika
from aio_pika.abc import (
    AbstractIncomingMessage,
    AbstractRobustChannel,
    AbstractRobustConnection,
    AbstractRobustQueue,
)

log = logging.getLogger("careerstream.gateway.journal.consumers")

Handler = Callable[[AbstractIncomingMessage], Awaitable[None]]


class OrderedConsumers:
    def __init__(self, url: str, *, prefetch: int, name: str) -> None:
        self.url = url
        self.prefetch = prefetch
        self.name = name
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self._connection = await aio_pika.connect_robust(
            self.url, client_properties={"connection_name": self.name}
        )
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=self.prefetch)
        self._channel = channel

    @property
    def channel(self) -> AbstractRobustChannel:
        if self._channel is None:
            raise RuntimeError("consumers not started")
        return self._channel

    @property
    def running(self) -> bool:
        return (
            self._connection is not None
            and not self._connection.is_closed
            and all(not task.done() for task in self._tasks)
        )

    async def existing_queue(self, name: str) -> AbstractRobustQueue:
        return await self.channel.declare_queue(name, passive=True)

    async def private_queue(self, name: str) -> AbstractRobustQueue:
        """An exclusive queue that disappears with this connection (not with its consumer:
        a channel reopened after an error must find it still there)."""
        return await self.channel.declare_queue(name, exclusive=True)

    def consume(self, queue: AbstractRobustQueue, handler: Handler) -> None:
        self._tasks.append(asyncio.create_task(self._run(queue, handler), name=queue.name))

    async def _run(self, queue: AbstractRobustQueue, handler: Handler) -> None:
        async with queue.iterator() as deliveries:
            async for delivery in deliveries:
                try:
                    await handler(delivery)
                except Exception:
                    # The handler decides acks; an unexpected failure must not stop the queue.
                    log.exception("handling a delivery from %s failed", queue.name)

    async def stop(self) -> None:
        # Closing the connection first ends the consumers on the broker's side; cancelling
        # the iterators before would make each one try a basic.cancel on a closing channel.
        if self._connection is not None:
            await self._connection.close()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
