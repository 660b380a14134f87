"""SQL on session rows: create, read, list, and the changes people ask for.

Every change made for a request takes the session's row lock, checks whether the
session admits it (`Admit`, a rule of the sessions wing, given the row as it is)
and applies it through the projection, so two racing requests cannot both pass.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession as DbSession
from sqlalchemy.ext.asyncio import async_sessionmaker

from careerstream.contracts import Locale, new_id, utc_now
from careerstream.gateway.journal import projection
from careerstream.gateway.journal.projection import StartUndo
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.models import SessionRow
from careerstream.gateway.journal.store.records import Page, PageKey, SessionRecord

Admit = Callable[[SessionRecord], None]
"""Raises to refuse a change; called under the row lock with the session as it stands."""


class SessionRepository:
    def __init__(self, db: async_sessionmaker[DbSession]) -> None:
        self._db = db

    async def create(self, locale: Locale, owner: str | None = None) -> SessionRecord:
        now = utc_now()
        row = SessionRow(
            id=new_id(),
            owner=owner,
            locale=locale.value,
            created_at=now,
            updated_at=now,
            last_seq=0,
            first_seq=1,
            status=SessionStatus.IDLE,
            stage=None,
            progress=0.0,
            status_message="",
            history=[],
            collected_info={},
            interview_asked=[],
            pipeline_completed=False,
            inputs={},
            results={},
        )
        async with self._db.begin() as db:
            db.add(row)
        return SessionRecord.of(row)

    async def get(self, session_id: str) -> SessionRecord | None:
        async with self._db() as db:
            row = await db.get(SessionRow, session_id)
            return SessionRecord.of(row) if row is not None else None

    async def page(self, owner: str, limit: int, after: PageKey | None) -> Page:
        """An owner's sessions, newest first, starting after `after`."""
        query = sa.select(SessionRow).where(SessionRow.owner == owner)
        if after is not None:
            query = query.where(
                sa.or_(
                    SessionRow.created_at < after.created_at,
                    sa.and_(
                        SessionRow.created_at == after.created_at,
                        SessionRow.id < after.session_id,
                    ),
                )
            )
        query = query.order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(limit + 1)
        async with self._db() as db:
            rows = list((await db.execute(query)).scalars())
        records = [SessionRecord.of(row) for row in rows[:limit]]
        more = len(rows) > limit
        last = records[-1] if more else None
        return Page(records, PageKey(last.created_at, last.session_id) if last else None)

    async def report_pdf(self, session_id: str) -> bytes | None:
        async with self._db() as db:
            result = await db.execute(
                sa.select(SessionRow.report_pdf).where(SessionRow.id == session_id)
            )
            return result.scalar_one_or_none()

    @asynccontextmanager
    async def _locked(self, session_id: str) -> AsyncIterator[SessionRow]:
        """The row under its lock for one transaction; KeyError when there is none."""
        async with self._db.begin() as db:
            row = await db.get(SessionRow, session_id, with_for_update=True)
            if row is None:
                raise KeyError(session_id)
            yield row
            row.updated_at = utc_now()

    async def add_user_message(self, session_id: str, text: str, *, admit: Admit) -> SessionRecord:
        """Record what the person said; returns the session as it was *before* it."""
        async with self._locked(session_id) as row:
            before = SessionRecord.of(row)
            admit(before)
            projection.add_user_message(row, text)
        return before

    async def withdraw_user_message(self, before: SessionRecord, text: str) -> bool:
        """Take back a message whose turn never started: the session as it was `before`."""
        async with self._locked(before.session_id) as row:
            return projection.withdraw_user_message(
                row, text, status=before.status, last_error=before.last_error
            )

    async def record_start(
        self, session_id: str, inputs: dict[str, Any], *, source: str, admit: Admit
    ) -> tuple[StartUndo, SessionRecord]:
        """Record a new run, marked to be published, and keep `inputs` with the session.

        Returns what takes the start back (`withdraw_start`) and the session after it.
        """
        async with self._locked(session_id) as row:
            admit(SessionRecord.of(row))
            undo = projection.undo_for(row, new_id())
            row.inputs = {**(row.inputs or {}), **inputs}
            projection.start_pipeline(row, undo.run_id, source, locale=row.locale, at=utc_now())
        return undo, SessionRecord.of(row)

    async def withdraw_start(self, session_id: str, undo: StartUndo) -> bool:
        """Take back a start never published; False when it was published meanwhile."""
        async with self._locked(session_id) as row:
            return projection.withdraw_start(row, undo)

    async def clear_start(self, session_id: str, run_id: str) -> None:
        """The run's request is on the broker: nothing of it waits in the outbox."""
        async with self._db.begin() as db:
            await db.execute(
                sa.update(SessionRow)
                .where(SessionRow.id == session_id, SessionRow.pipeline_run_id == run_id)
                .values(start_pending_at=None)
            )

    async def pending_starts(
        self, recorded_before: datetime, limit: int = 100
    ) -> list[SessionRecord]:
        """Sessions whose run start has waited in the outbox since before `recorded_before`."""
        query = (
            sa.select(SessionRow)
            .where(SessionRow.start_pending_at <= recorded_before)
            .order_by(SessionRow.start_pending_at)
            .limit(limit)
        )
        async with self._db() as db:
            return [SessionRecord.of(row) for row in (await db.execute(query)).scalars()]
