"""The parser's result: a structured profile of the person (input of every later stage)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from careerstream.contracts.common import Contract
from careerstream.contracts.education import EducationLevel
from careerstream.contracts.profile import Constraints, Education


class EducationEntry(Education):
    """A degree or course, dated when the résumé says when."""

    start: str | None = Field(default=None, description="YYYY or YYYY-MM")
    end: str | None = Field(default=None, description="YYYY, YYYY-MM or 'present'")


class Position(Contract):
    """One piece of work experience."""

    title: str | None = None
    organization: str | None = None
    start: str | None = Field(default=None, description="YYYY or YYYY-MM")
    end: str | None = Field(default=None, description="YYYY, YYYY-MM or 'present'")
    years: float | None = Field(default=None, ge=0, le=70)
    text: str = ""


class Skill(Contract):
    """A skill found in the person's words, named by the vocabulary it was matched against."""

    name: str = Field(description="The vocabulary's name for it (English).")
    label: str = Field(description="How to show it in the person's language.")
    found: str = Field(description="The words it was recognised from.")
    source: Literal["onet_skill", "onet_technology", "builtin", "stated"]


class Profile(Contract):
    name: str | None = None
    education: list[EducationEntry] = Field(default_factory=list)
    highest_level: EducationLevel | None = None
    experience: list[Position] = Field(default_factory=list)
    years_experience: float = Field(default=0.0, ge=0)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    constraints: Constraints | None = None
    sources: list[Literal["conversation", "resume", "assessment"]] = Field(default_factory=list)
    narrative: str = Field(
        default="",
        max_length=60_000,
        description="The person's own words (their chat turns and résumé), for inference.",
    )
