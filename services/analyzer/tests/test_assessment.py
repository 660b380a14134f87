"""Questionnaire scoring, confidence and evidence against hand-computed answers."""

from __future__ import annotations

import pytest

from careerstream.analyzer.assessment import (
    CONFIDENCE_CEILING,
    CONFIDENCE_FLOOR,
    AnswersInvalid,
    chinese_wording,
    confidence,
    evidence,
    item_ids,
    load_items,
    score,
)
from careerstream.contracts import Locale, answer_problems
from tests.support.onet import onet_dir


def answers(per_area: dict[str, list[int]]) -> dict[str, int]:
    return {
        f"{area}{n + 1:02d}": v for area, values in per_area.items() for n, v in enumerate(values)
    }


def test_a_hand_computed_profile() -> None:
    result = score(
        answers(
            {
                "R": [2, 3, 2, 1, 4, 2, 3, 2, 1, 2],  # 22
                "I": [5, 4, 5, 4, 5, 5, 4, 5, 4, 5],  # 46
                "A": [3, 3, 2, 4, 3, 3, 2, 1, 2, 3],  # 26
                "S": [4, 4, 3, 4, 5, 3, 4, 4, 3, 4],  # 38
                "E": [1, 2, 1, 2, 3, 2, 1, 1, 2, 1],  # 16
                "C": [4, 4, 4, 3, 4, 4, 3, 4, 4, 4],  # 38
            }
        )
    )
    assert result.raw == {"R": 22, "I": 46, "A": 26, "S": 38, "E": 16, "C": 38}
    assert result.holland_code == "ISC", "S and C tie at 38: RIASEC order decides"
    assert result.normalised["I"] == pytest.approx(36 / 40)


def test_all_the_same_answer_gives_the_riasec_order() -> None:
    result = score(dict.fromkeys(item_ids(), 3))
    assert set(result.raw.values()) == {30}
    assert result.holland_code == "RIA"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"R01": None}, "R01: missing"),
        ({"R01": 6}, "R01: 6 is not a whole number from 1 to 5"),
        ({"I02": 0}, "I02: 0 is not a whole number from 1 to 5"),
        ({"C10": 2.5}, "C10: 2.5 is not a whole number from 1 to 5"),
        ({"A03": "4"}, "A03: '4' is not a whole number from 1 to 5"),
        ({"S04": True}, "S04: True is not a whole number from 1 to 5"),
        ({"X01": 3}, "X01: not an item of the form"),
    ],
)
def test_incomplete_or_out_of_range_answers_are_refused(
    change: dict[str, object], problem: str
) -> None:
    given: dict[str, object] = dict.fromkeys(item_ids(), 3)
    for key, value in change.items():
        if value is None:
            del given[key]
        else:
            given[key] = value
    with pytest.raises(AnswersInvalid) as refused:
        score(given)
    assert problem in refused.value.problems


def test_the_form_has_both_wordings_for_every_item() -> None:
    items = load_items(onet_dir())
    assert [i.id for i in items] == item_ids()
    assert all(i.area == i.id[0] for i in items)
    assert items[0].text_en == "Build kitchen cabinets"
    assert items[0].text_zh == "制作橱柜"
    assert len(chinese_wording()) == 60


# A second person, worked out by hand: artistic first, then social.
ARTIST = {
    "R": [1, 2, 1, 1, 2, 1, 3, 1, 2, 1],  # 15
    "I": [3, 3, 2, 4, 3, 2, 3, 3, 2, 3],  # 28
    "A": [5, 5, 4, 5, 4, 5, 5, 3, 4, 5],  # 45: nine liked (4 or 5), six strongly
    "S": [4, 5, 4, 3, 4, 4, 5, 4, 4, 4],  # 41
    "E": [2, 3, 2, 2, 4, 2, 1, 3, 2, 2],  # 23
    "C": [2, 1, 2, 2, 1, 2, 2, 1, 2, 1],  # 16
}


def test_a_second_hand_computed_profile() -> None:
    result = score(answers(ARTIST))
    assert result.raw == {"R": 15, "I": 28, "A": 45, "S": 41, "E": 23, "C": 16}
    assert result.holland_code == "ASI"
    assert result.normalised["A"] == pytest.approx(35 / 40)
    assert result.normalised["R"] == pytest.approx(5 / 40)
    assert result.ranked == ["A", "S", "I", "E", "C", "R"]


def test_scoring_refuses_exactly_what_the_contract_refuses() -> None:
    given: dict[str, object] = dict.fromkeys(item_ids(), 3)
    given |= {"R01": 0, "E05": "5", "Z99": 1}
    del given["C10"]
    with pytest.raises(AnswersInvalid) as refused:
        score(given)
    assert refused.value.problems == answer_problems(given)
    assert len(refused.value.problems) == 4


def test_confidence_is_high_when_clear_and_lower_when_tied_or_flat() -> None:
    clear = confidence(score(answers(ARTIST)))  # 45 41 28 23 16 15: no ties, 30 points apart
    assert clear == CONFIDENCE_CEILING == 0.95
    # The first answer sheet: S and C tie at 38 for second place, costing one tie.
    tied = confidence(
        score(
            answers(
                {
                    "R": [2, 3, 2, 1, 4, 2, 3, 2, 1, 2],
                    "I": [5, 4, 5, 4, 5, 5, 4, 5, 4, 5],
                    "A": [3, 3, 2, 4, 3, 3, 2, 1, 2, 3],
                    "S": [4, 4, 3, 4, 5, 3, 4, 4, 3, 4],
                    "E": [1, 2, 1, 2, 3, 2, 1, 1, 2, 1],
                    "C": [4, 4, 4, 3, 4, 4, 3, 4, 4, 4],
                }
            )
        )
    )
    assert tied == pytest.approx(0.95 - 0.08)
    flat = confidence(score(dict.fromkeys(item_ids(), 3)))
    assert flat == CONFIDENCE_FLOOR == 0.3
    # Nearly flat: R one point ahead (31 vs 30), the rest all equal.
    nearly_flat = dict.fromkeys(item_ids(), 3) | {"R01": 4}
    assert flat <= confidence(score(nearly_flat)) < 0.5 < tied < clear


def test_evidence_counts_liked_activities_in_either_language() -> None:
    given = answers(ARTIST)
    english = evidence(given, Locale.EN)
    assert english["A"] == ["Liked 9 of the 10 Artistic activities", "Strongly liked 6 of them"]
    assert english["R"] == ["Liked none of the 10 Realistic activities"]
    assert english["S"][0] == "Liked 9 of the 10 Social activities"
    chinese = evidence(given, Locale.ZH)
    assert chinese["A"] == [
        "10 项艺术型活动中喜欢 9 项",
        "非常喜欢：写书或剧本、演奏一种乐器、画画、为舞台剧绘制布景、为电影或电视节目写剧本等 6 项",
    ]
    assert chinese["R"] == ["10 项现实型活动中没有喜欢的"]


def test_english_evidence_names_activities_when_the_wording_is_at_hand() -> None:
    english = evidence(answers(ARTIST), Locale.EN, load_items(onet_dir()))
    assert english["A"][1] == (
        "Strongly liked: Write books or plays; Play a musical instrument; Draw pictures; "
        "Paint sets for plays; Write scripts for movies or television shows and 1 more"
    )
    assert english["S"][
        1
    ] == "Strongly liked: Help people with personal or emotional problems; " + (
        "Teach sign language to people who are deaf or hard of hearing"
    )
