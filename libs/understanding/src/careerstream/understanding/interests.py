"""Interests: what a person enjoys, after a cue in a message ("I enjoy", "我喜欢", "对…感兴趣"),
or listed on a résumé's hobbies line ("摄影、跑步、围棋")."""

from __future__ import annotations

import re

from careerstream.understanding.constraints import names_a_condition
from careerstream.understanding.text import (
    MAX_PHRASE_CHARS,
    cued_phrase,
    list_items,
    negated,
    sentences,
    unique,
)
from careerstream.understanding.values import VALUES

_INTEREST_CUE_EN = re.compile(
    r"\bi\s+(?:really\s+|also\s+|truly\s+|especially\s+|just\s+|absolutely\s+)?"
    r"(?:enjoy|like|love|adore)\b"
    r"|\b(?:i'?m|i\s+am)\s+(?:really\s+|very\s+|also\s+|quite\s+)?"
    r"(?:interested\s+in|into|passionate\s+about|keen\s+on|fond\s+of|a\s+(?:big\s+)?fan\s+of)"
    r"|\b(?:interested\s+in|passionate\s+about|fascinated\s+by)\b"
    r"|\bmy\s+(?:main\s+)?(?:hobby\s+is|hobbies\s+are|hobbies\s+include|interests\s+are|"
    r"interests\s+include|passion\s+is)\b"
    r"|\bin\s+my\s+(?:free|spare)\s+time,?\s+i(?:\s+(?:like\s+to|love\s+to|usually|often|enjoy))?\b"
    r"|\bfor\s+fun,?\s+i\b"
    r"|\band\s+(?:also\s+|really\s+)?(?:enjoy|like|love)\b",
    re.I,
)
_INTEREST_CUE_ZH = re.compile(
    r"(?:兴趣爱好是|爱好是|爱好有|兴趣是|爱好|热爱|热衷于?|迷上了?|享受|"
    r"(?:业余|空闲|闲暇)时间?(?:我)?(?:喜欢|爱|会|常|经常|一般|通常)?|平时(?:我)?(?:喜欢|爱)|"
    r"(?:非常|很|特别|比较|挺|也|还|最)?喜欢|(?<=我)爱(?!好|人|情))"
    r"(?:的是|是|上了|上)?"
)
_INTEREST_OBJECT_ZH = re.compile(
    r"对(?:于)?([^,，。;；!?！？\n]{1,20}?)(?:很|非常|特别|比较|挺|十分|蛮|也|更)?(?:感兴趣|有兴趣|着迷)"
)
_INTEREST_TRIM_EN = re.compile(
    r"^(?:to|the|also|love|like|enjoy|adore)\s+"
    r"|\s+(?:a\s+lot|very\s+much|so\s+much|too|as\s+well|also|the\s+most|most"
    r"|in\s+my\s+(?:free|spare)\s+time|on\s+weekends|at\s+weekends)$",
    re.I,
)
_JOB_WORDS = frozenset({"job", "work", "career", "position", "role"})
_JOB_WORDS_ZH = ("工作", "职业", "岗位")


def _names_a_job(item: str) -> bool:
    """ "a stable job", "安静的工作": the item ends with a word for a job."""
    words = item.casefold().split()
    return bool(words and words[-1].removesuffix("s") in _JOB_WORDS) or item.endswith(_JOB_WORDS_ZH)


_WORK_WORDS = re.compile(
    r"\b(?:job|jobs|work|career|workplace|company)\b|工作|职业|公司|环境", re.I
)


def _interest_items(phrase: str) -> list[str]:
    items: list[str] = []
    for item in list_items(phrase, MAX_PHRASE_CHARS):
        item = _INTEREST_TRIM_EN.sub("", _INTEREST_TRIM_EN.sub("", item)).strip()
        # "I like a stable job", "喜欢安静的工作": what a job should be, not what they enjoy.
        about_conditions = item in VALUES or names_a_condition(item)
        wished_job = (about_conditions and _WORK_WORDS.search(item)) or _names_a_job(item)
        if item and not wished_job:
            items.append(item)
    return items


def interests(text: str) -> list[str]:
    """What a message says the person enjoys, in their own words."""
    found: list[str] = []
    for sentence in sentences(text):
        for pattern, chinese in ((_INTEREST_CUE_EN, False), (_INTEREST_CUE_ZH, True)):
            for match in pattern.finditer(sentence):
                phrase = cued_phrase(sentence, match, chinese=chinese)
                if chinese and negated(sentence, match.start()):
                    continue
                found += _interest_items(phrase)
        for match in _INTEREST_OBJECT_ZH.finditer(sentence):
            if not negated(sentence, match.end(1)):
                found += _interest_items(match.group(1))
    return unique(found)


_ETC = re.compile(r"(?:\s*等|\s+etc\.?)$", re.I)


def listed_interests(line: str, limit: int = MAX_PHRASE_CHARS) -> list[str]:
    """The items of a hobbies line, no cue needed: "Hiking, chess and photography"."""
    return [
        item
        for raw in list_items(line, limit, until_new_clause=False)
        if (item := _ETC.sub("", raw).strip())
    ]
