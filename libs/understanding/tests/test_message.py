"""One chat message understood whole: Chinese, English and both in one message; merging what a
conversation knows."""

from __future__ import annotations

import pytest

from careerstream.contracts import (
    CollectedInfo,
    Constraints,
    Education,
    EducationLevel,
    Topic,
)
from careerstream.understanding import extract, merge
from careerstream.understanding.experience import MAX_EXPERIENCE_CHARS
from careerstream.understanding.skills import MAX_SKILL_CHARS
from careerstream.understanding.text import MAX_CHARS, MAX_PHRASE_CHARS

# --- nothing to learn ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("", "   ", "Hi", "hello!", "你好", "您好。", "asdf qwer zxcv", "哈哈哈", "ok", "？？？"),
        *("谢谢", "I don't know", "不知道", "Can you help me find a job?", "I like that"),
    ],
)
def test_greetings_noise_and_questions_tell_nothing(text: str) -> None:
    info = extract(text)
    assert info.known() == set()
    assert info == CollectedInfo()


# --- whole messages --------------------------------------------------------------------------


def test_one_long_english_message_can_say_everything() -> None:
    info = extract(
        "Hi! I graduated from the University of Edinburgh with a BA in English Literature, then "
        "spent 4 years as a high school English teacher in Madrid. I'm fluent in Spanish and good "
        "at writing. I love reading, yoga and cooking. Creativity matters most to me. I hope to "
        "move into UX writing and I'd like to live in London, remote or hybrid, with at least "
        "£45k a year."
    )
    assert info.known() == set(Topic)
    assert info.education == Education(
        level=EducationLevel.BACHELOR, major="English Literature", school="University of Edinburgh"
    )
    assert info.experience[0].years == 4
    assert info.interests == ["reading", "yoga", "cooking"]
    assert info.constraints == Constraints(
        location="London, remote", pay="at least £45k a year", hours="remote, hybrid"
    )


def test_one_long_chinese_message_can_say_everything() -> None:
    info = extract(
        "我2019年毕业于武汉大学，硕士，学的是新闻传播。毕业后在一家杂志社当了三年编辑，熟悉写作。"
        "平时喜欢看电影、旅行。我看重成长和自由，希望五年内成为内容总监。最好在杭州，月薪两万左右。"
    )
    assert info.known() == set(Topic)
    assert info.education == Education(
        level=EducationLevel.MASTER, major="新闻传播", school="武汉大学"
    )
    assert [(e.role, e.years) for e in info.experience] == [("编辑", 3)]
    assert info.values == ["成长", "自主"]
    assert info.constraints == Constraints(location="杭州", pay="月薪两万左右")


def test_a_mixed_language_message() -> None:
    info = extract("我是Python开发，用过Docker和MySQL，I enjoy hiking，想转产品经理，base深圳")
    assert info.skills == ["Python", "Docker", "SQL"]
    assert info.interests == ["hiking"]
    assert info.goals == ["产品经理"]
    assert info.constraints == Constraints(location="深圳")


HOSTILE = [
    "I enjoy " + "very " * 5000 + "long walks, " * 2000,
    "我喜欢" + "非常" * 10000,
    "a" * 20000,
    "1," * 10000,
    "University " * 2000,
    "学的是" * 7000,
    "good at " * 2500,
    "I worked as a nurse for 3 years, " * 600,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_only_the_start_of_a_huge_message_is_read(text: str) -> None:
    assert len(text) > MAX_CHARS
    assert extract(text) == extract(text[:MAX_CHARS])
    assert extract("x" * MAX_CHARS + " I enjoy chess").interests == []


@pytest.mark.parametrize("text", HOSTILE)
def test_what_a_huge_message_yields_is_bounded(text: str) -> None:
    info = extract(text)
    assert all(len(item) <= MAX_PHRASE_CHARS for item in [*info.interests, *info.goals])
    assert all(len(skill) <= MAX_SKILL_CHARS for skill in info.skills)
    assert all(len(item.text) <= MAX_EXPERIENCE_CHARS for item in info.experience)
    assert len(info.interests) <= 2, "repeating one thing says it once"


def test_one_message_yields_exactly_its_facts() -> None:
    info = extract("我本科学的是会计，喜欢画画和摄影，看重稳定，想成为财务分析师，希望在上海工作")
    assert info == CollectedInfo(
        education=Education(level=EducationLevel.BACHELOR, major="会计"),
        interests=["画画", "摄影"],
        values=["稳定"],
        goals=["财务分析师"],
        constraints=Constraints(location="上海"),
    )


def test_full_width_letters_read_as_their_ascii_forms() -> None:
    assert extract("Ｉ＇ｍ ｇｏｏｄ ａｔ Ｐｙｔｈｏｎ") == extract("I'm good at Python")


# --- merging ---------------------------------------------------------------------------------


def test_merging_keeps_what_was_known_and_adds_what_is_new() -> None:
    known = CollectedInfo(education=Education(level=EducationLevel.BACHELOR), interests=["Hiking"])
    merged = merge(known, extract("I studied physics and I enjoy hiking and chess"))
    assert merged.education == Education(level=EducationLevel.BACHELOR, major="physics")
    assert merged.interests == ["Hiking", "chess"], "duplicates dropped regardless of case"
    assert merge(merged, CollectedInfo()) == merged
    assert known == CollectedInfo(
        education=Education(level=EducationLevel.BACHELOR), interests=["Hiking"]
    )


def test_merging_replaces_fields_that_a_new_answer_restates() -> None:
    known = CollectedInfo(constraints=Constraints(location="Beijing", hours="full-time"))
    merged = merge(known, CollectedInfo(constraints=Constraints(location="Shanghai")))
    assert merged.constraints == Constraints(location="Shanghai", hours="full-time")


def test_merging_experience_drops_items_with_the_same_text() -> None:
    first = extract("I worked as a nurse for 3 years")
    merged = merge(first, extract("I worked as a nurse for 3 years. I was a tutor."))
    assert [e.role for e in merged.experience] == ["nurse", "tutor"]


def test_merging_a_whole_conversation() -> None:
    known = CollectedInfo()
    for answer in [
        "你好",
        "我本科学的是会计专业。",
        "我在一家银行工作了三年。",
        "我喜欢画画和摄影。",
    ]:
        known = merge(known, extract(answer))
    assert known.known() == {Topic.EDUCATION, Topic.EXPERIENCE, Topic.INTERESTS}
