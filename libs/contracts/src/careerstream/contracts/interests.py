"""The analyzer's result: the person's RIASEC interest profile and Holland code."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from careerstream.contracts.common import Contract


class InterestProfile(Contract):
    riasec: dict[str, float] = Field(
        description="R, I, A, S, E, C -> 0..1, comparable whatever the source."
    )
    riasec_raw: dict[str, float] | None = Field(
        default=None, description="Questionnaire raw scores (10..50 per area) when answered."
    )
    holland_code: str = Field(min_length=1, max_length=3, pattern=r"^[RIASEC]{1,3}$")
    source: Literal["assessment", "inferred"]
    confidence: float = Field(ge=0, le=1)
    evidence: dict[str, list[str]] = Field(
        default_factory=dict, description="Per area, what in the person's words points to it."
    )
