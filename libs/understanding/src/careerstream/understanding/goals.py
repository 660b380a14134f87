"""Goals: what a person wants to become or do, after a cue of ambition ("I want to become",
"我想成为", "my goal is")."""

from __future__ import annotations

import re

from careerstream.understanding.constraints import names_a_condition
from careerstream.understanding.experience import ROLES
from careerstream.understanding.text import FILLER, MAX_PHRASE_CHARS, cued_phrase, sentences, unique
from careerstream.understanding.values import VALUES

_GOAL_CUE_EN = re.compile(
    r"\bi(?:\s+(?:really|also|eventually|ultimately|still|just))?"
    r"(?:'d\s+(?:really\s+)?(?:like|love)|\s+would\s+(?:really\s+)?(?:like|love)"
    r"|\s+(?:want|wanna|hope|plan|aim|intend|wish|dream\s+of)"
    r"|(?:'m|\s+am)\s+(?:hoping|planning|aiming|trying|working\s+towards?))\s+(?:to\s+)?"
    r"|\band\s+(?:also\s+)?(?:want|hope|plan|would\s+like|'d\s+like)\s+to\s+"
    r"|\bmy\s+(?:\w+\s+)?(?:goal|dream|ambition|aim|plan|aspiration)\s+is\s+(?:to\s+)?"
    r"|\bi\s+see\s+myself\s+(?:as\s+)?"
    r"|\bin\s+(?:\w+\s+){0,2}years?(?:'\s*time)?,?\s+i(?:'d|'ll|\s+would|\s+will)?\s+"
    r"(?:(?:like|want|hope)\s+to\s+|see\s+myself\s+(?:as\s+)?)?",
    re.I,
)
_GOAL_CUE_ZH = re.compile(
    r"想要成为|想成为|希望成为|计划成为|想转行做|想转行到|想转行|想转到|想转|转行做|想当|想做|想从事|"
    r"想进入|想进|想去|想要|目标是|目标|梦想是|梦想|"
    r"理想是|职业规划是|希望以后|希望将来|希望|打算|计划|准备|将来想|以后想|未来想|立志|争取"
)
_GOAL_LEAD_EN = re.compile(r"^(?:become|be)\s+(?:an?\s+|the\s+)?", re.I)
_GOAL_TRAIL_EN = re.compile(
    r"\s+(?:someday|some\s+day|one\s+day|eventually|in\s+the\s+future|in\s+the\s+long\s+run)$",
    re.I,
)
# A goal that only names conditions needs a verb of ambition to stay a goal.
_AMBITION = re.compile(
    r"\b(?:become|be|start|open|lead|run|build|own|create|launch|found|manage|teach|study)\b"
    r"|成为|当|开|创业|考|读|带",
    re.I,
)
_GOAL_LEAD_ZH = re.compile(
    r"^(?:是|能够?|可以|自己|以后|将来)*(?:成为|当|做)?(?:一名|一个|一位|名|个|位)?"
)
_GOAL_END_EN = re.compile(
    r",|\s+(?:but|because|since|so\s+that|although|though|while)\s+|\s+and\s+(?=i\b|my\b)", re.I
)
# "work in Shanghai" and "工作稳定" are requirements and values, not where a career heads.
_CONDITION_START = re.compile(
    r"^(?:work|working|live|living|stay|move|relocate|be\s+based|find\s+a\s+job|get\s+a\s+job)\b"
    r"|^(?:在|去|到|留在|找|工作)",
    re.I,
)


def _goal_phrase(raw: str, *, chinese: bool) -> str | None:
    if chinese:
        phrase = _GOAL_LEAD_ZH.sub("", raw.strip())
    else:
        raw = _GOAL_END_EN.split(raw, maxsplit=1)[0].strip()
        phrase = _GOAL_TRAIL_EN.sub("", _GOAL_LEAD_EN.sub("", raw))
    phrase = phrase.strip(" .,'\"")
    if len(phrase) < 2 or len(phrase) > MAX_PHRASE_CHARS or phrase.casefold() in FILLER:
        return None
    about_conditions = names_a_condition(phrase) or phrase in VALUES
    only_conditions = _CONDITION_START.search(phrase) or not _AMBITION.search(raw)
    if about_conditions and only_conditions and phrase not in ROLES:
        return None
    return phrase


def goals(text: str) -> list[str]:
    """Where a person wants their career to go, in their own words ("open my own bakery",
    "财务分析师"); wishes about place, pay or hours are constraints instead."""
    goals: list[str] = []
    for sentence in sentences(text):
        for pattern, chinese in ((_GOAL_CUE_EN, False), (_GOAL_CUE_ZH, True)):
            for match in pattern.finditer(sentence):
                phrase = cued_phrase(sentence, match, chinese=chinese)
                if goal := _goal_phrase(phrase, chinese=chinese):
                    goals.append(goal)
    return unique(goals)
