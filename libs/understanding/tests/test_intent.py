"""Wishes and plans, and what a clause says the person does not hold (yet)."""

from __future__ import annotations

import pytest

from careerstream.understanding.intent import holds, is_wish


@pytest.mark.parametrize(
    "clause",
    [
        "I'd like to do a master's",
        "打算读研究生",
        "looking for a job in sales",
        "applying for an MBA",
    ],
)
def test_wishes_and_plans(clause: str) -> None:
    assert is_wish(clause)
    assert not holds(clause)


@pytest.mark.parametrize(
    ("clause", "held"),
    [
        ("I use Python every day", True),
        ("熟悉Python和SQL", True),
        ("I don't speak French", False),
        ("我不会Java", False),
        ("I'm learning Spanish", False),
        ("正在学日语", False),
    ],
)
def test_what_a_clause_holds(clause: str, held: bool) -> None:
    assert holds(clause) is held
