"""The O*NET Interest Profiler Short Form: its items and their scoring (pure).

Sixty items, ten per RIASEC area, answered on a 1-5 scale. An area's raw score
is the sum of its ten answers; the Holland code is the strongest areas in order.
The English wording comes from the O*NET directory; the Chinese wording is the
project's own translation (`data/interest-profiler.zh.json`).

Groundwork of the pipeline issue: the analyzer's handler is still to come.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

AREAS = "RIASEC"
ITEMS_PER_AREA = 10
SCALE = range(1, 6)
SHORT_FORM_FILE = "interest-profiler-short-form.json"
_ZH = Path(__file__).parent / "data" / "interest-profiler.zh.json"


class AnswersInvalid(ValueError):
    """The answers cannot be scored; `problems` says why, item by item."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Item:
    id: str
    area: str
    text_en: str
    text_zh: str


@dataclass(frozen=True)
class Scores:
    raw: dict[str, int]  # area -> 10..50
    holland_code: str

    @property
    def normalised(self) -> dict[str, float]:
        """0..1 per area, for comparing with other profiles."""
        low, high = ITEMS_PER_AREA * SCALE.start, ITEMS_PER_AREA * (SCALE.stop - 1)
        return {a: (v - low) / (high - low) for a, v in self.raw.items()}


@cache
def chinese_wording() -> dict[str, str]:
    data = json.loads(_ZH.read_text(encoding="utf-8"))
    return dict(data["items"])


def load_items(onet_dir: Path) -> list[Item]:
    """The 60 items in both languages, in the form's order."""
    data = json.loads((onet_dir / SHORT_FORM_FILE).read_text(encoding="utf-8"))
    zh = chinese_wording()
    items = [
        Item(id=raw["id"], area=raw["area"], text_en=raw["text"], text_zh=zh[raw["id"]])
        for raw in data["items"]
    ]
    if sorted(i.id for i in items) != sorted(zh):
        raise ValueError("the Chinese wording and the form do not have the same items")
    return items


def item_ids() -> list[str]:
    return [f"{area}{n:02d}" for area in AREAS for n in range(1, ITEMS_PER_AREA + 1)]


def score(answers: Mapping[str, object]) -> Scores:
    """Raw scores and Holland code; every item answered once with a whole number 1-5."""
    expected = item_ids()
    problems = [f"{i}: missing" for i in expected if i not in answers]
    problems += [f"{k}: not an item of the form" for k in answers if k not in set(expected)]
    for key, value in answers.items():
        if key in expected and (
            isinstance(value, bool) or not isinstance(value, int) or value not in SCALE
        ):
            problems.append(f"{key}: {value!r} is not a whole number from 1 to 5")
    if problems:
        raise AnswersInvalid(problems)
    raw = dict.fromkeys(AREAS, 0)
    for key in expected:
        raw[key[0]] += int(answers[key])  # type: ignore[call-overload]
    # Strongest first; equal scores keep the RIASEC order, so the code is deterministic.
    ranked = sorted(AREAS, key=lambda area: (-raw[area], AREAS.index(area)))
    return Scores(raw=raw, holland_code="".join(ranked[:3]))
