"""The O*NET Interest Profiler Short Form: its items, their scoring and its reading (pure).

Sixty items, ten per RIASEC area, answered on a 1-5 scale. An area's raw score
is the sum of its ten answers; the Holland code is the three strongest areas in
order, equal scores in RIASEC order. The English wording comes from the O*NET
directory; the Chinese wording is the project's own translation
(`careerstream.contracts.questionnaire`, shared with the gateway, which serves it to clients).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from careerstream.contracts import ASSESSMENT_ITEM_IDS, Locale, answer_problems, questionnaire
from careerstream.contracts.inputs import ANSWER_SCALE, ITEMS_PER_AREA
from careerstream.contracts.riasec import AREA_NAMES, RIASEC

SCALE = ANSWER_SCALE
SHORT_FORM_FILE = "interest-profiler-short-form.json"


LIKE = 4  # "Like" and "Strongly Like" count as liking an activity
STRONGLY_LIKE = 5
MAX_LISTED_ITEMS = 5  # strongly liked activities named in one evidence line

# Confidence of a questionnaire result: it measures interests directly, so it starts
# high, but a flat answer sheet or equal areas at the edges of the code say less.
CONFIDENCE_CEILING = 0.95
CONFIDENCE_FLOOR = 0.3
CONFIDENCE_BASE = 0.45
FULL_SPREAD = 20  # raw points between strongest and weakest area that count as clear
TIE_PENALTY = 0.08  # per tie among the first four ranks (the code's order and its edge)


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

    @property
    def ranked(self) -> list[str]:
        """All six areas, strongest first; equal scores keep the RIASEC order."""
        return sorted(RIASEC, key=lambda area: (-self.raw[area], RIASEC.index(area)))


def chinese_wording() -> dict[str, str]:
    """The team's Chinese wording of the items, kept with the contracts (clients show it too)."""
    return dict(questionnaire.chinese_wording()["items"])


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
    return list(ASSESSMENT_ITEM_IDS)


def score(answers: Mapping[str, object]) -> Scores:
    """Raw scores and Holland code; every item answered once with a whole number 1-5."""
    # The rules live in the contracts, so the gateway refuses exactly what this refuses.
    problems = answer_problems(answers)
    if problems:
        raise AnswersInvalid(problems)
    raw = dict.fromkeys(RIASEC, 0)
    for key in ASSESSMENT_ITEM_IDS:
        value = answers[key]
        assert isinstance(value, int)  # answer_problems has checked it
        raw[key[0]] += value
    ranked = sorted(RIASEC, key=lambda area: (-raw[area], RIASEC.index(area)))
    return Scores(raw=raw, holland_code="".join(ranked[:3]))


def confidence(scores: Scores) -> float:
    """How far the code can be trusted: high when areas differ, lower when flat or tied.

    All answers the same (say all 3s) gives the floor: the code is then only the
    RIASEC order. Each tie between neighbours among the first four ranks makes
    the code's order or its third letter a coin toss, and costs a little.
    """
    values = [scores.raw[a] for a in scores.ranked]
    spread = min(1.0, (values[0] - values[-1]) / FULL_SPREAD)
    ties = sum(1 for i in range(3) if values[i] == values[i + 1])
    value = CONFIDENCE_BASE + (CONFIDENCE_CEILING - CONFIDENCE_BASE) * spread - TIE_PENALTY * ties
    return round(min(CONFIDENCE_CEILING, max(CONFIDENCE_FLOOR, value)), 2)


def evidence(
    answers: Mapping[str, int], locale: Locale, items: Sequence[Item] | None = None
) -> dict[str, list[str]]:
    """Per area, what the answers say, in the person's language.

    The Chinese wording ships with the service; English item wording needs the
    O*NET directory (`items`), so without it English evidence gives counts only.
    """
    english = {i.id: i.text_en for i in items} if items else {}
    zh = chinese_wording()
    found: dict[str, list[str]] = {}
    for area in RIASEC:
        ids = [i for i in ASSESSMENT_ITEM_IDS if i[0] == area]
        liked = sum(1 for i in ids if answers[i] >= LIKE)
        loved = [i for i in ids if answers[i] >= STRONGLY_LIKE]
        name = AREA_NAMES[locale][area]
        lines: list[str] = []
        if locale is Locale.ZH:
            if liked:
                lines.append(f"{len(ids)} 项{name}活动中喜欢 {liked} 项")
            else:
                lines.append(f"{len(ids)} 项{name}活动中没有喜欢的")
            if loved:
                named = "、".join(zh[i] for i in loved[:MAX_LISTED_ITEMS])
                more = f"等 {len(loved)} 项" if len(loved) > MAX_LISTED_ITEMS else ""
                lines.append(f"非常喜欢：{named}{more}")
        else:
            count = str(liked) if liked else "none"
            lines.append(f"Liked {count} of the {len(ids)} {name} activities")
            if loved and english:
                named = "; ".join(english[i] for i in loved[:MAX_LISTED_ITEMS])
                more = (
                    f" and {len(loved) - MAX_LISTED_ITEMS} more"
                    if len(loved) > MAX_LISTED_ITEMS
                    else ""
                )
                lines.append(f"Strongly liked: {named}{more}")
            elif loved:
                lines.append(f"Strongly liked {len(loved)} of them")
        found[area] = lines
    return found
