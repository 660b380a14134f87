"""Ranking people against both indexes: order, reasons, gaps, components and progress."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from careerstream.contracts import (
    EducationLevel,
    InterestProfile,
    Locale,
    OccupationMatch,
    Profile,
    Skill,
)
from careerstream.matcher.occupations import OccupationIndex, Term
from careerstream.matcher.ranking import (
    WEIGHTS,
    match_weights,
    person_skills,
    person_zone,
    rank,
    skill_gaps,
    zone_fit,
)

Person = tuple[Profile, InterestProfile]
DATA_WORK = re.compile(r"data|analyst|statistic|software|database|computer|programmer", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _check_well_formed(matches: list[OccupationMatch], top_n: int) -> None:
    assert len(matches) == top_n
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for first, second in itertools.pairwise(matches):
        if first.score == second.score:
            assert (first.code or "") < (second.code or "")  # ties broken by code
    for match in matches:
        assert set(match.components) <= set(WEIGHTS)
        assert all(0.0 <= value <= 1.0 for value in match.components.values())
        assert 2 <= len(match.reasons) <= 4
        assert len(match.skill_gaps) <= 5
        assert match.code
        assert match.title
        assert match.title_en
        assert match.holland_code


def _index(request: pytest.FixtureRequest, source: str) -> OccupationIndex:
    """Only the index a case needs, so the catalogue cases never wait for O*NET's."""
    index = request.getfixturevalue(f"{source}_index")
    assert isinstance(index, OccupationIndex)
    return index


def _top_ten(
    request: pytest.FixtureRequest, source: str, person: Person, locale: Locale
) -> list[OccupationMatch]:
    """The person's ten best occupations from the source's index, checked for form."""
    profile, interests = person
    matches = rank(_index(request, source), profile, interests, locale, top_n=10)
    _check_well_formed(matches, 10)
    return matches


def _person_has(person: Profile) -> set[str]:
    return {text.casefold() for s in person.skills for text in (s.name, s.label)}


@pytest.mark.parametrize("source", ["catalogue", "onet"])
def test_an_investigative_conventional_analyst_gets_data_work(
    source: str, analyst: Person, request: pytest.FixtureRequest
) -> None:
    profile = analyst[0]
    matches = _top_ten(request, source, analyst, Locale.EN)
    top5 = [m.title_en for m in matches[:5]]
    assert DATA_WORK.search(top5[0]), top5
    assert sum(bool(DATA_WORK.search(title)) for title in top5) >= (
        3 if source == "catalogue" else 4
    )
    assert all(m.source == source for m in matches)

    best = matches[0]
    assert {"Python", "statistics"} <= set(best.matched_skills)
    assert any("Investigative" in reason for reason in best.reasons)
    assert not any(CJK.search(reason) for m in matches for reason in m.reasons)
    # Gaps never name a skill the person already has.
    has = _person_has(profile)
    for match in matches:
        assert not {gap.casefold() for gap in match.skill_gaps} & has, match.skill_gaps
        assert not set(match.skill_gaps) & set(match.matched_skills)


@pytest.mark.parametrize("source", ["catalogue", "onet"])
def test_a_chinese_speaking_nurse_gets_nursing_explained_in_chinese(
    source: str, nurse: Person, request: pytest.FixtureRequest
) -> None:
    matches = _top_ten(request, source, nurse, Locale.ZH)
    codes = [m.code for m in matches]
    assert "29-1141.00" in codes[:3], [m.title_en for m in matches[:5]]

    nurses = matches[codes.index("29-1141.00")]
    assert nurses.title == "注册护士"
    assert nurses.title_en in {"Registered Nurse", "Registered Nurses"}
    assert nurses.job_zone == 4
    # "护理" meets the catalogue's "patient care" (病人护理) by meaning, not by name.
    assert set(nurses.matched_skills) == {"护理", "照顾病人"}
    assert "病人护理" not in nurses.skill_gaps
    assert all(CJK.search(reason) for reason in nurses.reasons)
    assert "社会型" in nurses.reasons[0]
    assert "Social" not in " ".join(nurses.reasons)
    assert any("本科" in reason for reason in nurses.reasons)  # the education sentence
    # Catalogue skills the person lacks are shown in Chinese.
    assert "急救" in nurses.skill_gaps


def test_ranking_is_deterministic_and_reports_monotone_progress(
    onet_index: OccupationIndex, analyst: Person
) -> None:
    profile, interests = analyst
    fractions: list[float] = []
    first = rank(
        onet_index, profile, interests, Locale.EN, progress=lambda f, _: fractions.append(f)
    )
    second = rank(onet_index, profile, interests, Locale.EN)
    assert first == second
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert len(fractions) >= 923 // 100  # one report per chunk of occupations at least


def test_top_n_limits_the_result(catalogue_index: OccupationIndex, analyst: Person) -> None:
    profile, interests = analyst
    assert len(rank(catalogue_index, profile, interests, Locale.EN, top_n=3)) == 3
    assert rank(catalogue_index, profile, interests, Locale.EN, top_n=0) == []
    assert len(rank(catalogue_index, profile, interests, Locale.EN, top_n=100)) == 39


def test_a_profile_with_nothing_but_interests_still_ranks(
    catalogue_index: OccupationIndex,
) -> None:
    interests = InterestProfile(
        riasec={"R": 0.9, "I": 0.5, "A": 0.1, "S": 0.2, "E": 0.2, "C": 0.6},
        holland_code="RCI",
        source="assessment",
        confidence=1.0,
    )
    matches = rank(catalogue_index, Profile(), interests, Locale.ZH, top_n=5)
    _check_well_formed(matches, 5)
    assert set(matches[0].components) == {"interest"}
    assert matches[0].holland_code.startswith("R")
    assert "现实型" in matches[0].reasons[0]
    assert all(m.matched_skills == [] for m in matches)


def test_a_flat_interest_profile_leaves_interests_out(
    catalogue_index: OccupationIndex, analyst: Person
) -> None:
    profile, _ = analyst
    flat = InterestProfile(
        riasec=dict.fromkeys("RIASEC", 0.5), holland_code="R", source="inferred", confidence=0.1
    )
    matches = rank(catalogue_index, profile, flat, Locale.EN, top_n=5)
    assert "interest" not in matches[0].components
    assert DATA_WORK.search(matches[0].title_en)


def test_skills_match_across_languages_by_meaning(catalogue_index: OccupationIndex) -> None:
    skills = person_skills(
        Profile(
            skills=[
                Skill(name="照顾病人", label="照顾病人", found="照顾病人", source="stated"),
                Skill(name="Programming", label="编程", found="写程序", source="onet_skill"),
            ]
        )
    )
    texts = list(dict.fromkeys(t for s in skills for t in s.texts))
    held = match_weights(skills, texts, catalogue_index.embedder.queries(texts), catalogue_index)
    names = [term.en for term in catalogue_index.terms]
    care, programming = held[0], held[1]
    assert care[names.index("Patient care")] >= 0.5  # no shared word, only meaning
    assert care[names.index("Programming")] < 0.5
    assert programming[names.index("Programming")] == 1.0
    assert programming[names.index("Patient care")] < 0.5
    assert float(np.max(held)) <= 1.0


def test_tools_match_by_their_words(onet_index: OccupationIndex) -> None:
    skills = person_skills(
        Profile(skills=[Skill(name="SQL", label="SQL", found="SQL", source="stated")])
    )
    held = match_weights(skills, [], onet_index.embedder.queries([]), onet_index)
    names = [term.en for term in onet_index.terms]
    assert held[0][names.index("Structured query language SQL")] == 1.0


@pytest.mark.parametrize(
    ("level", "years", "zone"),
    [
        (None, 0.0, None),
        ("secondary", 0.0, 2),
        ("vocational", 1.0, 3),
        ("bachelor", 0.0, 4),
        ("bachelor", 6.0, 5),
        ("doctorate", 0.0, 5),
        (None, 3.0, 3),
        (None, 10.0, 4),
    ],
)
def test_the_persons_job_zone_comes_from_education_and_experience(
    level: str | None, years: float, zone: int | None
) -> None:
    highest = EducationLevel(level) if level else None
    assert person_zone(Profile(highest_level=highest, years_experience=years)) == zone


def test_more_preparation_needed_costs_more_than_less() -> None:
    assert zone_fit(3, 3) == 1.0
    assert zone_fit(3, 4) < zone_fit(3, 2) < 1.0
    assert zone_fit(2, 5) == 0.0
    assert zone_fit(5, 1) > zone_fit(2, 4)
    assert zone_fit(3, None) == 0.5


def test_gaps_name_each_thing_once_and_localise_what_they_can() -> None:
    missing = [
        Term(en="HTML", zh="HTML", kind="skill"),
        Term(en="Figma", zh="Figma", kind="skill"),
        Term(en="Programming", zh="编程", kind="skill"),
        Term(en="Writing", zh="写作", kind="skill"),
        Term(en="Hypertext markup language HTML", zh=None, kind="technology"),
        Term(en="JavaScript", zh=None, kind="technology"),
        Term(en="Adobe Photoshop", zh=None, kind="technology"),
    ]
    assert skill_gaps(missing, Locale.ZH) == [
        "HTML",
        "Figma",
        "编程",
        "JavaScript",
        "Adobe Photoshop",
    ]
    assert skill_gaps(missing[:4], Locale.EN) == ["HTML", "Figma", "Programming", "Writing"]
