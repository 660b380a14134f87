"""SQL on the event journal: number and store a batch, read it back, prune it.

`journal()` is the single writer of a session's events: in one transaction it
locks each session's row, drops events it already holds (redeliveries) and
those of a run or turn that is over (a redelivery's rerun under new ids), gives
the rest the next `seq` numbers, stores them and updates the projection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeGuard

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession as DbSession
from sqlalchemy.ext.asyncio import async_sessionmaker

from careerstream.contracts import JournalEntry, SessionEvent, session_event_adapter, utc_now
from careerstream.gateway.journal import projection
from careerstream.gateway.journal.store.models import EventRow, SessionRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Journaled:
    """A client event as numbered; `new` is false for a copy of one already held."""

    event: SessionEvent
    new: bool


@dataclass(frozen=True)
class Written:
    """What one transaction journaled: the client events in arrival order (copies of
    events already held included), and the sessions in which it recorded a run start."""

    events: list[Journaled]
    starts: list[str]


def _decode(payload: dict[str, Any]) -> SessionEvent:
    return session_event_adapter.validate_python(payload)


def _for_clients(entry: JournalEntry) -> TypeGuard[SessionEvent]:
    """Client events are numbered, stored and sent; other entries only change the session."""
    return entry.for_clients


class EventJournal:
    def __init__(
        self, db: async_sessionmaker[DbSession], *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._db = db
        self.clock = clock  # the gateway's own, for retention; never a producer's `ts`

    async def journal(self, entries: Sequence[JournalEntry]) -> Written:
        """Number and store a batch in one transaction, in arrival order; returns client events.

        A handful of statements per batch whatever its size: lock the sessions'
        rows, look up event ids already held, insert the new events in one
        executemany; the projection changes leave with the commit.
        """
        session_ids = sorted({e.session_id for e in entries})
        out: list[Journaled] = []
        async with self._db.begin() as db:
            # Rows locked in id order, so two writers never wait on each other in a cycle.
            locked = await db.execute(
                sa.select(SessionRow)
                .where(SessionRow.id.in_(session_ids))
                .order_by(SessionRow.id)
                .with_for_update()
            )
            rows = {row.id: row for row in locked.scalars()}
            pending_before = {row.id: row.start_pending_at for row in rows.values()}
            stored = await db.execute(
                sa.select(EventRow.session_id, EventRow.event_id, EventRow.payload).where(
                    EventRow.session_id.in_(list(rows)),
                    EventRow.event_id.in_({e.event_id for e in entries if _for_clients(e)}),
                )
            )
            known: dict[tuple[str, str], dict[str, Any]] = {
                (session_id, event_id): payload for session_id, event_id, payload in stored.all()
            }
            inserts: list[dict[str, Any]] = []
            journaled_at = self.clock()
            for entry in entries:
                row = rows.get(entry.session_id)
                if row is None:
                    log.warning("dropping an entry of unknown session %s", entry.session_id)
                    continue
                if not _for_clients(entry):
                    # Applied, never numbered or sent: a redelivery applies the same again.
                    projection.apply(row, entry)
                    continue
                key = (entry.session_id, entry.event_id)
                if key in known:
                    out.append(Journaled(_decode(known[key]), new=False))
                    continue
                numbered = entry.numbered(row.last_seq + 1)
                if not projection.apply(row, numbered):
                    # A late copy from a finished run or an answered turn (a redelivery
                    # under a new attempt's ids): clients hear each result once.
                    log.info("not journaling %s of %s: its run or turn is over", entry.type, key)
                    continue
                row.last_seq += 1
                payload = numbered.model_dump(mode="json")
                known[key] = payload
                inserts.append(
                    {
                        "session_id": entry.session_id,
                        "seq": row.last_seq,
                        "event_id": entry.event_id,
                        "type": entry.type,
                        "ts": entry.ts,
                        "journaled_at": journaled_at,
                        "payload": payload,
                    }
                )
                out.append(Journaled(numbered, new=True))
            if inserts:
                await db.execute(sa.insert(EventRow), inserts)
            now = utc_now()
            for row in rows.values():
                row.updated_at = now
            # Only starts marked here: one the API is publishing right now is its own.
            starts = [
                row.id
                for row in rows.values()
                if row.start_pending_at is not None
                and row.start_pending_at != pending_before[row.id]
            ]
        return Written(out, starts)

    async def events_after(
        self, session_id: str, after_seq: int, limit: int = 500
    ) -> list[SessionEvent]:
        async with self._db() as db:
            result = await db.execute(
                sa.select(EventRow.payload)
                .where(EventRow.session_id == session_id, EventRow.seq > after_seq)
                .order_by(EventRow.seq)
                .limit(limit)
            )
            return [_decode(payload) for payload in result.scalars()]

    async def prune(self, older_than: datetime) -> int:
        """Delete each session's events journaled before `older_than`, as a prefix of `seq`.

        Only the events before a session's first younger one go, so what remains is
        contiguous and `first_seq` says exactly where it starts (an older cursor gets
        a reset). Rows are locked in id order, as the writer locks them.
        """
        async with self._db.begin() as db:
            touched = (
                sa.select(EventRow.session_id).where(EventRow.journaled_at < older_than).distinct()
            )
            sessions = sorted((await db.execute(touched)).scalars())
            if not sessions:
                return 0
            locked = await db.execute(
                sa.select(SessionRow)
                .where(SessionRow.id.in_(sessions))
                .order_by(SessionRow.id)
                .with_for_update()
            )
            rows = list(locked.scalars())
            young = await db.execute(
                sa.select(EventRow.session_id, sa.func.min(EventRow.seq))
                .where(EventRow.session_id.in_(sessions), EventRow.journaled_at >= older_than)
                .group_by(EventRow.session_id)
            )
            first_young: dict[str, int] = dict(young.all())
            deleted = 0
            for row in rows:
                keep_from = first_young.get(row.id, row.last_seq + 1)
                gone = await db.execute(
                    sa.delete(EventRow).where(
                        EventRow.session_id == row.id, EventRow.seq < keep_from
                    )
                )
                deleted += int(getattr(gone, "rowcount", 0) or 0)
                row.first_seq = max(row.first_seq, keep_from)
            return deleted
