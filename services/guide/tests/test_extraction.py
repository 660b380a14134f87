"""Offline fact extraction in both languages."""

from __future__ import annotations

import time

import pytest

from careerstream.contracts import CollectedInfo, Education, Topic
from careerstream.guide.extraction import extract, merge


@pytest.mark.parametrize("text", ["Hi", "你好", "asdf qwer zxcv", "哈哈哈", "", "ok", "？？？"])
def test_greetings_and_noise_tell_nothing(text: str) -> None:
    assert extract(text).known() == set()


@pytest.mark.parametrize(
    ("text", "level", "major", "school"),
    [
        ("I have a bachelor's degree in computer science.", "bachelor", "computer science", None),
        (
            "I studied computer science at Tsinghua University and have a master's degree",
            "master",
            "computer science",
            "Tsinghua University",
        ),
        ("I studied law at Peking University", None, "law", "Peking University"),
        ("PhD in chemistry", "doctorate", "chemistry", None),
        ("我本科学的是会计专业。", "bachelor", "会计", None),
        ("我是浙江大学的硕士，主修金融", "master", "金融", "浙江大学"),
        ("大专，读的护理专业", "associate", "护理", None),
        ("我本科学的是computer science，喜欢编程", "bachelor", "computer science", None),
    ],
)
def test_education(text: str, level: str | None, major: str | None, school: str | None) -> None:
    education = extract(text).education
    assert education is not None
    assert (education.level, education.major) == (level, major)
    if school:
        assert education.school is not None
        assert school in education.school


@pytest.mark.parametrize(
    ("text", "role", "years"),
    [
        ("I worked as a software engineer for 3 years.", "software engineer", 3),
        ("I'm a nurse at a children's hospital", "nurse", None),
        ("worked as a lab technician for two years", "technician", 2),
        ("我在一家银行工作了三年。", None, 3),
        ("我做了五年会计", "会计", 5),
        ("当过两年老师", "老师", 2),
    ],
)
def test_experience(text: str, role: str | None, years: float | None) -> None:
    experience = extract(text).experience
    assert len(experience) == 1
    assert experience[0].role == role
    assert experience[0].years == years


@pytest.mark.parametrize("text", ["I have no work experience yet", "我刚毕业，还没有工作经验"])
def test_no_experience_is_an_answer(text: str) -> None:
    assert Topic.EXPERIENCE in extract(text).known()


def test_a_wish_is_a_goal_not_experience() -> None:
    info = extract("I'd like to work as a teacher")
    assert info.experience == []


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("I'm good at Python and SQL.", ["python", "sql"]),
        ("我擅长Excel和数据分析。", ["excel", "数据分析"]),
        ("I'm fluent in Japanese and skilled in negotiation", ["japanese", "negotiation"]),
    ],
)
def test_skills(text: str, skills: list[str]) -> None:
    assert set(skills) <= {s.lower() for s in extract(text).skills}


def test_accounting_is_a_major_not_a_skill_cue() -> None:
    assert extract("我学的是会计专业").skills == []


@pytest.mark.parametrize(
    ("text", "interests"),
    [
        ("I enjoy hiking, painting and teaching kids", ["hiking", "painting", "teaching kids"]),
        ("我喜欢画画和摄影，也对编程感兴趣", ["画画", "摄影", "编程"]),
        ("In my free time I play the guitar", ["play the guitar"]),
    ],
)
def test_interests(text: str, interests: list[str]) -> None:
    assert set(interests) <= set(extract(text).interests)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Stability and a good salary matter most to me", {"stability", "pay"}),
        ("我比较看重工作稳定和收入", {"稳定", "收入"}),
        ("Helping people is what's important to me", {"helping people"}),
    ],
)
def test_values(text: str, values: set[str]) -> None:
    assert values <= set(extract(text).values)


def test_values_need_a_cue_that_they_matter() -> None:
    assert extract("the salary was paid late").values == []


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("I want to become a data scientist in five years", "data scientist"),
        ("我想成为一名财务分析师", "财务分析师"),
        ("My goal is to open my own bakery", "open my own bakery"),
    ],
)
def test_goals(text: str, goal: str) -> None:
    assert any(goal in g for g in extract(text).goals)


def test_constraints() -> None:
    english = extract("I'd like to work in Shanghai, full-time, at least 15k a month").constraints
    assert english is not None
    assert (english.location, english.hours) == ("Shanghai", "full-time")
    assert english.pay is not None
    assert "15k" in english.pay
    chinese = extract("希望在深圳工作，月薪一万以上，不加班").constraints
    assert chinese is not None
    assert (chinese.location, chinese.hours) == ("深圳", "不加班")
    assert chinese.pay is not None


def test_one_long_message_can_say_everything() -> None:
    info = extract(
        "I have a master's degree in biology from Oxford University, worked as a lab technician "
        "for 2 years, I'm good at statistics, I enjoy hiking and teaching, stability matters "
        "most to me, I want to become a science teacher, and I'd prefer to work in London."
    )
    assert info.known() == set(Topic)


def test_a_huge_message_is_cut_and_answered_promptly() -> None:
    started = time.perf_counter()
    extract("I enjoy " + "very " * 5000 + "long walks, " * 2000)
    extract("我喜欢" + "非常" * 10000)
    assert time.perf_counter() - started < 1.0


def test_merging_keeps_what_was_known_and_adds_what_is_new() -> None:
    known = CollectedInfo(education=Education(level="bachelor"), interests=["Hiking"])
    new = extract("I studied physics and I enjoy hiking and chess")
    merged = merge(known, new)
    assert merged.education == Education(level="bachelor", major="physics")
    assert merged.interests == ["Hiking", "chess"], "duplicates dropped regardless of case"
    assert merge(merged, CollectedInfo()) == merged
