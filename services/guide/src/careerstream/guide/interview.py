"""The guide's interview logic: pure, no broker, no model.

It decides what the next reply should do (welcome, acknowledge, which topic to
ask about) and what is still missing. The real slot-filling interview is issue
"The guide"; this first version welcomes the person and asks one follow-up
question, in the language they write in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from careerstream.contracts import ChatMessage, ChatRole, Locale
from careerstream.runtime.language import detect_locale


class Topic(StrEnum):
    EDUCATION = "education"
    EXPERIENCE = "experience"
    SKILLS = "skills"
    INTERESTS = "interests"
    VALUES = "values"
    CONSTRAINTS = "constraints"
    GOALS = "goals"


TOPICS: tuple[Topic, ...] = tuple(Topic)

_GREETING = re.compile(
    r"^\s*(你好|您好|嗨|哈喽|hello|hi|hey|good (morning|afternoon|evening))[\s!！。.,，~]*$",
    re.IGNORECASE,
)


def is_greeting(text: str) -> bool:
    return bool(_GREETING.match(text))


@dataclass(frozen=True, slots=True)
class TurnPlan:
    """What the reply to one message should do; the model writes the words."""

    locale: Locale
    welcome: bool
    ask: Topic
    is_sufficient: bool
    missing: tuple[Topic, ...]


def plan_turn(message: str, history: list[ChatMessage], session_locale: Locale) -> TurnPlan:
    locale = detect_locale(message, default=session_locale)
    asked_before = sum(1 for m in history if m.role is ChatRole.ASSISTANT)
    # First exchange: education; afterwards the activities the person enjoys.
    ask = Topic.EDUCATION if asked_before == 0 else Topic.INTERESTS
    return TurnPlan(
        locale=locale,
        welcome=asked_before == 0 or is_greeting(message),
        ask=ask,
        is_sufficient=False,
        missing=TOPICS,
    )
