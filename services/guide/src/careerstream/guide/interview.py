"""The guide's interview: what is known, what is missing, what to say next (pure).

One rule decides sufficiency for every endpoint, and it is explainable: the
analysis needs education, some experience or skills, the activities the person
enjoys, and what they value or aim for. `missing` names each unmet need by its
first topic. Topics are asked in a fixed order, each at most once; when every
topic that could still help has been asked, the guide suggests the interest
questionnaire or a résumé instead of asking again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerstream.contracts import ChatMessage, CollectedInfo, Locale, ReportDigest, Topic
from careerstream.understanding import extract, merge
from careerstream.understanding.language import detect_locale

# Each group must have one known topic; the first topic names the group in `missing`.
REQUIRED_GROUPS: tuple[tuple[Topic, ...], ...] = (
    (Topic.EDUCATION,),
    (Topic.EXPERIENCE, Topic.SKILLS),
    (Topic.INTERESTS,),
    (Topic.VALUES, Topic.GOALS),
)
ASK_ORDER: tuple[Topic, ...] = (
    Topic.EDUCATION,
    Topic.EXPERIENCE,
    Topic.INTERESTS,
    Topic.VALUES,
    Topic.SKILLS,
    Topic.GOALS,
)

_GREETING = re.compile(
    r"^\s*(你好|您好|嗨|哈喽|hello|hi|hey|good (morning|afternoon|evening))[\s!！。.,，~]*$",
    re.IGNORECASE,
)


def is_greeting(text: str) -> bool:
    return bool(_GREETING.match(text))


def missing(info: CollectedInfo) -> list[Topic]:
    known = info.known()
    return [group[0] for group in REQUIRED_GROUPS if not known.intersection(group)]


def is_sufficient(info: CollectedInfo) -> bool:
    return not missing(info)


def _still_useful(info: CollectedInfo) -> set[Topic]:
    known = info.known()
    return {t for group in REQUIRED_GROUPS if not known.intersection(group) for t in group}


@dataclass(frozen=True)
class TurnPlan:
    """What the reply to one message does; a model (or the offline engine) words it."""

    locale: Locale
    welcome: bool = False
    learned: CollectedInfo = field(default_factory=CollectedInfo)
    understood: bool = True
    ask: Topic | None = None
    suggest_alternatives: bool = False
    start_pipeline: bool = False
    collected: CollectedInfo = field(default_factory=CollectedInfo)
    asked: tuple[Topic, ...] = ()
    missing: tuple[Topic, ...] = ()
    question: str | None = None
    report: ReportDigest | None = None

    @property
    def is_sufficient(self) -> bool:
        return not self.missing


def plan_turn(
    message: str,
    history: list[ChatMessage],
    session_locale: Locale,
    known: CollectedInfo | None = None,
    asked: list[Topic] | tuple[Topic, ...] = (),
    report: ReportDigest | None = None,
    learned: CollectedInfo | None = None,
) -> TurnPlan:
    """Plan the reply; `learned` replaces the offline extraction when a model found more."""
    locale = detect_locale(message, default=session_locale)
    if report is not None:
        return TurnPlan(locale=locale, question=message, report=report)
    known = known or CollectedInfo()
    learned = learned if learned is not None else extract(message)
    collected = merge(known, learned)
    greeting = is_greeting(message)
    welcome = not history or greeting
    understood = bool(learned.known()) or greeting
    still_missing = tuple(missing(collected))
    if not still_missing:
        return TurnPlan(
            locale=locale,
            welcome=welcome and not history,
            learned=learned,
            start_pipeline=True,
            collected=collected,
            asked=tuple(asked),
        )
    already = set(asked)
    pending = asked[-1] if asked else None
    if greeting and pending is not None and pending not in collected.known():
        # A hello is not an answer: the pending question stands, it is not asked again.
        return TurnPlan(
            locale=locale,
            welcome=True,
            ask=pending,
            collected=collected,
            asked=tuple(asked),
            missing=still_missing,
        )
    useful = _still_useful(collected)
    ask = next((t for t in ASK_ORDER if t in useful and t not in already), None)
    return TurnPlan(
        locale=locale,
        welcome=welcome,
        learned=learned,
        understood=understood,
        ask=ask,
        suggest_alternatives=ask is None,
        collected=collected,
        asked=(*asked, ask) if ask is not None else tuple(asked),
        missing=still_missing,
    )
