"""Value types shared by requests and events."""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# Session ids become part of routing keys, so they may not contain the AMQP
# topic separators ('.') or wildcards ('*', '#').
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _check_session_id(value: str) -> str:
    if not _SESSION_ID.fullmatch(value):
        raise ValueError("session_id must be 1-64 characters of letters, digits, '-' or '_'")
    return value


SessionId = Annotated[str, AfterValidator(_check_session_id)]


class Locale(StrEnum):
    ZH = "zh"
    EN = "en"


class Stage(StrEnum):
    """Where an event belongs. `guide` is the conversation; the rest is the pipeline."""

    GUIDE = "guide"
    PARSE = "parse"
    ANALYZE = "analyze"
    MATCH = "match"
    REPORT = "report"


PIPELINE_STAGES: tuple[Stage, ...] = (Stage.PARSE, Stage.ANALYZE, Stage.MATCH, Stage.REPORT)


class ChatRole(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"


class ChatMessage(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: ChatRole
    content: str


class Contract(BaseModel):
    """Base of every bus message: tolerant of unknown fields (additive evolution)."""

    model_config = ConfigDict(extra="ignore", frozen=True, use_enum_values=False)


def new_id() -> str:
    return uuid.uuid4().hex


def derive_id(*parts: object) -> str:
    """An id that the same parts always give again (a redelivery finds the same ids)."""
    raw = "|".join(str(part) for part in parts)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def utc_now() -> datetime:
    return datetime.now(UTC)


NonEmptyStr = Annotated[str, Field(min_length=1)]
