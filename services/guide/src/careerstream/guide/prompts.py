"""Prompts for a configured model: one file per language and purpose, kept next to the agent.

The plan is written into the system prompt as JSON for the model to follow; the
offline engine never reads prompts, it gets the typed plan itself.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from careerstream.contracts import ChatMessage, Locale
from careerstream.guide.interview import TurnPlan

_PROMPTS = Path(__file__).parent / "prompts"


@cache
def template(name: str, locale: Locale) -> str:
    return (_PROMPTS / f"{name}.{locale.value}.md").read_text(encoding="utf-8")


def encode_plan(plan: TurnPlan) -> str:
    data: dict[str, Any] = {
        "locale": plan.locale.value,
        "welcome": plan.welcome,
        "learned": plan.learned.model_dump(mode="json", exclude_defaults=True),
        "understood": plan.understood,
        "ask": plan.ask.value if plan.ask else None,
        "suggest_alternatives": plan.suggest_alternatives,
        "start_pipeline": plan.start_pipeline,
        "missing": [t.value for t in plan.missing],
    }
    if plan.report is not None:
        data = {
            "locale": plan.locale.value,
            "question": plan.question,
            "report": plan.report.model_dump(mode="json", exclude={"markdown"}),
        }
    return json.dumps(data, ensure_ascii=False)


def build_messages(
    plan: TurnPlan, history: list[ChatMessage], message: str
) -> list[dict[str, str]]:
    name = "qa" if plan.report is not None else "interview"
    system = template(name, plan.locale).replace("{plan}", encode_plan(plan))
    if plan.report is not None:
        system = system.replace("{report}", plan.report.markdown[:12000])
    return [
        {"role": "system", "content": system},
        *({"role": m.role.value, "content": m.content} for m in history),
        {"role": "user", "content": message},
    ]
