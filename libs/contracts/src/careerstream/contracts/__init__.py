"""careerstream contracts: every message on the bus, its schema version and its route."""

from careerstream.contracts.common import (
    PIPELINE_STAGES,
    ChatMessage,
    ChatRole,
    Locale,
    Stage,
    derive_id,
    new_id,
    utc_now,
)
from careerstream.contracts.education import EDUCATION_LEVELS, EducationLevel, level_rank
from careerstream.contracts.events import (
    TURN_ENDING_TYPES,
    ErrorRaised,
    EventBase,
    SessionCompleted,
    SessionEvent,
    SessionMessage,
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
from careerstream.contracts.inputs import (
    ASSESSMENT_ITEM_IDS,
    PipelineInputs,
    ResumeDocument,
    answer_problems,
)
from careerstream.contracts.interests import InterestProfile
from careerstream.contracts.journal import JournalEntry, parse_journal_entry
from careerstream.contracts.matches import OccupationMatch
from careerstream.contracts.parsed import EducationEntry, Position, Profile, Skill
from careerstream.contracts.pipeline import PIPELINE_SPANS, overall_progress, stage_key
from careerstream.contracts.profile import (
    CollectedInfo,
    Constraints,
    Education,
    Experience,
    ReportDigest,
    ReportMatch,
    Topic,
)
from careerstream.contracts.progress import Progress, Steps, no_progress, within
from careerstream.contracts.report import ReportDocument, ReportRendered
from careerstream.contracts.requests import (
    AnalyzeRequested,
    MatchRequested,
    PipelineRequested,
    ReportRequested,
    StageRequest,
    TurnRequested,
)
from careerstream.contracts.riasec import AREA_NAMES, RIASEC
from careerstream.contracts.version import SCHEMA_VERSION

__all__ = [
    "AREA_NAMES",
    "ASSESSMENT_ITEM_IDS",
    "EDUCATION_LEVELS",
    "PIPELINE_SPANS",
    "PIPELINE_STAGES",
    "RIASEC",
    "SCHEMA_VERSION",
    "TURN_ENDING_TYPES",
    "AnalyzeRequested",
    "ChatMessage",
    "ChatRole",
    "CollectedInfo",
    "Constraints",
    "Education",
    "EducationEntry",
    "EducationLevel",
    "ErrorRaised",
    "EventBase",
    "Experience",
    "InterestProfile",
    "JournalEntry",
    "Locale",
    "MatchRequested",
    "OccupationMatch",
    "PipelineInputs",
    "PipelineRequested",
    "Position",
    "Profile",
    "Progress",
    "ReportDigest",
    "ReportDocument",
    "ReportMatch",
    "ReportRendered",
    "ReportRequested",
    "ResumeDocument",
    "SessionCompleted",
    "SessionEvent",
    "SessionMessage",
    "SessionReset",
    "Skill",
    "Stage",
    "StageCompleted",
    "StageProgressed",
    "StageRequest",
    "StageRetrying",
    "StageStarted",
    "Steps",
    "TokenStreamed",
    "Topic",
    "TurnCompleted",
    "TurnRequested",
    "answer_problems",
    "derive_id",
    "level_rank",
    "new_id",
    "no_progress",
    "overall_progress",
    "parse_journal_entry",
    "parse_session_event",
    "session_event_adapter",
    "stage_key",
    "utc_now",
    "within",
]
