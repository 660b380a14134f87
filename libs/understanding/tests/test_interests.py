"""Interests: after a cue in a message, or listed on a résumé's hobbies line."""

from __future__ import annotations

import pytest

from careerstream.understanding import extract
from careerstream.understanding.interests import listed_interests


@pytest.mark.parametrize(
    ("text", "interests"),
    [
        ("I enjoy hiking, painting and teaching kids", ["hiking", "painting", "teaching kids"]),
        ("In my free time I play the guitar", ["play the guitar"]),
        (
            "I'm really into photography and interested in film making.",
            ["photography", "film making"],
        ),
        ("My hobbies are gaming and anime", ["gaming", "anime"]),
        ("I like hiking and love swimming", ["hiking", "swimming"]),
        ("我喜欢画画和摄影，也对编程感兴趣", ["画画", "摄影", "编程"]),
        ("我的爱好是跑步、游泳和看书", ["跑步", "游泳", "看书"]),
        ("业余时间我喜欢打篮球", ["打篮球"]),
        ("我对数据分析很感兴趣", ["数据分析"]),
        ("我喜欢hiking和swimming", ["hiking", "swimming"]),
    ],
)
def test_interests(text: str, interests: list[str]) -> None:
    assert extract(text).interests == interests


def test_a_list_of_interests_ends_where_a_new_clause_begins() -> None:
    info = extract("I enjoy hiking and chess, and stability matters most to me")
    assert info.interests == ["hiking", "chess"]
    assert info.values == ["stability"]


def test_dislikes_and_wished_for_jobs_are_not_interests() -> None:
    assert extract("我不喜欢销售，比较喜欢安静的工作").interests == []
    assert extract("I like a stable job with good pay").interests == []


def test_a_hobbies_line_lists_its_items_without_a_cue() -> None:
    assert listed_interests("Hiking, chess and photography") == ["Hiking", "chess", "photography"]
    assert listed_interests("摄影、跑步、围棋等") == ["摄影", "跑步", "围棋"]
    assert listed_interests("Reading | good food • travel etc.") == [
        "Reading",
        "good food",
        "travel",
    ]
