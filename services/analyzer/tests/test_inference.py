"""Interests inferred from a person's words: personas, negation, code length, the lexicon."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerstream.analyzer.assessment import confidence as assessed_confidence
from careerstream.analyzer.assessment import item_ids, score
from careerstream.analyzer.inference import (
    CONFIDENCE_CAP,
    LIKED_WEIGHT,
    MAX_QUOTES,
    PLACEHOLDER_CODE,
    QUOTE_REACH,
    SOURCE_WEIGHTS,
    cue_lexicon,
    holland_code,
    inferred_confidence,
    inferred_interests,
    read_profile,
)
from careerstream.contracts import EducationEntry, EducationLevel, Locale, Position, Profile, Skill
from tests.support.onet import onet_dir

ANALYST = Profile(
    experience=[Position(title="Data Analyst", organization="Northwind Retail", years=4)],
    education=[EducationEntry(level=EducationLevel.BACHELOR, major="Statistics")],
    interests=["research", "spreadsheets"],
    narrative=(
        "I have worked as a data analyst for four years. I love research and digging into "
        "the numbers to understand why things happen. I enjoy building spreadsheets and keeping "
        "records accurate. I don't like selling, and I would hate to cold-call people."
    ),
)

NURSE = Profile(
    experience=[Position(title="护士", organization="市人民医院", years=6)],
    interests=["和人打交道"],
    values=["帮助他人"],
    narrative=(
        "我是一名护士，在市人民医院工作了六年。我喜欢和人打交道，也喜欢照顾病人、帮助别人。"
        "平时我会耐心倾听患者的担心。我不喜欢销售，也对做生意不感兴趣。"
    ),
)


def everything_said(profile: Profile) -> str:
    return "\n".join(
        [
            profile.narrative,
            *profile.interests,
            *profile.values,
            *profile.goals,
            *(p.title or "" for p in profile.experience),
            *(e.major or "" for e in profile.education),
        ]
    )


def test_an_english_data_analyst_is_investigative_and_conventional() -> None:
    result = inferred_interests(ANALYST, Locale.EN)
    assert result.source == "inferred"
    assert result.riasec_raw is None
    assert set(result.holland_code[:2]) == {"I", "C"}
    assert result.riasec["I"] > result.riasec["S"]
    assert result.riasec["C"] > result.riasec["A"]
    assert "E" not in result.evidence, "selling was denied, so nothing points to E"
    # Quotes are the person's own words, found where they said them.
    said = everything_said(ANALYST)
    assert all(q in said for quotes in result.evidence.values() for q in quotes)
    assert any("love research" in q for q in result.evidence["I"])
    assert any("spreadsheets" in q for q in result.evidence["C"])
    assert 0.3 < result.confidence <= CONFIDENCE_CAP


def test_a_chinese_nurse_who_likes_people_is_social() -> None:
    result = inferred_interests(NURSE, Locale.ZH)
    assert result.holland_code[0] == "S"
    assert result.riasec["S"] == max(result.riasec.values())
    assert "E" not in result.evidence, "销售 and 做生意 were denied"
    assert "E" not in result.holland_code
    assert all(q in everything_said(NURSE) for q in result.evidence["S"])
    assert "我喜欢和人打交道" in result.evidence["S"]
    assert "和人打交道" not in result.evidence["S"], "the longer quote replaces the shorter"
    assert any("照顾病人" in q for q in result.evidence["S"])


def areas_in(text: str) -> set[str]:
    """Areas the narrative alone gives evidence for."""
    return {hit.area for hit in read_profile(Profile(narrative=text)).hits}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("I don't like selling.", "E"),
        ("I do not enjoy sales at all", "E"),
        ("I never wanted to be a manager", "E"),
        ("Sales is not for me.", "E"),
        ("Selling bores me", "E"),
        ("I hate accounting and bookkeeping", "C"),
        ("I'm not interested in teaching", "S"),
        ("我不喜欢销售", "E"),
        ("我对销售不感兴趣", "E"),
        ("我不想做会计", "C"),
        ("我讨厌整天修理机器", "R"),
        ("我没有兴趣当老师", "S"),
    ],
)
def test_a_denied_cue_is_no_evidence(text: str, area: str) -> None:
    assert area not in areas_in(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("I like selling.", "E"),
        ("No, I love teaching", "S"),
        ("Not only do I love teaching", "S"),
        ("I don't like selling, but I love teaching kids", "S"),
        ("我非常喜欢销售", "E"),
        ("我不断学习设计", "A"),
        ("我不喜欢销售，但是喜欢教学", "S"),
        ("我很喜欢和别人打交道", "S"),
    ],
)
def test_words_that_look_like_denials_do_not_hide_evidence(text: str, area: str) -> None:
    assert area in areas_in(text)


def test_a_denial_reaches_only_its_own_clause() -> None:
    found = areas_in("I don't like selling, but I love teaching kids. 我不喜欢会计，喜欢画画。")
    assert found == {"S", "A"}


def test_an_empty_profile_gives_a_placeholder_that_says_so() -> None:
    for locale, words in ((Locale.EN, "placeholder"), (Locale.ZH, "占位")):
        result = inferred_interests(Profile(), locale)
        assert result.holland_code == PLACEHOLDER_CODE == "RIA"
        assert result.confidence == 0.0
        assert set(result.riasec.values()) == {0.0}
        assert set(result.evidence) == set("RIASEC")
        assert all(words in quotes[0] for quotes in result.evidence.values())


def test_the_code_has_as_many_letters_as_there_is_evidence_for() -> None:
    one = inferred_interests(Profile(interests=["painting"]), Locale.EN)
    assert one.holland_code == "AS", "one area of evidence: its hexagon neighbour follows"
    two = inferred_interests(
        Profile(interests=["painting"], skills=[skill("Excel", "Microsoft Excel")]), Locale.EN
    )
    assert two.holland_code == "AC"
    # A third area mentioned once in passing is not real evidence: two letters.
    passing = Profile(interests=["painting", "teaching"], narrative="I once repaired a chair.")
    assert inferred_interests(passing, Locale.EN).holland_code == "AS"
    # Said with liking, the same third area earns its letter.
    real = Profile(interests=["painting", "teaching"], narrative="I enjoy repairing things.")
    assert inferred_interests(real, Locale.EN).holland_code == "ASR"


def test_holland_code_rule_on_raw_evidence() -> None:
    zero = dict.fromkeys("RIASEC", 0.0)
    assert holland_code(zero) == "RIA"
    assert holland_code(zero | {"E": 1.0}) == "EC", "one area: its hexagon neighbour follows"
    assert holland_code(zero | {"C": 1.0}) == "CR", "the hexagon is a circle"
    assert holland_code(zero | {"S": 1.0}, denied={"E"}) == "SA", "not the denied neighbour"
    assert holland_code(zero | {"E": 3.0, "C": 1.0, "S": 1.0}) == "ES", "S before C"
    assert holland_code(zero | {"E": 3.0, "C": 2.0, "S": 2.0}) == "ESC", "ties: RIASEC order"
    assert holland_code(zero | {"I": 9.0, "A": 4.0, "R": 2.0, "C": 0.5}) == "IAR"


def skill(found: str, name: str) -> Skill:
    return Skill(name=name, label=found, found=found, source="onet_technology")


def test_what_a_person_likes_outweighs_what_they_can_do() -> None:
    profile = Profile(
        interests=["drawing"],
        skills=[skill("SQL", "SQL"), skill("Excel", "Microsoft Excel")],
        narrative="I taught a class once.",
    )
    raw = read_profile(profile).raw()
    assert raw["A"] == SOURCE_WEIGHTS["interests"]
    assert raw["C"] == 2 * SOURCE_WEIGHTS["skills"]
    assert raw["S"] == SOURCE_WEIGHTS["narrative"]
    liked = read_profile(Profile(narrative="I really love teaching.")).raw()
    assert liked["S"] == LIKED_WEIGHT > SOURCE_WEIGHTS["narrative"]


def test_a_cue_counts_once_and_its_quote_once() -> None:
    repeated = Profile(narrative="I love teaching. " * 200)
    result = inferred_interests(repeated, Locale.EN)
    assert read_profile(repeated).raw()["S"] == LIKED_WEIGHT
    assert result.evidence == {"S": ["I love teaching"]}


def test_evidence_is_bounded() -> None:
    helping = [
        "teaching children",
        "coaching football",
        "mentoring students",
        "nursing",
        "counselling",
        "caring for the elderly",
        "volunteering",
    ]
    result = inferred_interests(Profile(interests=helping), Locale.EN)
    assert result.evidence["S"] == helping[:MAX_QUOTES]
    # A quote from a long sentence is a window around its cue, cut at whole words.
    narrative = "word " * 100 + "teaching" + " word" * 100
    (quote,) = inferred_interests(Profile(narrative=narrative), Locale.EN).evidence["S"]
    assert "teaching" in quote
    assert quote in narrative
    assert len(quote) <= 2 * QUOTE_REACH + len("teaching")
    assert quote.startswith("word")
    assert quote.endswith("word")


def test_confidence_grows_with_evidence_and_stays_below_a_questionnaire() -> None:
    little = inferred_interests(Profile(interests=["painting"]), Locale.EN).confidence
    more = inferred_interests(ANALYST, Locale.EN).confidence
    assert 0 < little < more <= CONFIDENCE_CAP
    # However much is said, it stays under the cap ...
    assert inferred_confidence(dict.fromkeys("RIASEC", 0.0) | {"S": 1e6}, sources=8) == (
        CONFIDENCE_CAP
    )
    # ... and the cap is below a clear questionnaire's confidence.
    clear = {"R": 5, "I": 4, "A": 2, "S": 1, "E": 1, "C": 2}
    sheet = {i: clear[i[0]] for i in item_ids()}
    assert assessed_confidence(score(sheet)) > CONFIDENCE_CAP
    # Evidence spread evenly over every area says less than the same amount in a few.
    even = dict.fromkeys("RIASEC", 2.0)
    focused = dict.fromkeys("RIASEC", 0.0) | {"I": 6.0, "C": 6.0}
    assert inferred_confidence(even, 3) < inferred_confidence(focused, 3)


def test_skills_titles_and_majors_count() -> None:
    profile = Profile(
        experience=[Position(title="Electrician")],
        education=[EducationEntry(major="Accounting")],
        skills=[Skill(name="Persuasion", label="说服", found="说服客户", source="onet_skill")],
    )
    result = inferred_interests(profile, Locale.ZH)
    assert result.evidence == {"R": ["Electrician"], "E": ["说服客户"], "C": ["Accounting"]}
    # Title and major tie (RIASEC order); one skill is one cue, however many words match.
    assert result.holland_code == "RC", "titles and majors weigh more than skills"


def test_progress_rises_to_one() -> None:
    reports: list[tuple[float, str]] = []
    inferred_interests(ANALYST, Locale.EN, progress=lambda f, m: reports.append((f, m)))
    fractions = [f for f, _ in reports]
    assert len(reports) >= 8
    assert fractions == sorted(fractions)
    assert len(set(fractions)) == len(fractions)
    assert fractions[0] > 0
    assert fractions[-1] == 1.0
    assert all(m and m.isascii() for _, m in reports)


def test_a_long_narrative_is_read_whole_and_quotes_stay_few() -> None:
    # Its speed is measured in benchmarks/pipeline_stages.py, not asserted here.
    narrative = (ANALYST.narrative + " " + NURSE.narrative + "\n") * 200
    profile = Profile(narrative=narrative[:60_000])
    result = inferred_interests(profile, Locale.EN)
    assert {"I", "C", "S"} <= set(result.evidence)
    assert all(len(quotes) <= MAX_QUOTES for quotes in result.evidence.values())


# --- the lexicon against O*NET's own words for the areas --------------------------------------
def onet_rows(name: str) -> Iterator[dict[str, str]]:
    with Path(onet_dir(), name).open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file, delimiter="\t")


# O*NET keywords the lexicon leaves out on purpose: too common in people's words for
# something else ("I think", "tools like Excel", "at the office", "sort of").
LEFT_OUT = {
    "Drive",
    "Maintain",
    "Tools",
    "Study",
    "Think",
    "Ideas",
    "Knowledge",
    "Perform",
    "Service",
    "Direct",
    "Product",
    "Sort",
    "Office",
}


def test_the_lexicon_recognises_onets_riasec_keywords() -> None:
    lexicon = cue_lexicon()
    missed = []
    for row in onet_rows("RIASEC Keywords.txt"):
        if row["Keyword"] not in LEFT_OUT and row["Element Name"][0] not in lexicon.areas_of(
            row["Keyword"]
        ):
            missed.append(row["Keyword"])
    assert missed == []


def test_the_lexicon_puts_onets_basic_interests_in_their_areas() -> None:
    areas: dict[str, set[str]] = {}
    for row in onet_rows("Basic Interests to RIASEC.txt"):
        areas.setdefault(row["Basic Interests Element Name"], set()).add(
            row["RIASEC Element Name"][0]
        )
    assert len(areas) > 30
    for name, expected in areas.items():
        found = cue_lexicon().areas_of(name)
        assert found, name
        assert found <= expected, name


def test_job_titles_alone_mostly_point_to_onets_first_interest() -> None:
    """O*NET's occupational interest high points, against the code inferred from the title."""
    high: dict[str, dict[str, str]] = {}  # occupation -> "First"/"Second" -> area
    for row in onet_rows("Interests.txt"):
        point = int(float(row["Data Value"]))  # 1..6 for R..C, 0 for none
        if row["Scale ID"] == "IH" and point:
            high.setdefault(row["O*NET-SOC Code"], {})[row["Element Name"].split()[0]] = "RIASEC"[
                point - 1
            ]
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in onet_rows("Occupation Data.txt")}
    agree = in_top_two = judged = 0
    for code, points in high.items():
        high_points = points.get("First", "") + points.get("Second", "")
        raw = read_profile(Profile(experience=[Position(title=titles[code])])).raw()
        if not any(raw.values()):
            continue
        judged += 1
        inferred = holland_code(raw)[0]
        agree += inferred == high_points[0]
        in_top_two += inferred in high_points
    assert judged > 600
    # Chance would be about 1 in 6 and 1 in 3.
    assert agree / judged > 0.65
    assert in_top_two / judged > 0.8


@pytest.mark.parametrize(
    ("area", "cues"),
    [
        ("R", "repair | build | machines | outdoors | 动手 | 机械 | 维修"),
        ("I", "research | analyse | data analysis | science | 研究 | 分析 | 实验"),
        ("A", "design | write | music | 设计 | 创作 | 绘画"),
        ("S", "teach | help | care | counsel | 教学 | 帮助 | 照顾"),
        ("E", "lead | sell | manage | start a business | 管理 | 销售 | 创业"),
        ("C", "accounting | records | detail | spreadsheets | 会计 | 数据录入 | 细致"),
    ],
)
def test_the_lexicon_has_both_languages_for_every_area(area: str, cues: str) -> None:
    lexicon = cue_lexicon()
    assert len(lexicon) > 800
    for cue in cues.split(" | "):
        found = lexicon.areas_of(cue)
        assert area in found, cue
        assert found <= {area, "C"}, f"{cue}: {found}"  # "data analysis" is I and C
