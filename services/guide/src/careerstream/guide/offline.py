"""The offline engine: the typed plan worded as deterministic bilingual text (pure).

It is the guide's default writer (`offline/guide`, no key and no network) and the
fallback when a configured model fails; `split_tokens` cuts its text the way a model streams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from careerstream.contracts import (
    AREA_NAMES,
    RIASEC,
    CollectedInfo,
    Education,
    EducationLevel,
    Locale,
    ReportDigest,
    ReportMatch,
    Topic,
)
from careerstream.guide.interview import TurnPlan

ZH, EN = Locale.ZH, Locale.EN

_WELCOME = {
    EN: "Hello, I'm your careerstream guide. I'll ask a few questions about you, "
    "then work out your interest profile and the occupations that fit it. ",
    ZH: "你好，我是 careerstream 职业向导。我会先问你几个问题，"
    "再据此分析你的兴趣类型，并为你匹配合适的职业。",
}
_NOT_UNDERSTOOD = {
    EN: "I'm not sure I caught anything I can use there — no problem. ",
    ZH: "这句话里我没能找到可以记录的信息，没关系。",
}
_QUESTIONS: dict[Topic, dict[Locale, str]] = {
    Topic.EDUCATION: {
        EN: "To begin: what did you study, and what is your highest degree?",
        ZH: "我们先从教育背景开始吧：你学的是什么专业，最高学历是什么？",
    },
    Topic.EXPERIENCE: {
        EN: "What work, internships or projects have you done so far?",
        ZH: "到目前为止，你做过哪些工作、实习或项目？",
    },
    Topic.SKILLS: {
        EN: "Which skills or tools are you good at?",
        ZH: "你比较擅长哪些技能或工具？",
    },
    Topic.INTERESTS: {
        EN: "Which activities do you enjoy most, at work or in your free time?",
        ZH: "无论工作还是业余时间，你最喜欢做哪些事情？",
    },
    Topic.VALUES: {
        EN: "What matters most to you in a job — stability, pay, helping people, creativity, "
        "something else?",
        ZH: "在工作中你最看重什么？比如稳定、收入、帮助他人、创造性，或者别的？",
    },
    Topic.GOALS: {
        EN: "Where would you like your career to be in a few years?",
        ZH: "几年之后，你希望自己在职业上达到什么位置？",
    },
    Topic.CONSTRAINTS: {
        EN: "Any limits on location, pay or working hours?",
        ZH: "在工作地点、薪资或工作时间上，你有什么要求吗？",
    },
}
_TOPIC_NAMES: dict[Topic, dict[Locale, str]] = {
    Topic.EDUCATION: {EN: "your education", ZH: "教育背景"},
    Topic.EXPERIENCE: {EN: "your experience or skills", ZH: "工作经历或技能"},
    Topic.SKILLS: {EN: "your skills", ZH: "技能"},
    Topic.INTERESTS: {EN: "the activities you enjoy", ZH: "你喜欢做的事"},
    Topic.VALUES: {EN: "what you value or aim for", ZH: "你看重什么、想要什么"},
    Topic.GOALS: {EN: "your goals", ZH: "职业目标"},
    Topic.CONSTRAINTS: {EN: "your constraints", ZH: "工作条件"},
}
_START_PIPELINE = {
    EN: "That is enough for me to work out your interest profile. The analysis is starting: "
    "you'll see each step as it runs, then your report.",
    ZH: "这些信息已经足够分析你的兴趣类型了。分析现在开始，"
    "你会看到每一步的进展，最后得到你的报告。",
}
_SUGGEST = {
    EN: "I still know too little about {what}. Rather than asking again, I suggest the 60-item "
    "interest questionnaire or uploading your résumé; either is enough to start the analysis.",
    ZH: "关于{what}，我了解得还不够。与其重复提问，建议你完成 60 题兴趣问卷，或上传简历；"
    "任意一种都可以启动分析。",
}

# What each area means, in a few words; its name comes from the contracts' vocabulary.
_AREA_MEANING: dict[str, dict[Locale, str]] = {
    "R": {
        EN: "hands-on work with tools, machines, plants or animals",
        ZH: "动手操作工具、机器，或与动植物打交道",
    },
    "I": {
        EN: "analysing, researching, solving problems by thinking",
        ZH: "分析、研究，用思考解决问题",
    },
    "A": {EN: "creating, designing, expressing ideas", ZH: "创作、设计、表达想法"},
    "S": {EN: "helping, teaching, caring for people", ZH: "帮助、教导、照顾他人"},
    "E": {EN: "leading, persuading, starting ventures", ZH: "领导、说服、开创事业"},
    "C": {
        EN: "organising data and details, following clear procedures",
        ZH: "整理数据与细节，按清晰流程办事",
    },
}


def area_explained(letter: str, locale: Locale) -> str:
    """ "Realistic — hands-on work …", "现实型（R）：动手操作 …" """
    name, meaning = AREA_NAMES[locale][letter], _AREA_MEANING[letter][locale]
    return f"{name}（{letter}）：{meaning}" if locale is ZH else f"{name} — {meaning}"


# One CJK character (with its punctuation) or one Latin word with its leading space.
_TOKEN = re.compile(
    r"\s*[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\uff00-\uffef]?"
    r"|\s*[^\s\u3400-\u9fff\uf900-\ufaff]+|\s+"
)


def _join(items: list[str], locale: Locale) -> str:
    if locale is ZH:
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_LEVEL_NAMES: dict[EducationLevel, dict[Locale, str]] = {
    EducationLevel.SECONDARY: {EN: "high school", ZH: "高中"},
    EducationLevel.VOCATIONAL: {EN: "vocational school", ZH: "中专"},
    EducationLevel.ASSOCIATE: {EN: "an associate degree", ZH: "大专"},
    EducationLevel.BACHELOR: {EN: "a bachelor's", ZH: "本科"},
    EducationLevel.MASTER: {EN: "a master's", ZH: "硕士"},
    EducationLevel.DOCTORATE: {EN: "a doctorate", ZH: "博士"},
}


def _education_phrase(education: Education, locale: Locale) -> str:
    level = _LEVEL_NAMES[education.level][locale] if education.level else ""
    if locale is ZH:
        return "".join(
            (f"{education.school}" if education.school else "", level, education.major or "")
        )
    words = [level] if level else []
    if education.major:
        words.append(f"in {education.major}" if level else education.major)
    if education.school:
        words.append(f"at {education.school}")
    return " ".join(words)


def acknowledge(learned: CollectedInfo, locale: Locale) -> str:
    """One sentence saying back what this message told the guide."""
    facts: list[str] = []
    zh = locale is ZH
    if learned.education is not None and (phrase := _education_phrase(learned.education, locale)):
        facts.append(("学历：" if zh else "education: ") + phrase)
    for item in learned.experience[:2]:
        # A recognised role reads best with its years; otherwise the person's own words.
        years = f"{item.years:g}" if item.years is not None and item.role else None
        label = item.role or item.text
        if zh:
            facts.append(f"经历：{label}" + (f"（{years}年）" if years else ""))
        else:
            facts.append(f"experience: {label}" + (f" ({years} years)" if years else ""))
    for topic_items, en, zh_label in (
        (learned.skills, "skills", "技能"),
        (learned.interests, "you enjoy", "你喜欢"),
        (learned.values, "you value", "你看重"),
        (learned.goals, "your goal", "你的目标"),
    ):
        if topic_items:
            facts.append(
                f"{zh_label}：{_join(topic_items[:4], locale)}"
                if zh
                else f"{en}: {_join(topic_items[:4], locale)}"
            )
    if learned.constraints is not None:
        bits = [
            b
            for b in (
                learned.constraints.location,
                learned.constraints.pay,
                learned.constraints.hours,
            )
            if b
        ]
        if bits:
            facts.append(("条件：" if zh else "conditions: ") + _join(bits, locale))
    if not facts:
        return ""
    if zh:
        return "好的，我记下了——" + "；".join(facts) + "。"
    return "Thanks, noted — " + "; ".join(facts) + ". "


def write_interview_reply(plan: TurnPlan) -> str:
    locale = plan.locale
    parts: list[str] = []
    if plan.welcome:
        parts.append(_WELCOME[locale])
    ack = acknowledge(plan.learned, locale)
    if ack:
        parts.append(ack)
    elif not plan.understood:
        parts.append(_NOT_UNDERSTOOD[locale])
    if plan.start_pipeline:
        parts.append(_START_PIPELINE[locale])
    elif plan.ask is not None:
        parts.append(_QUESTIONS[plan.ask][locale])
    else:
        what = _join([_TOPIC_NAMES[t][locale] for t in plan.missing], locale)
        parts.append(_SUGGEST[locale].format(what=what))
    return "".join(parts)


_LEARN = {
    "text": {EN: "For {title}, learn: {items}. ", ZH: "要胜任{title}，建议学习：{items}。"},
    "none": {EN: "no clear gaps", ZH: "暂无明显差距"},
}
_BECAUSE = {
    "text": {EN: "{title} was recommended because {items}. ", ZH: "推荐{title}的原因：{items}。"},
    "none": {EN: "it fits your interest profile", ZH: "与你的兴趣类型相符"},
}


def _mentioned(question: str, matches: list[ReportMatch]) -> list[ReportMatch]:
    lowered = question.lower()
    return [m for m in matches if m.title.lower() in lowered or (m.code and m.code in question)]


def answer_about_report(question: str, report: ReportDigest, locale: Locale) -> str:
    """Answer from the stored report: the sections the question points at."""
    zh = locale is ZH
    q = question.lower()
    concerned = _mentioned(question, report.matches) or report.matches[:3]
    parts: list[str] = []
    wants_code = any(w in q for w in ("holland", "riasec", "code", "霍兰德", "代码", "类型"))
    wants_learning = any(
        w in q for w in ("learn", "skill", "gap", "study", "学", "技能", "提升", "差距")
    )
    wants_why = any(w in q for w in ("why", "reason", "为什么", "理由", "原因"))
    if wants_code or not (wants_learning or wants_why or _mentioned(question, report.matches)):
        letters = [area_explained(c, locale) for c in report.holland_code if c in RIASEC]
        if zh:
            parts.append(f"你的霍兰德代码是 {report.holland_code}：" + "；".join(letters) + "。")
        else:
            parts.append(
                f"Your Holland code is {report.holland_code}: " + "; ".join(letters) + ". "
            )
    for match in concerned:
        if wants_learning:
            items, template = match.skill_gaps[:5], _LEARN
        else:
            items, template = match.reasons[:3], _BECAUSE
        parts.append(
            template["text"][locale].format(
                title=match.title, items=_join(items, locale) or template["none"][locale]
            )
        )
    return "".join(parts).strip()


def write_reply(plan: TurnPlan) -> str:
    if plan.report is not None:
        return answer_about_report(plan.question or "", plan.report, plan.locale)
    return write_interview_reply(plan)


def split_tokens(text: str) -> Iterator[str]:
    yield from (m.group(0) for m in _TOKEN.finditer(text))
