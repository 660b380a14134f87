"""Skill matching: the built-in bilingual lexicon, and the same plus the real O*NET release."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerstream.contracts import Locale, Skill
from careerstream.parser.vocabulary import (
    MAX_ONET_TECHNOLOGIES,
    MAX_TEXT_CHARS,
    SkillVocabulary,
    builtin_entries,
    onet_skill_names,
    onet_technology_names,
)
from tests.support.onet import onet_dir


@pytest.fixture(scope="module")
def builtin() -> SkillVocabulary:
    return SkillVocabulary.builtin()


@pytest.fixture(scope="module")
def onet() -> SkillVocabulary:
    return SkillVocabulary.with_onet(onet_dir())


def names(skills: list[Skill]) -> list[str]:
    return [skill.name for skill in skills]


# --- the built-in lexicon -------------------------------------------------------------------


def test_english_and_chinese_words_name_the_same_canonical_skill(builtin: SkillVocabulary) -> None:
    [english] = builtin.find("Led project management for a bank", Locale.EN)
    [chinese] = builtin.find("负责项目管理和进度跟踪", Locale.EN)
    assert english.name == chinese.name == "Project management"
    assert (english.found, chinese.found) == ("project management", "项目管理")
    assert english.source == chinese.source == "builtin"


def test_labels_follow_the_locale(builtin: SkillVocabulary) -> None:
    [zh] = builtin.find("data analysis", Locale.ZH)
    [en] = builtin.find("数据分析", Locale.EN)
    assert (zh.label, en.label) == ("数据分析", "Data analysis")
    [sql] = builtin.find("熟悉 SQL", Locale.ZH)
    assert (sql.name, sql.label) == ("Structured query language SQL", "SQL")


def test_skills_come_once_each_in_order_of_first_appearance(builtin: SkillVocabulary) -> None:
    text = "Python and SQL daily; 熟练使用Python、Excel，python scripts, sql again"
    assert names(builtin.find(text, Locale.EN)) == [
        "Python",
        "Structured query language SQL",
        "Microsoft Excel",
    ]


def test_full_width_letters_and_mixed_separators_still_match(builtin: SkillVocabulary) -> None:
    found = builtin.find("精通Ｐｙｔｈｏｎ，熟悉Power-BI与ms excel", Locale.ZH)
    assert names(found) == ["Python", "Microsoft Power BI", "Microsoft Excel"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JavaScript and TypeScript", ["JavaScript", "TypeScript"]),  # no "Oracle Java" inside
        ("Java, C++, C#, C and R", ["Oracle Java", "C++", "C#", "C", "R"]),
        ("R&D budgeting in the C-suite", ["Management of Financial Resources"]),
        ("Let's go; we excel at sales", ["Sales"]),  # lower-case "go", the verb "excel"
        ("Go, Rust and Swift services", ["Go", "Rust programming language", "Swift"]),
        ("Built a React app; I react quickly", ["React"]),
        ("Mastered Excel and Word", ["Microsoft Excel", "Microsoft Word"]),
        ("a word of advice", []),
        ("the pythonic way", []),  # part of a longer word
        ("安装调试和调试", ["Installation", "Troubleshooting"]),  # the longer term first
    ],
)
def test_words_match_only_where_they_mean_the_skill(
    builtin: SkillVocabulary, text: str, expected: list[str]
) -> None:
    assert names(builtin.find(text, Locale.EN)) == expected


def test_the_builtin_lexicon_uses_onet_names_where_it_says_it_does() -> None:
    known = [entry.name for entry in builtin_entries()]
    technologies = set(onet_technology_names(onet_dir(), also=known))
    skills = set(onet_skill_names(onet_dir()))
    for entry in builtin_entries():
        if entry.onet == "technology":
            assert entry.name in technologies, entry.name
        elif entry.onet == "skill":
            assert entry.name in skills, entry.name


def test_builtin_knows_no_onet_source(builtin: SkillVocabulary) -> None:
    found = builtin.find("Excel, critical thinking, 时间管理", Locale.EN)
    assert {skill.source for skill in found} == {"builtin"}
    assert "Microsoft Excel" in builtin
    assert "Microsoft SharePoint" not in builtin


# --- with O*NET -----------------------------------------------------------------------------


def test_onet_adds_its_35_skills(onet: SkillVocabulary) -> None:
    skill_names = onet_skill_names(onet_dir())
    assert len(skill_names) == 35
    assert "Critical Thinking" in skill_names
    for name in skill_names:
        entry = onet.entry(name)
        assert entry is not None, name
        assert entry.source == "onet_skill", name


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # O*NET's skills keep their Chinese words.
        (
            "具备批判性思维",
            Locale.ZH,
            {"name": "Critical Thinking", "label": "批判性思维", "source": "onet_skill"},
        ),
        # Excel is O*NET's Microsoft Excel.
        (
            "Advanced Excel (pivot tables)",
            Locale.EN,
            {"name": "Microsoft Excel", "source": "onet_technology", "found": "Excel"},
        ),
    ],
)
def test_onet_names_the_skill(
    onet: SkillVocabulary, text: str, locale: Locale, expected: dict[str, str]
) -> None:
    [skill] = onet.find(text, locale)
    assert skill.model_dump(include=set(expected)) == expected


def test_onet_brings_technologies_the_lexicon_lacks(onet: SkillVocabulary) -> None:
    found = onet.find("Maintained SharePoint sites and Wireshark captures; used ArcGIS", Locale.EN)
    assert names(found) == ["Microsoft SharePoint", "Wireshark", "ESRI ArcGIS software"]
    assert {skill.source for skill in found} == {"onet_technology"}
    [sql] = onet.find("Structured query language", Locale.EN)
    assert sql.name == "Structured query language SQL"


def test_onet_categories_do_not_turn_everyday_words_into_products(onet: SkillVocabulary) -> None:
    text = "Reporting to the director; budgeting, scheduling and billing; email: a@b.com"
    assert "Reporting software" not in names(onet.find(text, Locale.EN))
    assert {s.source for s in onet.find(text, Locale.EN)} <= {"builtin", "onet_skill"}


def test_onet_technologies_are_bounded() -> None:
    chosen = onet_technology_names(onet_dir())
    assert 300 <= len(chosen) <= MAX_ONET_TECHNOLOGIES + len(builtin_entries())
    assert "Microsoft Excel" in chosen
    assert chosen.index("Microsoft Excel") < 5  # most widely named first


def test_a_long_text_is_matched_up_to_its_bound(onet: SkillVocabulary) -> None:
    block = "Built ETL in Python, SQL and Excel; 负责数据分析与项目管理。Reported results weekly. "
    text = (block * (MAX_TEXT_CHARS // len(block) + 1))[:MAX_TEXT_CHARS]
    found = names(onet.find(text + " Wireshark", Locale.EN))
    assert len(found) >= 5
    assert "Wireshark" not in found  # past the bound
    assert "Wireshark" in names(onet.find(text[-1000:] + " Wireshark", Locale.EN))


def test_a_directory_without_the_release_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"Skills\.txt"):
        SkillVocabulary.with_onet(tmp_path)
