"""Prompt files, one per language, kept next to the agent."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from careerstream.contracts import ChatMessage, Locale
from careerstream.guide.interview import Topic, TurnPlan

_PROMPTS = Path(__file__).parent / "prompts"
_PLAN_LINE = re.compile(r"^PLAN (\{.*\})$", re.MULTILINE)


@cache
def _template(locale: Locale) -> str:
    return (_PROMPTS / f"system.{locale.value}.md").read_text(encoding="utf-8")


def encode_plan(plan: TurnPlan) -> str:
    return json.dumps(
        {"locale": plan.locale.value, "welcome": plan.welcome, "ask": plan.ask.value},
        ensure_ascii=False,
    )


def decode_plan(system_prompt: str) -> tuple[Locale, bool, Topic] | None:
    """Read the plan back from a system prompt (the offline engine's way of listening)."""
    match = _PLAN_LINE.search(system_prompt)
    if match is None:
        return None
    data = json.loads(match.group(1))
    return Locale(data["locale"]), bool(data["welcome"]), Topic(data["ask"])


def build_messages(
    plan: TurnPlan, history: list[ChatMessage], message: str
) -> list[dict[str, str]]:
    system = _template(plan.locale).replace("{plan}", encode_plan(plan))
    return [
        {"role": "system", "content": system},
        *({"role": m.role.value, "content": m.content} for m in history),
        {"role": "user", "content": message},
    ]
