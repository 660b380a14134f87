"""Questionnaire scoring against hand-computed answers."""

from __future__ import annotations

import pytest

from careerstream.analyzer.assessment import (
    AnswersInvalid,
    chinese_wording,
    item_ids,
    load_items,
    score,
)
from tests.support.onet import onet_dir


def answers(per_area: dict[str, list[int]]) -> dict[str, object]:
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
