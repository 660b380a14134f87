"""What the gateway collects for the pipeline besides the conversation.

A résumé travels as its extracted text (the gateway reads and checks the file
when it is uploaded, so a bad file is refused before anything runs), and the
questionnaire as the person's sixty answers. Both are kept with the session, so
every later run of the pipeline sees them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from careerstream.contracts.common import Contract
from careerstream.contracts.riasec import RIASEC

ITEMS_PER_AREA = 10
ANSWER_SCALE = range(1, 6)
ASSESSMENT_ITEM_IDS: tuple[str, ...] = tuple(
    f"{area}{n:02d}" for area in RIASEC for n in range(1, ITEMS_PER_AREA + 1)
)
MAX_RESUME_CHARS = 100_000


def answer_problems(answers: Mapping[str, object]) -> list[str]:
    """Why a set of questionnaire answers cannot be scored, item by item (empty: it can).

    Every one of the sixty items answered once, with a whole number from 1 to 5.
    """
    expected = set(ASSESSMENT_ITEM_IDS)
    problems = [f"{i}: missing" for i in ASSESSMENT_ITEM_IDS if i not in answers]
    problems += [f"{k}: not an item of the form" for k in answers if k not in expected]
    for key, value in answers.items():
        if key in expected and (
            isinstance(value, bool) or not isinstance(value, int) or value not in ANSWER_SCALE
        ):
            problems.append(f"{key}: {value!r} is not a whole number from 1 to 5")
    return problems


class ResumeDocument(Contract):
    """An uploaded résumé, as text."""

    filename: str = Field(max_length=255)
    kind: Literal["pdf", "docx", "txt"]
    pages: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=MAX_RESUME_CHARS)


class PipelineInputs(Contract):
    """Everything the person handed over besides chatting."""

    resume: ResumeDocument | None = None
    answers: dict[str, int] | None = Field(
        default=None, description="Interest Profiler answers, item id -> 1..5 (all 60)."
    )
