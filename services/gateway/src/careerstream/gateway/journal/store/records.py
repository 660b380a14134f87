"""Read-only copies of what the store holds, handed out instead of live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from careerstream.contracts import Locale
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.models import SessionRow


def aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SessionRecord:
    """A session row as it was when read: identity, journal position and projection."""

    session_id: str
    owner: str | None
    locale: Locale
    created_at: datetime
    updated_at: datetime
    last_seq: int
    first_seq: int
    status: SessionStatus
    stage: str | None
    progress: float
    status_message: str
    history: list[dict[str, Any]]
    collected_info: dict[str, Any]
    asked: list[str]
    pipeline_run_id: str | None
    pipeline_source: str | None
    pipeline_locale: Locale | None
    start_pending_at: datetime | None  # the run's start is recorded, not yet published
    inputs: dict[str, Any]
    results: dict[str, Any]
    streaming: dict[str, Any] | None
    last_error: dict[str, Any] | None
    report: dict[str, Any] | None

    @classmethod
    def of(cls, row: SessionRow) -> SessionRecord:
        return cls(
            session_id=row.id,
            owner=row.owner,
            locale=Locale(row.locale),
            created_at=aware(row.created_at),
            updated_at=aware(row.updated_at),
            last_seq=row.last_seq,
            first_seq=row.first_seq,
            status=SessionStatus(row.status),
            stage=row.stage,
            progress=row.progress,
            status_message=row.status_message,
            history=list(row.history),
            collected_info=dict(row.collected_info),
            asked=list(row.interview_asked or []),
            pipeline_run_id=row.pipeline_run_id,
            pipeline_source=row.pipeline_source,
            pipeline_locale=Locale(row.pipeline_locale) if row.pipeline_locale else None,
            start_pending_at=aware(row.start_pending_at) if row.start_pending_at else None,
            inputs=dict(row.inputs or {}),
            results=dict(row.results),
            streaming=row.streaming,
            last_error=row.last_error,
            report=row.report,
        )


class PageKey(NamedTuple):
    """Where a listing stopped: sessions are listed newest first, ties broken by id."""

    created_at: datetime
    session_id: str


@dataclass(frozen=True)
class Page:
    records: list[SessionRecord]
    next: PageKey | None
