"""The analyze stage's entry points: measured with answers, inferred without."""

from __future__ import annotations

import itertools

import pytest

from careerstream.analyzer.assessment import item_ids, load_items
from careerstream.analyzer.inference import CONFIDENCE_CAP
from careerstream.analyzer.interests import (
    AnswersInvalid,
    analyze,
    assessed_interests,
    inferred_interests,
)
from careerstream.contracts import InterestProfile, Locale, Position, Profile
from tests.support.onet import onet_dir

# Worked out by hand: raw = sum of each area's ten answers.
CARETAKER = {
    "R": [4, 4, 3, 5, 2, 3, 4, 3, 3, 5],  # 36
    "I": [2, 2, 3, 1, 2, 3, 2, 2, 1, 2],  # 20
    "A": [1, 3, 2, 3, 1, 1, 2, 1, 2, 1],  # 17
    "S": [5, 5, 4, 5, 4, 4, 3, 4, 5, 4],  # 43
    "E": [2, 1, 2, 3, 3, 2, 1, 2, 1, 1],  # 18
    "C": [3, 4, 2, 3, 3, 4, 3, 3, 4, 3],  # 32
}
CARETAKER_RAW = {"R": 36.0, "I": 20.0, "A": 17.0, "S": 43.0, "E": 18.0, "C": 32.0}


def sheet(per_area: dict[str, list[int]]) -> dict[str, int]:
    return {f"{a}{n + 1:02d}": v for a, values in per_area.items() for n, v in enumerate(values)}


PERSON = Profile(
    experience=[Position(title="Care worker")],
    narrative="I love looking after older people. 我喜欢照顾老人。 I also enjoy gardening.",
)


def test_answers_give_the_questionnaires_profile() -> None:
    result = assessed_interests(sheet(CARETAKER), None, Locale.EN)
    assert isinstance(result, InterestProfile)
    assert result.source == "assessment"
    assert result.riasec_raw == CARETAKER_RAW
    assert result.holland_code == "SRC"
    assert result.riasec == {
        a: pytest.approx((v - 10) / 40, abs=1e-3) for a, v in CARETAKER_RAW.items()
    }
    assert result.riasec["S"] == pytest.approx(33 / 40)
    assert result.confidence == 0.95  # 43 to 17: well spread, no ties at the top
    assert result.evidence["S"] == [
        "Liked 9 of the 10 Social activities",
        "Strongly liked 4 of them",
    ]
    assert set(result.evidence) == set("RIASEC")


def test_evidence_speaks_the_persons_language_and_quotes_their_words() -> None:
    chinese = assessed_interests(sheet(CARETAKER), PERSON, Locale.ZH)
    assert chinese.evidence["S"][:2] == [
        "10 项社会型活动中喜欢 9 项",
        "非常喜欢：教别人一套健身动作、帮助别人解决个人或情绪上的困扰、做康复治疗、在托儿所照顾孩子",
    ]
    own_words = [q for q in chinese.evidence["S"] if q.startswith("你提到")]
    assert own_words == ["你提到：“I love looking after older people”", "你提到：“我喜欢照顾老人”"]
    assert any("gardening" in q for q in chinese.evidence["R"])
    # The person's words add evidence, never change what the answers measured.
    assert chinese.riasec == assessed_interests(sheet(CARETAKER), None, Locale.ZH).riasec
    assert chinese.holland_code == "SRC"

    english = assessed_interests(sheet(CARETAKER), PERSON, Locale.EN, items=load_items(onet_dir()))
    assert english.evidence["S"][1].startswith(
        "Strongly liked: Teach an individual an exercise routine; "
    )
    assert 'In your own words: "I love looking after older people"' in english.evidence["S"]


def test_flat_answers_give_a_low_confidence() -> None:
    flat = assessed_interests(dict.fromkeys(item_ids(), 3), None, Locale.EN)
    assert flat.holland_code == "RIA"
    assert flat.confidence < 0.5 < assessed_interests(sheet(CARETAKER), None, Locale.EN).confidence
    assert flat.evidence["R"] == ["Liked none of the 10 Realistic activities"]


def test_analyze_measures_with_answers_and_infers_without() -> None:
    measured = analyze(PERSON, sheet(CARETAKER), Locale.EN)
    assert measured.source == "assessment"
    assert measured.holland_code == "SRC"
    inferred = analyze(PERSON, None, Locale.EN)
    assert inferred == inferred_interests(PERSON, Locale.EN)
    assert inferred.source == "inferred"
    assert inferred.riasec_raw is None
    assert inferred.holland_code[0] == "S"
    assert inferred.confidence <= CONFIDENCE_CAP < measured.confidence


def test_invalid_answers_are_refused_not_guessed() -> None:
    answers = sheet(CARETAKER)
    del answers["C10"]
    with pytest.raises(AnswersInvalid) as refused:
        analyze(PERSON, answers, Locale.EN)
    assert refused.value.problems == ["C10: missing"]
    with pytest.raises(AnswersInvalid):
        analyze(PERSON, {}, Locale.EN)


@pytest.mark.parametrize(
    ("answers", "profile"),
    [
        (sheet(CARETAKER), PERSON),
        (sheet(CARETAKER), None),
        (None, PERSON),
        (None, Profile()),
    ],
)
def test_progress_rises_to_one(answers: dict[str, int] | None, profile: Profile | None) -> None:
    reports: list[tuple[float, str]] = []

    def progress(fraction: float, message: str) -> None:
        reports.append((fraction, message))

    if profile is None:
        assert answers is not None
        assessed_interests(answers, None, Locale.ZH, progress=progress)
    else:
        analyze(profile, answers, Locale.ZH, progress=progress)
    fractions = [f for f, _ in reports]
    assert len(fractions) >= 2
    assert all(a < b for a, b in itertools.pairwise(fractions))
    assert fractions[0] > 0
    assert fractions[-1] == 1.0
    assert all(message.isascii() and message for _, message in reports)
