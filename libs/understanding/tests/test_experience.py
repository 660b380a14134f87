"""Experience in a chat message: roles, years, and having none yet."""

from __future__ import annotations

import pytest

from careerstream.contracts import Experience, Topic
from careerstream.understanding import extract
from careerstream.understanding.experience import stated_years


@pytest.mark.parametrize(
    ("text", "role", "years"),
    [
        ("I worked as a software engineer for 3 years.", "software engineer", 3),
        ("I'm a nurse at a children's hospital", "nurse", None),
        ("worked as a lab technician for two years", "lab technician", 2),
        ("I have 5 years of experience in marketing", "marketing", 5),
        ("I did an internship at a law firm for 6 months", "intern", 0.5),
        ("I'm 25 years old and have worked as a waiter for 3 years", "waiter", 3),
        ("我在一家银行工作了三年。", None, 3),
        ("我做了五年会计", "会计", 5),
        ("当过两年英语老师", "英语老师", 2),
        ("在腾讯做了一年半产品经理", "产品经理", 1.5),
        ("十五年工作经验，一直从事财务工作", "财务", 15),
        ("我是一名护士，在医院工作了八年", "护士", 8),
        ("做了4年后端开发", "后端开发", 4),
    ],
)
def test_experience_role_and_years(text: str, role: str | None, years: float | None) -> None:
    experience = extract(text).experience
    assert len(experience) == 1, experience
    assert experience[0].role == role
    assert experience[0].years == years


def test_experience_keeps_the_clause_it_came_from() -> None:
    info = extract("I studied law. I worked at Huawei, as an engineer, for two years.")
    experience = info.experience
    assert experience == [
        Experience(
            text="I worked at Huawei, as an engineer, for two years", role="engineer", years=2
        )
    ]


def test_a_contrast_goes_on_about_the_same_job() -> None:
    [job] = extract("I worked at Google but only for a year").experience
    assert (job.text, job.years) == ("I worked at Google, only for a year", 1)


def test_two_jobs_in_one_message_are_two_items() -> None:
    experience = extract("我在腾讯做了两年产品经理，后来去了字节当运营").experience
    assert [(e.role, e.years) for e in experience] == [("产品经理", 2), ("运营", None)]


@pytest.mark.parametrize(
    "text",
    ["I have no work experience yet", "I'm a full-time student", "我刚毕业，还没有工作经验"],
)
def test_having_no_experience_yet_answers_the_question(text: str) -> None:
    info = extract(text)
    assert Topic.EXPERIENCE in info.known()
    assert len(info.experience) == 1
    assert info.experience[0].role is None
    assert info.experience[0].years is None
    assert info.constraints is None, "a full-time student wants no full-time job by saying so"


@pytest.mark.parametrize(
    "text",
    ["In five years I want to be a manager", "5 years ago I was a teacher", "I'm 30 years old"],
)
def test_time_that_was_not_spent_working_is_no_years_of_experience(text: str) -> None:
    assert all(e.years is None for e in extract(text).experience)


def test_a_wish_is_a_goal_not_experience() -> None:
    info = extract("I'd like to work as a teacher")
    assert info.experience == []
    assert info.goals == ["work as a teacher"]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("5+ years of experience in data engineering", 5.0),
        ("8年工作经验", 8.0),
        ("Ten years of sales experience", 10.0),
        ("I have worked in retail for 5 years", None),
        ("experience: none, 25 years old", None),
    ],
)
def test_the_years_of_experience_a_sentence_states(sentence: str, years: float | None) -> None:
    assert stated_years(sentence) == years
