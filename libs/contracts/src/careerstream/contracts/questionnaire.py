"""The 60 items of the O*NET Interest Profiler Short Form, as clients show them.

The English wording and scale are read from the O*NET release (`ONET_DIR`), never
copied into the project; the Chinese wording is the team's own translation,
kept here so every service that shows or scores the form uses the same text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from careerstream.contracts.common import Locale
from careerstream.contracts.inputs import ASSESSMENT_ITEM_IDS

SHORT_FORM_FILE = "interest-profiler-short-form.json"
_CHINESE = Path(__file__).parent / "data" / "interest-profiler.zh.json"


@cache
def chinese_wording() -> dict[str, Any]:
    """`items` (id -> text) and `response_scale` ("1".."5" -> label) in Chinese."""
    data: dict[str, Any] = json.loads(_CHINESE.read_text(encoding="utf-8"))
    return data


def english_wording(onet_dir: Path) -> dict[str, Any]:
    """The same shape, from the O*NET release's own file."""
    data = json.loads((onet_dir / SHORT_FORM_FILE).read_text(encoding="utf-8"))
    return {
        "items": {item["id"]: item["text"] for item in data["items"]},
        "response_scale": data["response_scale"],
        "attribution": data.get("attribution", ""),
    }


def questionnaire(locale: Locale, onet_dir: Path | None) -> dict[str, Any] | None:
    """Items in form order with their area, and the scale; None when the wording is not at hand.

    Chinese is always available; English needs the O*NET release.
    """
    if locale is Locale.ZH:
        wording = chinese_wording()
        attribution = english_wording(onet_dir)["attribution"] if onet_dir else ""
    elif onet_dir is not None:
        wording = english_wording(onet_dir)
        attribution = wording["attribution"]
    else:
        return None
    return {
        "locale": locale.value,
        "scale": wording["response_scale"],
        "items": [
            {"id": item, "area": item[0], "text": wording["items"][item]}
            for item in ASSESSMENT_ITEM_IDS
        ],
        "attribution": attribution
        or "O*NET Interest Profiler Short Form, USDOL/ETA, used under the CC BY 4.0 license.",
    }
