"""What clients read about a session: its status, its snapshot, its line in a listing.

Each is read from a `SessionRecord`'s fields (named alike); the JSON of each is what
the API has always answered (timestamps in `isoformat`, keys in this order).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from careerstream.contracts import ChatMessage, Locale, SessionReset
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.records import SessionRecord

IsoTime = Annotated[datetime, PlainSerializer(datetime.isoformat, return_type=str)]


class StatusView(BaseModel):
    # Read from the record's `status_message`; FastAPI validates the dump by field name too.
    model_config = ConfigDict(populate_by_name=True)

    session_id: str
    status: SessionStatus
    stage: str | None
    progress: float
    message: str = Field(validation_alias="status_message")
    last_seq: int
    updated_at: IsoTime

    @classmethod
    def of(cls, record: SessionRecord) -> Self:
        return cls.model_validate(vars(record))


class Streaming(BaseModel):
    """The text being written right now (a reply or the report)."""

    turn_id: str | None
    stage: str | None
    text: str


class LastError(BaseModel):
    code: str
    message: str
    stage: str | None


class Snapshot(StatusView):
    """Everything a client needs to draw the session without replaying its events."""

    locale: Locale
    created_at: IsoTime
    history: list[ChatMessage]
    collected_info: dict[str, Any]
    results: dict[str, Any]
    pipeline_run_id: str | None
    has_resume: bool
    has_assessment: bool
    streaming: Streaming | None
    last_error: LastError | None
    has_report: bool

    @classmethod
    def of(cls, record: SessionRecord) -> Self:
        return cls.model_validate(
            vars(record)
            | {
                "has_resume": bool(record.inputs.get("resume")),
                "has_assessment": bool(record.inputs.get("answers")),
                "has_report": record.report is not None,
            }
        )


class SessionSummary(BaseModel):
    session_id: str
    locale: Locale
    created_at: IsoTime
    updated_at: IsoTime
    status: SessionStatus
    title: str

    @classmethod
    def of(cls, record: SessionRecord) -> Self:
        first_user = next((m["content"] for m in record.history if m["role"] == "user"), "")
        return cls.model_validate(vars(record) | {"title": first_user[:80]})


class SessionList(BaseModel):
    sessions: list[SessionSummary]
    next_cursor: str | None


def reset_event(record: SessionRecord, reason: str) -> SessionReset:
    """Sent instead of a replay that cannot be honoured: the snapshot at `last_seq`."""
    return SessionReset(
        session_id=record.session_id,
        seq=record.last_seq or None,
        snapshot=Snapshot.of(record).model_dump(mode="json"),
        reason=reason,
    )
