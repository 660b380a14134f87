"""careerstream contracts: every message on the bus, its schema version and its route."""

from careerstream.contracts.common import (
    PIPELINE_STAGES,
    ChatMessage,
    ChatRole,
    Locale,
    Stage,
    new_id,
    utc_now,
)
from careerstream.contracts.events import (
    TURN_ENDING_TYPES,
    ErrorRaised,
    EventBase,
    SessionCompleted,
    SessionEvent,
    SessionReset,
    StageCompleted,
    StageProgressed,
    StageRetrying,
    StageStarted,
    TokenStreamed,
    TurnCompleted,
    parse_session_event,
    session_event_adapter,
)
from careerstream.contracts.requests import PipelineRequested, StageRequest, TurnRequested
from careerstream.contracts.version import SCHEMA_VERSION

__all__ = [
    "PIPELINE_STAGES",
    "SCHEMA_VERSION",
    "TURN_ENDING_TYPES",
    "ChatMessage",
    "ChatRole",
    "ErrorRaised",
    "EventBase",
    "Locale",
    "PipelineRequested",
    "SessionCompleted",
    "SessionEvent",
    "SessionReset",
    "Stage",
    "StageCompleted",
    "StageProgressed",
    "StageRequest",
    "StageRetrying",
    "StageStarted",
    "TokenStreamed",
    "TurnCompleted",
    "TurnRequested",
    "new_id",
    "parse_session_event",
    "session_event_adapter",
    "utc_now",
]
