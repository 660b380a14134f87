"""Goals: what a person wants to become or do."""

from __future__ import annotations

import pytest

from careerstream.contracts import Constraints
from careerstream.understanding import extract


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        ("I want to become a data scientist in five years", ["data scientist in five years"]),
        ("My goal is to open my own bakery", ["open my own bakery"]),
        ("I'd like to be a nurse someday", ["nurse"]),
        ("In five years I'd like to lead a design team", ["lead a design team"]),
        ("我想成为一名财务分析师", ["财务分析师"]),
        ("我的目标是五年内成为项目经理", ["五年内成为项目经理"]),
        ("我打算考公务员", ["考公务员"]),
        ("做了4年后端，想转产品经理", ["产品经理"]),
    ],
)
def test_goals(text: str, goals: list[str]) -> None:
    assert extract(text).goals == goals


def test_wishes_about_place_and_hours_are_constraints_not_goals() -> None:
    info = extract("I'd like to work in Shanghai, and I'd love a flexible schedule")
    assert info.goals == []
    assert info.constraints == Constraints(location="Shanghai", hours="flexible hours")
