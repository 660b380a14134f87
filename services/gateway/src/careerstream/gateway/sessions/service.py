"""Sessions as the API reads them: create, look up, list, and the report at the end."""

from __future__ import annotations

from careerstream.contracts import Locale, ReportDocument
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.journal.store.sessions import SessionRepository
from careerstream.gateway.sessions.errors import Invalid, NotFound, session_not_found
from careerstream.gateway.sessions.paging import decode_cursor, encode_cursor
from careerstream.gateway.sessions.views import SessionList, SessionSummary


def _no_report(session_id: str) -> NotFound:
    return NotFound(
        "report_not_ready",
        f"Session {session_id!r} has no report yet; it is ready after `session.completed`.",
    )


class SessionService:
    def __init__(self, sessions: SessionRepository) -> None:
        self.sessions = sessions

    async def create(self, locale: Locale, owner: str | None = None) -> SessionRecord:
        return await self.sessions.create(locale, owner)

    async def get(self, session_id: str) -> SessionRecord:
        record = await self.sessions.get(session_id)
        if record is None:
            raise session_not_found(session_id)
        return record

    async def list_for_owner(self, owner: str, limit: int, cursor: str | None) -> SessionList:
        """The owner's sessions, newest first; `cursor` is a previous page's `next_cursor`."""
        try:
            after = decode_cursor(cursor) if cursor is not None else None
        except ValueError as exc:
            raise Invalid("invalid_cursor", "The page cursor is not one this API gave.") from exc
        page = await self.sessions.page(owner, limit, after)
        return SessionList(
            sessions=[SessionSummary.of(record) for record in page.records],
            next_cursor=encode_cursor(page.next) if page.next else None,
        )

    async def report(self, session_id: str) -> ReportDocument:
        record = await self.get(session_id)
        if record.report is None:
            raise _no_report(session_id)
        return ReportDocument.model_validate(record.report)

    async def report_pdf(self, session_id: str) -> bytes:
        await self.get(session_id)
        pdf = await self.sessions.report_pdf(session_id)
        if pdf is None:
            raise _no_report(session_id)
        return pdf
