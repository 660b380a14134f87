"""Sentences that explain a match, in the person's language (Chinese or English).

Everything here is wording: which facts to state is decided by `ranking`, which passes
them in. The Chinese and English texts are the project's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerstream.contracts import Locale
from careerstream.contracts.riasec import AREA_NAMES, RIASEC

# What each O*NET job zone usually asks of a newcomer, in our words.
ZONE_PREPARATION: dict[Locale, dict[int, str]] = {
    Locale.EN: {
        1: "little or no preparation",
        2: "some preparation, such as a high-school diploma",
        3: "medium preparation, such as vocational training or an associate's degree",
        4: "considerable preparation, usually a bachelor's degree",
        5: "extensive preparation, usually a graduate degree",
    },
    Locale.ZH: {
        1: "几乎不需要专门准备",
        2: "少量准备，如高中学历",
        3: "中等准备，如职业培训或大专学历",
        4: "较多准备，通常为本科学历",
        5: "大量准备，通常为研究生学历",
    },
}


@dataclass(frozen=True)
class Facts:
    """What is worth saying about one match."""

    person_code: str  # the person's Holland code, strongest first
    occupation_code: str  # the occupation's Holland code
    matched_skills: Sequence[str]  # the person's own labels
    person_zone: int | None
    occupation_zone: int | None
    close_to_own_words: bool  # the semantic component is high
    score: float


def join(items: Sequence[str], locale: Locale) -> str:
    if locale is Locale.ZH:
        return "、".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def holland_names(letters: str, locale: Locale) -> list[str]:
    return [AREA_NAMES[locale][letter] for letter in letters if letter in RIASEC]


def explain(facts: Facts, locale: Locale) -> list[str]:
    """Two to four sentences: interests, skills, preparation, closeness to their own words."""
    sentences = [_interests(facts, locale)]
    if facts.matched_skills:
        sentences.append(_skills(facts.matched_skills[:4], locale))
    if facts.occupation_zone is not None:
        sentences.append(_preparation(facts.person_zone, facts.occupation_zone, locale))
    if facts.close_to_own_words and len(sentences) < 4:
        sentences.append(
            "它与你描述的经历和目标十分接近。"
            if locale is Locale.ZH
            else "It is close to what you said about your experience and goals."
        )
    if len(sentences) < 2:
        percent = round(facts.score * 100)
        sentences.append(
            f"综合匹配度为 {percent}%。" if locale is Locale.ZH else f"Overall fit: {percent}%."
        )
    return sentences


def _interests(facts: Facts, locale: Locale) -> str:
    shared = "".join(x for x in facts.person_code if x in facts.occupation_code)
    code = facts.occupation_code
    if shared:
        names = join(holland_names(shared, locale), locale)
        if locale is Locale.ZH:
            return f"它契合你的{names}兴趣（该职业的霍兰德代码为 {code}）。"
        return f"It suits your {names} interests (its Holland code is {code})."
    names = join(holland_names(code, locale), locale)
    if locale is Locale.ZH:
        return (
            f"它的霍兰德代码 {code}（{names}）与你的 {facts.person_code} 不同，"
            "会更多用到你目前兴趣较弱的方面。"
        )
    return (
        f"Its Holland code {code} ({names}) differs from your {facts.person_code}, so it leans "
        "on interests you rated lower."
    )


def _skills(skills: Sequence[str], locale: Locale) -> str:
    if locale is Locale.ZH:
        return f"你已具备它用到的技能：{join(skills, locale)}。"
    return f"You already have skills it uses: {join(skills, locale)}."


def _preparation(person: int | None, occupation: int, locale: Locale) -> str:
    need = ZONE_PREPARATION[locale][occupation]
    zh = locale is Locale.ZH
    if person is None:
        return f"它通常需要{need}。" if zh else f"It usually calls for {need}."
    if occupation <= person:
        if zh:
            return f"你的学历和经验已达到它通常的要求（{need}）。"
        return f"Your education and experience meet what it usually asks for ({need})."
    if occupation == person + 1:
        if zh:
            return f"它通常需要比你目前略多的准备（{need}）。"
        return f"It usually needs a little more preparation than you have so far ({need})."
    if zh:
        return f"它通常需要明显更多的准备（{need}），可考虑进一步学习或积累经验。"
    return (
        f"It usually needs considerably more preparation ({need}); plan for further study "
        "or experience."
    )
