"""Stage requests: the work one agent asks of the next.

Each carries the session, the run (or turn) it belongs to, the attempt number and
an idempotency key, so a redelivered request never produces a second result.
Several services may ask for the same stage (the pipeline starts from the guide,
a résumé upload or the questionnaire), so requests are grouped by the stage that
consumes them; their queues are in `careerstream.contracts.topology`.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from careerstream.contracts.common import (
    ChatMessage,
    Contract,
    Locale,
    NonEmptyStr,
    SessionId,
    Stage,
    new_id,
)
from careerstream.contracts.inputs import PipelineInputs
from careerstream.contracts.interests import InterestProfile
from careerstream.contracts.matches import OccupationMatch
from careerstream.contracts.parsed import Profile
from careerstream.contracts.profile import CollectedInfo, ReportDigest, Topic
from careerstream.contracts.version import SCHEMA_VERSION


class StageRequest(Contract):
    # The stage whose queue this kind of request travels to (`topology.STAGE_ROUTES`).
    consumer: ClassVar[Stage]

    schema_version: int = SCHEMA_VERSION
    session_id: SessionId
    run_id: str = Field(default_factory=new_id)
    attempt: int = Field(default=1, ge=1)
    idempotency_key: str = Field(default_factory=new_id)
    locale: Locale = Locale.EN


class TurnRequested(StageRequest):
    """A person said something; the guide answers it (consumed from `GUIDE_TURNS`).

    `run_id` names the turn; every event the turn produces carries it as `turn_id`.
    The worker is stateless: what is known so far travels with the request.
    """

    consumer = Stage.GUIDE

    message: NonEmptyStr
    history: list[ChatMessage] = Field(
        default_factory=list, description="Earlier turns, oldest first, without `message`."
    )
    collected_info: CollectedInfo = Field(default_factory=CollectedInfo)
    asked: list[Topic] = Field(default_factory=list, description="Topics asked about so far.")
    report: ReportDigest | None = Field(
        default=None, description="Set once a report exists: the turn is a question about it."
    )
    inputs: PipelineInputs = Field(
        default_factory=PipelineInputs,
        description="Résumé and questionnaire answers so far; a run the turn starts uses them.",
    )


class PipelineRequested(StageRequest):
    """Start the pipeline: the parser builds a profile (consumed from `PARSE_REQUESTS`).

    `run_id` names the run; every event of every stage carries it as `turn_id`.
    """

    consumer = Stage.PARSE

    conversation: list[ChatMessage] = Field(default_factory=list)
    collected_info: CollectedInfo = Field(default_factory=CollectedInfo)
    source: str = Field(
        default="conversation", description="What started it: conversation, resume, assessment."
    )
    inputs: PipelineInputs = Field(default_factory=PipelineInputs)


class AnalyzeRequested(StageRequest):
    """The parser's profile, for the analyzer (consumed from `ANALYZE_REQUESTS`)."""

    consumer = Stage.ANALYZE

    source: str = "conversation"
    profile: Profile
    answers: dict[str, int] | None = None


class MatchRequested(StageRequest):
    """Profile and interests, for the matcher (consumed from `MATCH_REQUESTS`)."""

    consumer = Stage.MATCH

    source: str = "conversation"
    profile: Profile
    interests: InterestProfile


class ReportRequested(StageRequest):
    """Everything so far, for the reporter (consumed from `REPORT_REQUESTS`)."""

    consumer = Stage.REPORT

    source: str = "conversation"
    profile: Profile
    interests: InterestProfile
    matches: list[OccupationMatch]
    data_source: str
    attribution: str | None = None
