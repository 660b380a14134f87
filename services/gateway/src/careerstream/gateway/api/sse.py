"""SSE framing of session events, and reading a client's cursor.

Frames are `id: <seq>`, `event: <type>`, `data: <envelope JSON>`. A cursor is
the last id a client saw: a plain `<seq>`, or `<session_id>:<seq>` when the
client wants the gateway to check that the cursor belongs to this session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sse_starlette import ServerSentEvent

from careerstream.contracts import ErrorRaised, EventBase
from careerstream.gateway.journal.store.records import SessionRecord

_QUALIFIED = re.compile(r"^(?P<session>[A-Za-z0-9_-]{1,64}):(?P<seq>\d{1,18})$")


def frame(event: EventBase, *, fallback_id: int | None = None) -> ServerSentEvent:
    seq = event.seq if event.seq is not None else fallback_id
    return ServerSentEvent(
        id=str(seq) if seq is not None else None,
        event=event.type,
        data=event.model_dump_json(exclude={"schema_version"}),
    )


def lagging(session_id: str) -> ErrorRaised:
    """The last event of a stream this replica had to cut off: the client reconnects."""
    return ErrorRaised(
        session_id=session_id,
        code="client_lagging",
        message="This connection fell behind; reconnect with Last-Event-ID.",
        retryable=True,
    )


class CursorKind(StrEnum):
    NONE = "none"
    SEQ = "seq"
    MALFORMED = "malformed"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class Cursor:
    kind: CursorKind
    seq: int = 0


def parse_cursor(raw: str | None, session_id: str) -> Cursor:
    if raw is None or raw.strip() == "":
        return Cursor(CursorKind.NONE)
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return Cursor(CursorKind.SEQ, int(text))
    qualified = _QUALIFIED.match(text)
    if qualified is None:
        return Cursor(CursorKind.MALFORMED)
    if qualified["session"] != session_id:
        return Cursor(CursorKind.FOREIGN)
    return Cursor(CursorKind.SEQ, int(qualified["seq"]))


def reset_reason(cursor: Cursor, record: SessionRecord) -> str | None:
    """Why this cursor cannot be honoured with a replay, or None when it can."""
    if cursor.kind is CursorKind.MALFORMED:
        return "malformed_cursor"
    if cursor.kind is CursorKind.FOREIGN:
        return "cursor_from_another_session"
    if cursor.seq > record.last_seq:
        return "cursor_ahead_of_session"
    if cursor.seq < record.first_seq - 1:
        # Covers no cursor (0) too once the session's oldest events were pruned.
        return "cursor_older_than_retention"
    return None
