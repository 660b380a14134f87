"""Skills a chat message claims: tools anywhere, other abilities after a cue."""

from __future__ import annotations

import pytest

from careerstream.understanding import extract


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("I'm good at Python and SQL.", ["Python", "SQL"]),
        ("I'm fluent in Japanese and skilled in negotiation", ["Japanese", "negotiation"]),
        (
            "I can speak English and Chinese, and I can use Photoshop",
            ["English", "Chinese", "Photoshop"],
        ),
        ("I know Java, Go and R", ["Java", "Go", "R"]),
        ("My strengths are budgeting and customer service", ["budgeting", "customer service"]),
        ("我擅长Excel和数据分析。", ["Excel", "数据分析"]),
        ("我会说英语和日语，还会剪辑视频", ["英语", "日语", "剪辑"]),
        ("我的沟通能力很强，也有一定的领导能力", ["沟通", "领导力"]),
        ("熟悉新媒体运营和写作", ["运营", "写作"]),
        ("I'm good at 数据分析 and 沟通", ["数据分析", "沟通"]),
        ("我擅长ＰＹＴＨＯＮ", ["Python"]),
    ],
)
def test_skills(text: str, skills: list[str]) -> None:
    assert extract(text).skills == skills


def test_tools_count_anywhere_but_other_skill_words_need_a_cue() -> None:
    assert extract("Python and Tableau every day at work").skills == ["Python", "Tableau"]
    assert extract("我学的是会计专业").skills == [], "a major is not a skill"
    assert extract("I want to learn Python").skills == [], "a plan to learn is not a skill"


def test_tool_names_that_are_everyday_words_need_a_skills_sentence() -> None:
    assert extract("I use Git and React daily").skills == ["Git", "React"]
    assert extract("I react calmly under pressure").known() == set()


def test_a_tool_denied_or_being_learned_is_left_out() -> None:
    assert extract("I don't use Excel").skills == []
    assert extract("我正在学Python").skills == []
    assert extract("我毕业以后用Python做数据分析").skills == ["Python"], "以后 here is past"


def test_a_denied_skill_is_left_out() -> None:
    skills = extract("I'm not good at math but I'm good at communication").skills
    assert skills == ["communication"]
