"""The matcher's result: ranked occupations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from careerstream.contracts.profile import ReportMatch


class OccupationMatch(ReportMatch):
    """One ranked occupation. `title` is in the person's language; `code` is O*NET-SOC."""

    title_en: str = ""
    holland_code: str = ""
    job_zone: int | None = Field(default=None, ge=1, le=5)
    matched_skills: list[str] = Field(default_factory=list)
    components: dict[str, float] = Field(
        default_factory=dict, description="interest, zone, skills, semantic -> 0..1"
    )
    source: Literal["onet", "catalogue"] = "catalogue"
