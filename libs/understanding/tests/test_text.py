"""Text tools: normalising with a bound, sentences and clauses, lists, negation, numerals."""

from __future__ import annotations

import pytest

from careerstream.understanding.text import (
    MAX_CHARS,
    clauses,
    list_items,
    negated,
    normalise,
    number,
    terms,
    unique,
)


def test_normalising_is_cut_to_its_bound_even_where_nfkc_lengthens() -> None:
    assert len(normalise("\ufdfa" * MAX_CHARS)) == MAX_CHARS  # one character, eighteen in NFKC
    assert normalise("Ｐｈ.Ｄ. in ｃｈｅｍｉｓｔｒｙ，e.g. here") == "PhD in chemistry,e.g here"


def test_clauses_break_at_commas_contrasts_and_new_subjects() -> None:
    text = "I studied law, then I worked at Huawei but only briefly. 后来我去了腾讯"
    assert clauses(text) == [
        "I studied law",
        "I worked at Huawei",
        "only briefly",
        "我去了腾讯",
    ]


def test_list_items_end_where_a_new_clause_begins() -> None:
    assert list_items("hiking, painting and teaching kids", 60) == [
        "hiking",
        "painting",
        "teaching kids",
    ]
    assert list_items("画画、摄影和编程", 60) == ["画画", "摄影", "编程"]
    assert list_items("chess, and stability matters", 60) == ["chess"]
    assert list_items("chess, and good food", 60, until_new_clause=False) == ["chess", "good food"]
    assert list_items("stuff, things, a very long item indeed", 10) == []


@pytest.mark.parametrize(
    ("token", "value"),
    [
        *(("3", 3.0), ("1.5", 1.5), ("three", 3.0), ("a couple of", 2.0), ("两", 2.0)),
        *(("十五", 15.0), ("二十", 20.0), ("半", 0.5), ("百", None), ("many", None)),
    ],
)
def test_numerals_in_both_languages(token: str, value: float | None) -> None:
    assert number(token) == value


def test_negation_is_read_just_before_a_word() -> None:
    text = "I'm not really good at math"
    assert negated(text, text.index("good"))
    assert not negated("I'm good at math", 4)
    assert negated("我不喜欢", 2)


def test_terms_and_unique() -> None:
    assert terms(" a | b c |  | d ") == ("a", "b c", "d")
    assert unique(["Hiking", " hiking ", "chess", ""]) == ["Hiking", "chess"]
