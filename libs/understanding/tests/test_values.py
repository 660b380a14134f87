"""Values: what a message says matters, in the message's language."""

from __future__ import annotations

import pytest

from careerstream.understanding import extract


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Stability and a good salary matter most to me", ["stability", "pay"]),
        ("Helping people is what's important to me", ["helping people"]),
        ("I value creativity and autonomy above everything", ["creativity", "autonomy"]),
        ("work-life balance is really important to me", ["work-life balance"]),
        ("我比较看重工作稳定和收入", ["稳定", "收入"]),
        ("我看重成长和自由", ["成长", "自主"]),
        ("对我来说最重要的是有成就感，不加班", ["认可", "工作生活平衡"]),
    ],
)
def test_values_in_the_language_of_the_message(text: str, values: list[str]) -> None:
    assert extract(text).values == values


def test_value_words_need_a_sentence_saying_they_matter() -> None:
    assert extract("The salary was paid late and the team was small").values == []


def test_what_someone_does_not_care_about_is_not_a_value() -> None:
    english = extract("I don't care about money, but helping people is important to me")
    assert english.values == ["helping people"]
    assert extract("我不在乎钱，但是帮助别人对我来说很重要").values == ["帮助他人"]
