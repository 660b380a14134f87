"""The journal writer: batches raw events from the shard queues into the database.

Subscribers hand each delivery over without acknowledging it. The writer takes
what has arrived (up to `max_batch`, waiting at most `max_wait_s` after the
first), journals it in one transaction, publishes the numbered events for live
delivery, and only then acknowledges the deliveries. A crash anywhere before
the acknowledgement means RabbitMQ delivers again, and the store recognises
events it already holds by their `event_id`.

A run start recorded from a turn (`turn.completed` asking for one) is handed to
the listeners of `on_starts` right after the commit, to be published at once.

Nothing an entry does may end the writer: a database outage is waited out, any
other failure is isolated to its entry, which is dead-lettered. Should the task
end all the same, `healthy` turns false, so `/readyz` takes the replica out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.exc import DBAPIError, OperationalError

from careerstream.contracts import JournalEntry
from careerstream.gateway.journal.store.events import EventJournal, Journaled

log = logging.getLogger(__name__)


class Delivery(Protocol):
    async def ack(self) -> None: ...
    async def reject(self) -> None: ...


@dataclass(frozen=True)
class Pending:
    delivery: Delivery
    entry: JournalEntry


PublishLive = Callable[[Sequence[Journaled]], Awaitable[None]]
StartsRecorded = Callable[[Sequence[str]], None]


def _transient(exc: BaseException) -> bool:
    """Connection trouble is waited out; anything else is isolated to its event."""
    if isinstance(exc, OperationalError | OSError | ConnectionError | TimeoutError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


class JournalWriter:
    def __init__(
        self,
        journal: EventJournal,
        publish_live: PublishLive,
        *,
        max_batch: int = 200,
        max_wait_s: float = 0.005,
        retry_s: float = 0.5,
    ) -> None:
        self.journal = journal
        self.publish_live = publish_live
        self._on_starts: list[StartsRecorded] = []
        self._inbox: asyncio.Queue[Pending] = asyncio.Queue()
        # A batch: what has arrived, up to `max_batch`, within `max_wait_s` of the first.
        self.max_batch = max_batch
        self.max_wait_s = max_wait_s
        self.retry_s = retry_s  # between tries while the database is down
        self.batches = 0
        self._database_down = False
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def healthy(self) -> bool:
        """Running, and not waiting for the database."""
        return self.running and not self._database_down

    def on_starts(self, listener: StartsRecorded) -> None:
        """Told the sessions in which a committed batch recorded a run start (must not block)."""
        self._on_starts.append(listener)

    async def submit(self, delivery: Delivery, entry: JournalEntry) -> None:
        await self._inbox.put(Pending(delivery, entry))

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="journal-writer")
        self._task.add_done_callback(self._ended)

    async def stop(self) -> None:
        # Unacknowledged deliveries go back to their queue when the channel closes.
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait([self._task])

    def _ended(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled():
            log.critical(
                "the journal writer has stopped; this replica reports not ready",
                exc_info=task.exception(),
            )

    async def _run(self) -> None:
        while True:
            batch = await self._next_batch()
            try:
                await self._write(batch)
            except Exception:
                # E.g. an acknowledgement on a closed channel: RabbitMQ delivers those again.
                log.exception("a batch of %d was left unacknowledged", len(batch))

    async def _next_batch(self) -> list[Pending]:
        loop = asyncio.get_running_loop()
        batch = [await self._inbox.get()]
        deadline = loop.time() + self.max_wait_s
        while len(batch) < self.max_batch:
            remaining = deadline - loop.time()
            if remaining <= 0 and self._inbox.empty():
                break
            try:
                batch.append(await asyncio.wait_for(self._inbox.get(), max(remaining, 0)))
            except TimeoutError:
                break
        return batch

    async def _write(self, batch: list[Pending]) -> None:
        try:
            await self._write_whole(batch)
        except Exception:
            log.exception("a batch of %d failed; writing its entries one by one", len(batch))
            for pending in batch:
                await self._write_one(pending)

    async def _write_whole(self, batch: list[Pending]) -> None:
        while True:
            try:
                written = await self.journal.journal([p.entry for p in batch])
                break
            except Exception as exc:
                if not _transient(exc):
                    raise
                self._database_down = True
                log.warning("database unavailable (%s); retrying in %.1fs", exc, self.retry_s)
                await asyncio.sleep(self.retry_s)
        self._database_down = False
        self.batches += 1
        await self.publish_live(written.events)
        for pending in batch:
            await pending.delivery.ack()
        if written.starts:
            self._tell_starts(written.starts)

    def _tell_starts(self, session_ids: Sequence[str]) -> None:
        for listener in self._on_starts:
            try:
                listener(session_ids)
            except Exception:
                # The starts stay marked in the outbox: the periodic sweep publishes them.
                log.exception("a listener of recorded starts failed")

    async def _write_one(self, pending: Pending) -> None:
        try:
            await self._write_whole([pending])
        except Exception:
            log.exception("entry %s cannot be journaled; dead-lettering it", pending.entry.event_id)
            await pending.delivery.reject()
