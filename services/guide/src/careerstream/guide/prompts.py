"""Prompt files, one per language and purpose, kept next to the agent.

The plan travels inside the system prompt as one machine-readable line, so a
hosted model and the offline engine read the same instructions.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerstream.contracts import ChatMessage, CollectedInfo, Locale, ReportDigest, Topic

if TYPE_CHECKING:
    from careerstream.guide.interview import TurnPlan

_PROMPTS = Path(__file__).parent / "prompts"
_PLAN_LINE = re.compile(r"^PLAN (\{.*\})$", re.MULTILINE)


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


def decode_plan(system_prompt: str) -> TurnPlan | None:
    """Read the plan back from a system prompt (the offline engine's way of listening)."""
    from careerstream.guide.interview import TurnPlan

    match = _PLAN_LINE.search(system_prompt)
    if match is None:
        return None
    data = json.loads(match.group(1))
    locale = Locale(data["locale"])
    if "report" in data:
        return TurnPlan(
            locale=locale,
            question=data.get("question"),
            report=ReportDigest.model_validate(data["report"]),
        )
    return TurnPlan(
        locale=locale,
        welcome=bool(data["welcome"]),
        learned=CollectedInfo.model_validate(data.get("learned") or {}),
        understood=bool(data.get("understood", True)),
        ask=Topic(data["ask"]) if data.get("ask") else None,
        suggest_alternatives=bool(data.get("suggest_alternatives")),
        start_pipeline=bool(data.get("start_pipeline")),
        missing=tuple(Topic(t) for t in data.get("missing", [])),
    )


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
