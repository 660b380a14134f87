"""Stage requests: the work one agent asks of the next.

Each carries the session, the run (or turn) it belongs to, the attempt number and
an idempotency key, so a redelivered request never produces a second result.
Several services may ask for the same stage (the pipeline starts from the guide,
a résumé upload or the questionnaire), so requests are grouped by the stage that
consumes them; their queues are in `careerstream.contracts.topology`.
"""

from __future__ import annotations

from pydantic import Field

from careerstream.contracts.common import (
    ChatMessage,
    Contract,
    Locale,
    NonEmptyStr,
    SessionId,
    new_id,
)
from careerstream.contracts.profile import CollectedInfo, ReportDigest, Topic
from careerstream.contracts.version import SCHEMA_VERSION


class StageRequest(Contract):
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

    message: NonEmptyStr
    history: list[ChatMessage] = Field(
        default_factory=list, description="Earlier turns, oldest first, without `message`."
    )
    collected_info: CollectedInfo = Field(default_factory=CollectedInfo)
    asked: list[Topic] = Field(default_factory=list, description="Topics asked about so far.")
    report: ReportDigest | None = Field(
        default=None, description="Set once a report exists: the turn is a question about it."
    )


class PipelineRequested(StageRequest):
    """Ask a pipeline stage to run (parse, analyze, match, report).

    The payload is open until the pipeline issue defines each stage's input; what
    is here already is what every stage needs.
    """

    conversation: list[ChatMessage] = Field(default_factory=list)
    collected_info: CollectedInfo = Field(default_factory=CollectedInfo)
    source: str = Field(
        default="conversation", description="What started it: conversation, resume, assessment."
    )
