"""SSE framing of session events: `id: <seq>`, `event: <type>`, `data: <envelope>`."""

from __future__ import annotations

from sse_starlette import ServerSentEvent

from careerstream.contracts import EventBase


def frame(event: EventBase) -> ServerSentEvent:
    return ServerSentEvent(
        id=str(event.seq) if event.seq is not None else None,
        event=event.type,
        data=event.model_dump_json(exclude={"schema_version"}),
    )


def parse_cursor(raw: str | None) -> int | None:
    """`Last-Event-ID` as a seq; None when absent or empty, -1 when malformed."""
    if raw is None or raw.strip() == "":
        return None
    text = raw.strip()
    if not text.isdigit():
        return -1
    return int(text)
