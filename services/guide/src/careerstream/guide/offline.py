"""The offline engine: deterministic bilingual text, streamed like a model.

It is registered as litellm provider `offline`, so `offline/guide` goes through
the same `litellm.acompletion(..., stream=True)` path as any hosted model.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from careerstream.contracts import Locale
from careerstream.guide.interview import Topic
from careerstream.guide.prompts import decode_plan
from careerstream.runtime.language import detect_locale

_WELCOME = {
    Locale.EN: "Hello, I'm your careerstream guide. I'll ask a few questions about you, "
    "then work out your interest profile and the occupations that fit it. ",
    Locale.ZH: "你好，我是 careerstream 职业向导。我会先问你几个问题，"
    "再据此分析你的兴趣类型，并为你匹配合适的职业。",
}
_ACK = {
    Locale.EN: "Thanks, that helps me understand you better. ",
    Locale.ZH: "谢谢你的分享，这能帮助我更好地了解你。",
}
_QUESTIONS: dict[Topic, dict[Locale, str]] = {
    Topic.EDUCATION: {
        Locale.EN: "To begin: what did you study, and what is your highest degree?",
        Locale.ZH: "我们先从教育背景开始吧：你学的是什么专业，最高学历是什么？",
    },
    Topic.EXPERIENCE: {
        Locale.EN: "What work, internships or projects have you done so far?",
        Locale.ZH: "到目前为止，你做过哪些工作、实习或项目？",
    },
    Topic.SKILLS: {
        Locale.EN: "Which skills or tools are you good at?",
        Locale.ZH: "你比较擅长哪些技能或工具？",
    },
    Topic.INTERESTS: {
        Locale.EN: "Next: which activities do you enjoy most, at work or in your free time?",
        Locale.ZH: "接下来想了解：无论工作还是业余时间，你最喜欢做哪些事情？",
    },
    Topic.VALUES: {
        Locale.EN: "What matters most to you in a job?",
        Locale.ZH: "在工作中，你最看重的是什么？",
    },
    Topic.CONSTRAINTS: {
        Locale.EN: "Any limits on location, pay or working hours?",
        Locale.ZH: "在工作地点、薪资或工作时间上，你有什么要求吗？",
    },
    Topic.GOALS: {
        Locale.EN: "Where would you like your career to be in a few years?",
        Locale.ZH: "几年之后，你希望自己在职业上达到什么位置？",
    },
}

# One CJK character (with its punctuation) or one Latin word with its leading space.
_TOKEN = re.compile(
    r"\s*[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\uff00-\uffef]?|\s*[^\s\u3400-\u9fff\uf900-\ufaff]+|\s+"
)


def write_reply(locale: Locale, welcome: bool, ask: Topic) -> str:
    opening = _WELCOME[locale] if welcome else _ACK[locale]
    return opening + _QUESTIONS[ask][locale]


def reply_for_messages(messages: list[dict[str, Any]]) -> str:
    """What the offline engine answers to a chat: it follows the plan in the system prompt."""
    system = next((str(m["content"]) for m in messages if m.get("role") == "system"), "")
    plan = decode_plan(system)
    if plan is None:  # no plan: answer like a first turn, in the user's language
        last = next((str(m["content"]) for m in reversed(messages) if m.get("role") == "user"), "")
        return write_reply(detect_locale(last), True, Topic.EDUCATION)
    return write_reply(*plan)


def split_tokens(text: str) -> Iterator[str]:
    yield from (m.group(0) for m in _TOKEN.finditer(text))


async def stream_tokens(text: str, *, pace_s: float = 0.0) -> AsyncIterator[str]:
    for token in split_tokens(text):
        if pace_s:
            await asyncio.sleep(pace_s)
        yield token
