"""Request and response bodies of the public API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerstream.contracts import Locale
from careerstream.gateway.journal.status import SessionStatus


class CreateSession(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str | None = None
    locale: Locale | None = None


class ChatTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(
        description="What the person says; not empty, at most the configured size."
    )

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("message must not be empty or only whitespace")
        return value


class SessionCreated(BaseModel):
    session_id: str
    locale: Locale
    welcome: str
    turn_id: str | None = None


class ChatReply(BaseModel):
    turn_id: str
    reply: str
    is_sufficient: bool
    missing: list[str]
    stage: str


class AssessmentAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: dict[str, object] = Field(
        description="Interest Profiler answers: item id (R01..C10) -> 1..5, all sixty."
    )


class ResumeSummary(BaseModel):
    """What was read from an uploaded résumé."""

    filename: str
    kind: str
    pages: int
    chars: int


class PipelineStarted(BaseModel):
    session_id: str
    run_id: str
    status: SessionStatus
    source: str
    resume: ResumeSummary | None = None


class QuestionnaireItem(BaseModel):
    id: str
    area: str
    text: str


class Questionnaire(BaseModel):
    """The Interest Profiler's sixty items in one language, with its 1-5 scale."""

    locale: Locale
    scale: dict[str, str]
    items: list[QuestionnaireItem]
    attribution: str


class Readiness(BaseModel):
    status: str
    replica: str
    broker: bool
    database: bool
    journal: bool
