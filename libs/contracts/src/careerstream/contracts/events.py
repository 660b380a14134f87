"""Session events: what every client of a session can see, in order.

Workers publish these on the session topic exchange without a `seq`; the
gateway's journal numbers them (one writer per session) before live delivery.
The envelope is flat: `type`, `session_id`, `seq`, `ts`, `stage`, plus the
fields of that type, exactly the JSON a client reads from an SSE `data:` line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import Field, TypeAdapter

from careerstream.contracts.common import Contract, Locale, SessionId, Stage, new_id, utc_now
from careerstream.contracts.profile import CollectedInfo, Topic
from careerstream.contracts.version import SCHEMA_VERSION


class SessionMessage(Contract):
    """Whatever a worker sends to a session's journal: a client event, or a stored record."""

    # Client events are numbered and delivered; a stored-only record changes the session
    # (the gateway keeps it) but is never numbered or sent to a client.
    for_clients: ClassVar[bool] = True

    type: str
    schema_version: int = SCHEMA_VERSION
    event_id: str = Field(
        default_factory=new_id, description="Producer-assigned; dedupes redeliveries."
    )
    session_id: SessionId


class EventBase(SessionMessage):
    seq: int | None = Field(
        default=None, ge=1, description="Per-session order, set by the journal."
    )
    ts: datetime = Field(default_factory=utc_now)
    stage: Stage | None = None
    turn_id: str | None = Field(
        default=None, description="The turn or pipeline run this belongs to."
    )

    def numbered(self, seq: int) -> Self:
        return self.model_copy(update={"seq": seq})


class TokenStreamed(EventBase):
    """The next piece of the text being written (coalesced: may hold many model tokens)."""

    type: Literal["token"] = "token"
    text: str = Field(min_length=1)


class TurnCompleted(EventBase):
    type: Literal["turn.completed"] = "turn.completed"
    reply: str
    is_sufficient: bool
    missing: list[str] = Field(default_factory=list)
    collected_info: CollectedInfo | None = None
    asked: list[Topic] = Field(default_factory=list)
    pipeline_run_id: str | None = Field(
        default=None,
        description="Set when this turn asks for the analysis: the gateway starts that run.",
    )
    locale: Locale | None = Field(
        default=None, description="The language the reply (and a run it asks for) is in."
    )


class StageStarted(EventBase):
    type: Literal["stage.started"] = "stage.started"
    progress: float = Field(ge=0, le=1)


class StageProgressed(EventBase):
    type: Literal["stage.progress"] = "stage.progress"
    progress: float = Field(ge=0, le=1)
    message: str = ""


class StageCompleted(EventBase):
    type: Literal["stage.completed"] = "stage.completed"
    progress: float = Field(ge=0, le=1)
    result: dict[str, Any] | None = Field(
        default=None, description="What the stage found (profile, interests, matches), if shown."
    )


class StageRetrying(EventBase):
    """The stage starts over: a client drops that stage's partial output."""

    type: Literal["stage.retrying"] = "stage.retrying"
    attempt: int = Field(ge=1)
    reason: str


class SessionCompleted(EventBase):
    type: Literal["session.completed"] = "session.completed"


class ErrorRaised(EventBase):
    type: Literal["error"] = "error"
    code: str = Field(min_length=1)
    message: str
    retryable: bool = False


class SessionReset(EventBase):
    """Sent instead of a replay the gateway cannot honour; rebuild the view from `snapshot`."""

    type: Literal["reset"] = "reset"
    snapshot: dict[str, Any]
    reason: str = ""


AnySessionEvent = (
    TokenStreamed
    | TurnCompleted
    | StageStarted
    | StageProgressed
    | StageCompleted
    | StageRetrying
    | SessionCompleted
    | ErrorRaised
    | SessionReset
)
SessionEvent = Annotated[AnySessionEvent, Field(discriminator="type")]

session_event_adapter: TypeAdapter[SessionEvent] = TypeAdapter(SessionEvent)

# Events after which a waiting turn (chat, chat/stream) is over.
TURN_ENDING_TYPES = frozenset({"turn.completed", "error"})


def parse_session_event(raw: bytes | str | dict[str, Any]) -> SessionEvent:
    """Validate one event from JSON or a dict; raises pydantic.ValidationError."""
    if isinstance(raw, dict):
        return session_event_adapter.validate_python(raw)
    return session_event_adapter.validate_json(raw)
