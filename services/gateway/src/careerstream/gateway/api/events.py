"""Route: every event of a session as SSE, resumable from the last id a client saw."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query
from sse_starlette import EventSourceResponse, ServerSentEvent

from careerstream.gateway.api.deps import ReplayDep, SessionsDep, SettingsDep
from careerstream.gateway.api.sse import frame, lagging, parse_cursor, reset_reason
from careerstream.gateway.sessions.views import reset_event

router = APIRouter()


@router.get("/api/sessions/{session_id}/events")
async def session_events(
    session_id: str,
    sessions: SessionsDep,
    replay: ReplayDep,
    settings: SettingsDep,
    last_event_id: Annotated[str | None, Query()] = None,
    last_event_id_header: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> EventSourceResponse:
    """Every event of the session after the cursor, then live; resumable."""
    await sessions.get(session_id)
    raw = last_event_id_header if last_event_id_header is not None else last_event_id
    cursor = parse_cursor(raw, session_id)

    async def stream() -> AsyncIterator[ServerSentEvent]:
        # Subscribe first, then read: nothing can fall between the journal and the feed.
        async with replay.listen(session_id) as listener:
            record = await sessions.get(session_id)
            reason = reset_reason(cursor, record)
            if reason is not None:
                yield frame(reset_event(record, reason), fallback_id=0)
            after = record.last_seq if reason is not None else cursor.seq
            async for event in replay.after(listener, after):
                yield frame(event)
            yield frame(lagging(session_id))

    # A client that stops reading would hold its listener (and its buffer) for ever: a write
    # that cannot finish in time ends the response, and the generator's cleanup unbinds it.
    return EventSourceResponse(
        stream(), ping=settings.heartbeat_s, send_timeout=settings.sse_send_timeout_s
    )
