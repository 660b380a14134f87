from __future__ import annotations

import pytest
from pydantic import ValidationError

from careerstream.contracts import Education, EducationEntry, EducationLevel, level_rank


def test_levels_are_ranked_lowest_to_highest() -> None:
    ranks = [level.rank for level in EducationLevel]
    assert ranks == sorted(ranks) == list(range(1, 7))
    assert level_rank(EducationLevel.MASTER) > level_rank("bachelor") > level_rank(None) == 0


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("high school", EducationLevel.SECONDARY),
        ("PhD", EducationLevel.DOCTORATE),
        (" Masters ", EducationLevel.MASTER),
        ("bachelor", EducationLevel.BACHELOR),
    ],
)
def test_labels_of_older_messages_still_read(written: str, level: EducationLevel) -> None:
    assert Education.model_validate({"level": written}).level is level
    assert EducationEntry.model_validate_json(f'{{"level": "{written}"}}').level is level


def test_a_level_that_is_none_of_them_is_refused() -> None:
    with pytest.raises(ValidationError):
        Education.model_validate({"level": "kindergarten"})
    assert level_rank("kindergarten") == 0


def test_levels_travel_as_their_names() -> None:
    entry = EducationEntry(level=EducationLevel.VOCATIONAL)
    assert entry.model_dump(mode="json")["level"] == "vocational"
