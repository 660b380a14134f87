"""One chat message understood: the facts it states, and what a conversation knows so far."""

from __future__ import annotations

from typing import TypeVar

from careerstream.contracts import CollectedInfo, Constraints, Education
from careerstream.understanding.constraints import constraints
from careerstream.understanding.education import education
from careerstream.understanding.experience import experience
from careerstream.understanding.goals import goals
from careerstream.understanding.interests import interests
from careerstream.understanding.skills import skills
from careerstream.understanding.text import MAX_CHARS, clauses, normalise, unique
from careerstream.understanding.values import values


def extract(text: str) -> CollectedInfo:
    """The facts one message states; nothing at all for greetings and noise. Only the first
    MAX_CHARS characters are read."""
    text = normalise(text, MAX_CHARS)
    parts = clauses(text)
    return CollectedInfo(
        education=education(parts),
        experience=experience(parts),
        skills=skills(text, parts),
        interests=interests(text),
        values=values(text),
        goals=goals(text),
        constraints=constraints(text, parts),
    )


_Part = TypeVar("_Part", Education, Constraints)


def _fill(old: _Part | None, new: _Part | None) -> _Part | None:
    """Newer non-empty fields replace older ones; fields the new part lacks keep what was known."""
    if old is None or new is None:
        return new if new is not None else old
    return old.model_copy(update={key: value for key, value in new.model_dump().items() if value})


def merge(known: CollectedInfo, new: CollectedInfo) -> CollectedInfo:
    """What was known plus what a message added; lists keep order and drop duplicates."""
    seen = {item.text.strip().casefold() for item in known.experience}
    jobs = list(known.experience)
    for item in new.experience:
        key = item.text.strip().casefold()
        if key not in seen:
            seen.add(key)
            jobs.append(item)
    return CollectedInfo(
        education=_fill(known.education, new.education),
        experience=jobs,
        skills=unique([*known.skills, *new.skills]),
        interests=unique([*known.interests, *new.interests]),
        values=unique([*known.values, *new.values]),
        goals=unique([*known.goals, *new.goals]),
        constraints=_fill(known.constraints, new.constraints),
    )
