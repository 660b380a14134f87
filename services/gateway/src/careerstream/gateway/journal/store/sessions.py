"""The session store and event journal, on SQLAlchemy (SQLite or PostgreSQL).

`journal()` is the single writer of a session's events: in one transaction it
locks each session's row, drops events it already holds (redeliveries), gives
the rest the next `seq` numbers, stores them and updates the projection.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from careerstream.contracts import (
    ChatMessage,
    Locale,
    ReportRendered,
    SessionEvent,
    new_id,
    session_event_adapter,
    utc_now,
)
from careerstream.gateway.journal import projection
from careerstream.gateway.journal.store.db import session_factory
from careerstream.gateway.journal.store.models import EventRow, SessionRow

log = logging.getLogger("careerstream.gateway.journal.store.sessions")


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SessionView:
    """A read-only copy of a session row."""

    session_id: str
    owner: str | None
    locale: Locale
    created_at: datetime
    updated_at: datetime
    last_seq: int
    first_seq: int
    status: str
    stage: str | None
    progress: float
    status_message: str
    history: list[dict[str, Any]]
    collected_info: dict[str, Any]
    asked: list[str]
    pipeline_run_id: str | None
    inputs: dict[str, Any]
    results: dict[str, Any]
    streaming: dict[str, Any] | None
    last_error: dict[str, Any] | None
    report: dict[str, Any] | None

    @property
    def has_report(self) -> bool:
        return self.report is not None

    @classmethod
    def of(cls, row: SessionRow) -> SessionView:
        return cls(
            session_id=row.id,
            owner=row.owner,
            locale=Locale(row.locale),
            created_at=_aware(row.created_at),
            updated_at=_aware(row.updated_at),
            last_seq=row.last_seq,
            first_seq=row.first_seq,
            status=row.status,
            stage=row.stage,
            progress=row.progress,
            status_message=row.status_message,
            history=list(row.history),
            collected_info=dict(row.collected_info),
            asked=list(row.interview_asked or []),
            pipeline_run_id=row.pipeline_run_id,
            inputs=dict(row.inputs or {}),
            results=dict(row.results),
            streaming=row.streaming,
            last_error=row.last_error,
            report=row.report,
        )

    def chat_history(self) -> list[ChatMessage]:
        return [ChatMessage.model_validate(m) for m in self.history]

    def status_view(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "status": self.status,
            "stage": self.stage,
            "progress": self.progress,
            "message": self.status_message,
            "last_seq": self.last_seq,
            "updated_at": self.updated_at.isoformat(),
        }

    def snapshot(self) -> dict[str, Any]:
        return {
            **self.status_view(),
            "locale": self.locale.value,
            "created_at": self.created_at.isoformat(),
            "history": self.history,
            "collected_info": self.collected_info,
            "results": self.results,
            "pipeline_run_id": self.pipeline_run_id,
            "has_resume": bool(self.inputs.get("resume")),
            "has_assessment": bool(self.inputs.get("answers")),
            "streaming": self.streaming,
            "last_error": self.last_error,
            "has_report": self.has_report,
        }

    def summary(self) -> dict[str, Any]:
        first_user = next((m["content"] for m in self.history if m["role"] == "user"), "")
        return {
            "session_id": self.session_id,
            "locale": self.locale.value,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "status": self.status,
            "title": first_user[:80],
        }


BUSY_WITH_PIPELINE = frozenset({"analyzing", "running"})


class TurnRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# What the journal consumes: the events clients see, and the stored-only report.
JournalInput = SessionEvent | ReportRendered


@dataclass(frozen=True)
class Journaled:
    event: SessionEvent
    new: bool


@dataclass(frozen=True)
class Page:
    sessions: list[SessionView]
    next_cursor: str | None


class SessionStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._db = session_factory(engine)

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(sa.text("SELECT 1"))
        except Exception:
            return False
        return True

    async def create(self, locale: Locale, owner: str | None = None) -> SessionView:
        now = utc_now()
        row = SessionRow(
            id=new_id(),
            owner=owner,
            locale=locale.value,
            created_at=now,
            updated_at=now,
            last_seq=0,
            first_seq=1,
            status="idle",
            stage=None,
            progress=0.0,
            status_message="",
            history=[],
            collected_info={},
            interview_asked=[],
            inputs={},
            results={},
        )
        async with self._db.begin() as db:
            db.add(row)
        return SessionView.of(row)

    async def get(self, session_id: str) -> SessionView | None:
        async with self._db() as db:
            row = await db.get(SessionRow, session_id)
            return SessionView.of(row) if row is not None else None

    async def add_user_message(
        self, session_id: str, text: str, *, turn_timeout_s: float
    ) -> SessionView:
        """Record what the person said; returns the session as it was *before* it.

        Under the row lock, so two messages racing cannot both start a turn: raises
        `TurnRefused` while a pipeline runs or another turn is still being answered.
        """
        async with self._db.begin() as db:
            row = await db.get(SessionRow, session_id, with_for_update=True)
            if row is None:
                raise KeyError(session_id)
            before = SessionView.of(row)
            if before.status in BUSY_WITH_PIPELINE:
                raise TurnRefused(
                    "pipeline_running",
                    "Your analysis is running; you can chat again once the report is ready.",
                )
            answering_since = (utc_now() - before.updated_at).total_seconds()
            if before.status == "replying" and answering_since < turn_timeout_s:
                raise TurnRefused(
                    "turn_in_progress", "The guide is still answering your previous message."
                )
            projection.add_user_message(row, text)
            row.updated_at = utc_now()
        return before

    async def start_pipeline(
        self, session_id: str, inputs: dict[str, Any], *, source: str, turn_timeout_s: float
    ) -> SessionView:
        """Mark a run as started for an upload or the questionnaire; returns the session after.

        Under the row lock, like a chat message: refused (`TurnRefused`) while a run is
        in progress or the guide is answering. `inputs` is merged into what is kept.
        """
        async with self._db.begin() as db:
            row = await db.get(SessionRow, session_id, with_for_update=True)
            if row is None:
                raise KeyError(session_id)
            before = SessionView.of(row)
            if before.status in BUSY_WITH_PIPELINE:
                raise TurnRefused(
                    "pipeline_running", "An analysis is already running for this session."
                )
            answering_since = (utc_now() - before.updated_at).total_seconds()
            if before.status == "replying" and answering_since < turn_timeout_s:
                raise TurnRefused(
                    "turn_in_progress", "The guide is still answering; try again in a moment."
                )
            row.inputs = {**before.inputs, **inputs}
            projection.start_pipeline(row, new_id(), source)
            row.updated_at = utc_now()
            return SessionView.of(row)

    async def abandon_pipeline(self, session_id: str, run_id: str, message: str) -> None:
        """The run could not be handed to the parser: the session is free again."""
        async with self._db.begin() as db:
            row = await db.get(SessionRow, session_id, with_for_update=True)
            if row is not None and row.pipeline_run_id == run_id and row.status == "analyzing":
                row.status = "idle"
                row.status_message = message
                row.updated_at = utc_now()

    async def report_pdf(self, session_id: str) -> bytes | None:
        async with self._db() as db:
            result = await db.execute(
                sa.select(SessionRow.report_pdf).where(SessionRow.id == session_id)
            )
            return result.scalar_one_or_none()

    async def journal(self, events: Sequence[JournalInput]) -> list[Journaled]:
        """Number and store a batch in one transaction, in arrival order.

        A handful of statements per batch whatever its size: lock the sessions'
        rows, look up event ids already held, insert the new events in one
        executemany; the projection changes leave with the commit.
        """
        session_ids = sorted({e.session_id for e in events})
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
            stored = await db.execute(
                sa.select(EventRow.session_id, EventRow.event_id, EventRow.payload).where(
                    EventRow.session_id.in_(list(rows)),
                    EventRow.event_id.in_({e.event_id for e in events}),
                )
            )
            known: dict[tuple[str, str], dict[str, Any]] = {
                (session_id, event_id): payload for session_id, event_id, payload in stored.all()
            }
            inserts: list[dict[str, Any]] = []
            for event in events:
                row = rows.get(event.session_id)
                if row is None:
                    log.warning("dropping an event of unknown session %s", event.session_id)
                    continue
                if isinstance(event, ReportRendered):
                    # Stored, never numbered or sent: a redelivery writes the same again.
                    projection.store_report(row, event)
                    continue
                key = (event.session_id, event.event_id)
                if key in known:
                    out.append(Journaled(_decode(known[key]), new=False))
                    continue
                row.last_seq += 1
                numbered = event.numbered(row.last_seq)
                payload = numbered.model_dump(mode="json")
                known[key] = payload
                inserts.append(
                    {
                        "session_id": event.session_id,
                        "seq": row.last_seq,
                        "event_id": event.event_id,
                        "type": event.type,
                        "ts": event.ts,
                        "payload": payload,
                    }
                )
                projection.apply(row, numbered)
                out.append(Journaled(numbered, new=True))
            if inserts:
                await db.execute(sa.insert(EventRow), inserts)
            now = utc_now()
            for row in rows.values():
                row.updated_at = now
        return out

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

    async def list_for_owner(self, owner: str, limit: int, cursor: str | None) -> Page:
        query = sa.select(SessionRow).where(SessionRow.owner == owner)
        if cursor is not None:
            created_at, session_id = decode_page_cursor(cursor)
            query = query.where(
                sa.or_(
                    SessionRow.created_at < created_at,
                    sa.and_(SessionRow.created_at == created_at, SessionRow.id < session_id),
                )
            )
        query = query.order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(limit + 1)
        async with self._db() as db:
            rows = list((await db.execute(query)).scalars())
        views = [SessionView.of(row) for row in rows[:limit]]
        more = len(rows) > limit
        last = rows[limit - 1] if more else None
        return Page(views, encode_page_cursor(last.created_at, last.id) if last else None)

    async def prune(self, older_than: datetime) -> int:
        """Delete events older than `older_than`; the projection stays."""
        async with self._db.begin() as db:
            touched = sa.select(EventRow.session_id).where(EventRow.ts < older_than).distinct()
            sessions = list((await db.execute(touched)).scalars())
            if not sessions:
                return 0
            deleted = await db.execute(sa.delete(EventRow).where(EventRow.ts < older_than))
            remaining = (
                sa.select(sa.func.min(EventRow.seq))
                .where(EventRow.session_id == SessionRow.id)
                .scalar_subquery()
            )
            await db.execute(
                sa.update(SessionRow)
                .where(SessionRow.id.in_(sessions))
                .values(first_seq=sa.func.coalesce(remaining, SessionRow.last_seq + 1))
            )
            return int(getattr(deleted, "rowcount", 0) or 0)


def _decode(payload: dict[str, Any]) -> SessionEvent:
    return session_event_adapter.validate_python(payload)


def encode_page_cursor(created_at: datetime, session_id: str) -> str:
    raw = f"{_aware(created_at).isoformat()}|{session_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_page_cursor(cursor: str) -> tuple[datetime, str]:
    """Raises ValueError on anything that is not a cursor this store made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, session_id = raw.split("|", 1)
        return datetime.fromisoformat(moment), session_id
    except Exception as exc:
        raise ValueError("not a page cursor") from exc
