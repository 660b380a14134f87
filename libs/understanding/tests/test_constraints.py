"""Constraints: place, pay and hours, and résumé fields that name a place or hours."""

from __future__ import annotations

import pytest

from careerstream.contracts import Constraints
from careerstream.understanding import extract
from careerstream.understanding.constraints import is_place, working_hours


@pytest.mark.parametrize(
    ("text", "location", "pay", "hours"),
    [
        (
            "I'd like to work in Shanghai, full-time, at least 15k a month",
            "Shanghai",
            "at least 15k a month",
            "full-time",
        ),
        (
            "I'm looking for remote work, part-time, around $30 an hour",
            "remote",
            "around $30 an hour",
            "remote, part-time",
        ),
        ("I want to relocate to Vancouver", "Vancouver", None, None),
        (
            "no night shifts please, and at least 10,000 a month",
            None,
            "at least 10,000 a month",
            "no night shifts",
        ),
        ("希望在深圳工作，月薪一万以上，不加班", "深圳", "月薪一万以上", "不加班"),
        ("年薪20万以上，最好在北京或者上海，双休", "北京、上海", "年薪20万以上", "双休"),
        ("我想找一份远程的兼职工作", "远程", None, "远程、兼职"),
    ],
)
def test_constraints(text: str, location: str | None, pay: str | None, hours: str | None) -> None:
    assert extract(text).constraints == Constraints(location=location, pay=pay, hours=hours)


def test_a_number_is_pay_only_with_a_currency_or_words_about_pay() -> None:
    assert extract("I ran a 10k last week").constraints is None
    assert extract("我每个月跑步3次").constraints is None
    assert extract("My salary expectation is 20k").constraints == Constraints(pay="20k")
    assert extract("8000元/月就行").constraints == Constraints(pay="8000元/月")


def test_a_city_in_a_school_name_or_a_past_job_is_no_requirement() -> None:
    assert extract("I graduated from Shanghai Jiao Tong University").constraints is None
    assert extract("我毕业于上海交通大学").constraints is None
    assert extract("I worked in Beijing for two years").constraints is None


def test_a_field_that_is_a_place_or_a_kind_of_hours() -> None:
    assert [is_place(f) for f in ("Shanghai", "北京市", "Remote", "UK", "China")] == [True] * 5
    assert [is_place(f) for f in ("Acme Corp", "us", "上海交通大学")] == [False] * 3
    assert (working_hours("Full-time"), working_hours("兼职"), working_hours("Engineer")) == (
        "full-time",
        "兼职",
        None,
    )
