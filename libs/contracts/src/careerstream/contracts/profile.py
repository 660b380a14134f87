"""What the guide learns about a person, as structured facts.

The guide extracts these every turn; they travel in the turn request (what is
known so far) and come back in `turn.completed`, and the pipeline starts from them.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from careerstream.contracts.common import Contract
from careerstream.contracts.education import EducationLevel


class Topic(StrEnum):
    """What the interview asks about, in the order it asks."""

    EDUCATION = "education"
    EXPERIENCE = "experience"
    SKILLS = "skills"
    INTERESTS = "interests"
    VALUES = "values"
    GOALS = "goals"
    CONSTRAINTS = "constraints"


class Education(Contract):
    level: EducationLevel | None = None
    major: str | None = None
    school: str | None = None


class Experience(Contract):
    text: str
    role: str | None = None
    years: float | None = Field(default=None, ge=0, le=70)


class Constraints(Contract):
    location: str | None = None
    pay: str | None = None
    hours: str | None = None


class CollectedInfo(Contract):
    education: Education | None = None
    experience: list[Experience] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    constraints: Constraints | None = None

    def known(self) -> set[Topic]:
        """The topics with at least one fact."""
        present = {
            Topic.EDUCATION: self.education is not None
            and any((self.education.level, self.education.major, self.education.school)),
            Topic.EXPERIENCE: bool(self.experience),
            Topic.SKILLS: bool(self.skills),
            Topic.INTERESTS: bool(self.interests),
            Topic.VALUES: bool(self.values),
            Topic.GOALS: bool(self.goals),
            Topic.CONSTRAINTS: self.constraints is not None
            and any((self.constraints.location, self.constraints.pay, self.constraints.hours)),
        }
        return {topic for topic, yes in present.items() if yes}


class ReportMatch(Contract):
    title: str
    code: str | None = None
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list)
    skill_gaps: list[str] = Field(default_factory=list)


class ReportDigest(Contract):
    """What the guide needs of a finished report to answer questions about it."""

    holland_code: str
    riasec: dict[str, float] = Field(default_factory=dict)
    riasec_source: str = "inferred"
    matches: list[ReportMatch] = Field(default_factory=list)
    markdown: str = ""
