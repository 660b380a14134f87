"""The report as Markdown, in the person's language, written section by section.

Everything here is a pure function of its inputs (no clock, no randomness), so the
same run always produces the same report and the sections can be streamed as written.
Text that comes from the person or from other stages is escaped before it enters the
Markdown, so a skill called ``C*`` or a goal with ``<`` cannot change the structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from careerstream.contracts.common import Locale
from careerstream.contracts.interests import InterestProfile
from careerstream.contracts.matches import OccupationMatch
from careerstream.contracts.parsed import EducationEntry, Position, Profile
from careerstream.contracts.report import ReportDocument
from careerstream.contracts.requests import ReportRequested
from careerstream.contracts.riasec import AREA_NAMES, RIASEC

TOP_MATCHES = 5
SECTION_IDS: tuple[str, ...] = ("overview", "holland", "occupations", "plan", "data")


_AREA_MEANING: dict[Locale, dict[str, str]] = {
    Locale.EN: {
        "R": "You like practical, hands-on work: building, repairing and operating tools or "
        "machines, often outdoors or with plants and animals, where the result is concrete.",
        "I": "You like to observe, analyse and solve problems, working with ideas, data and "
        "methods that let you find out how things really work.",
        "A": "You like to create and express: design, writing, music or performance, in "
        "settings that reward originality more than routine.",
        "S": "You like to help, teach, advise and look after people, in work where "
        "cooperation and good communication matter most.",
        "E": "You like to lead, persuade and decide: starting projects, selling ideas, "
        "managing people and accepting some business risk.",
        "C": "You like to organise information and follow clear procedures, keeping records, "
        "numbers, schedules and systems accurate.",
    },
    Locale.ZH: {
        "R": "喜欢动手做实事：使用和修理工具、机器或设备，也可能在户外或与动植物打交道，"
        "重视看得见摸得着的成果。",
        "I": "喜欢观察、分析和解决问题，愿意与数据、理论和科学方法打交道，弄清事物背后的道理。",
        "A": "喜欢创造和表达，如设计、写作、音乐或表演，偏好鼓励独创、不拘一格的环境。",
        "S": "喜欢帮助、教导、咨询和照顾他人，适合重视沟通与合作的工作。",
        "E": "喜欢带领、说服和决策，愿意推动项目、推销想法、管理团队，并能承担一定的商业风险。",
        "C": "喜欢整理信息、按明确的规则和流程办事，把记录、数字、日程和系统管理得准确有序。",
    },
}

# Holland-code section heading; the PDF looks for it to place the chart.
HOLLAND_HEADING: dict[Locale, str] = {
    Locale.EN: "Your Holland code",
    Locale.ZH: "你的霍兰德代码",
}
# Occupations section heading; the PDF looks for it to place the table of matches.
OCCUPATIONS_HEADING: dict[Locale, str] = {
    Locale.EN: "Occupations that fit you",
    Locale.ZH: "适合你的职业",
}

_LEVELS: dict[Locale, dict[str, str]] = {
    Locale.EN: {
        "secondary": "Secondary school",
        "vocational": "Vocational training",
        "associate": "Associate degree",
        "bachelor": "Bachelor's degree",
        "master": "Master's degree",
        "doctorate": "Doctorate",
    },
    Locale.ZH: {
        "secondary": "高中",
        "vocational": "职业教育",
        "associate": "大专",
        "bachelor": "本科",
        "master": "硕士",
        "doctorate": "博士",
    },
}

# O*NET's job zones describe how much preparation an occupation usually needs.
_JOB_ZONES: dict[Locale, dict[int, str]] = {
    Locale.EN: {
        1: "little or no preparation",
        2: "some preparation",
        3: "medium preparation",
        4: "considerable preparation",
        5: "extensive preparation",
    },
    Locale.ZH: {
        1: "几乎无需准备",
        2: "需要一些准备",
        3: "需要中等程度的准备",
        4: "需要较多准备",
        5: "需要大量准备",
    },
}

_ZH_COUNT = {1: "一", 2: "两", 3: "三"}
_EN_COUNT = {2: "two", 3: "three", 4: "four", 5: "five"}

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_SPACES = re.compile(r"\s+")


def md(text: str) -> str:
    """Outside text made safe for one line of Markdown: whitespace collapsed, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


def _pct(value: float) -> str:
    return f"{round(max(0.0, min(1.0, value)) * 100)}%"


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _shorten(text: str, limit: int = 90) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _a(noun: str) -> str:
    """English indefinite article, by spelling (good enough for occupation titles)."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _unique(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = _SPACES.sub(" ", item).strip().casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


class _Voice:
    """Locale-specific joining and punctuation, so templates stay readable."""

    def __init__(self, locale: Locale) -> None:
        self.zh = locale == Locale.ZH
        self.locale = Locale.ZH if self.zh else Locale.EN
        self.sep = "；" if self.zh else "; "  # between items that are phrases themselves
        self.colon = "：" if self.zh else ":"  # after a bold label

    def join(self, items: Sequence[str], *, limit: int | None = None) -> str:
        """A list for a label ("a, b, c and 2 more")."""
        shown = list(items if limit is None else items[:limit])
        rest = len(items) - len(shown)
        text = ("、" if self.zh else ", ").join(shown)
        if rest > 0:
            text += f" 等共 {len(items)} 项" if self.zh else f" and {rest} more"
        return text

    def prose(self, items: Sequence[str]) -> str:
        """A list inside a sentence ("a, b and c"; Chinese "a、b和c")."""
        if len(items) < 2:
            return "".join(items)
        return (
            ("、" if self.zh else ", ").join(items[:-1])
            + ("和" if self.zh else " and ")
            + items[-1]
        )

    def span(self, start: str | None, end: str | None) -> str:
        if not start and not end:
            return ""
        if (end or "").lower() == "present":
            return f"{start or '?'} 至今" if self.zh else f"{start or '?'}–present"
        return f"{start or '?'}–{end or '?'}"

    def paren(self, text: str) -> str:
        return f"（{text}）" if self.zh else f" ({text})"

    def quote(self, text: str) -> str:
        return f"“{md(_shorten(text))}”"

    def date(self, day: date) -> str:
        if self.zh:
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --- sections -------------------------------------------------------------------


def _education_line(entry: EducationEntry, v: _Voice) -> str:
    level = _LEVELS[v.locale].get(entry.level or "", "")
    span = v.span(entry.start, entry.end)
    if v.zh:
        parts = [md(p) for p in (entry.school, entry.major) if p]
        if level:
            parts.append(level)
        text = "，".join(parts)
        return text + (v.paren(span) if span and text else "")
    head = level or ""
    if entry.major:
        head = f"{head} in {md(entry.major)}" if head else md(entry.major)
    parts = [p for p in (head, md(entry.school) if entry.school else "") if p]
    text = ", ".join(parts)
    return text + (v.paren(span) if span and text else "")


def _position_line(position: Position, v: _Voice) -> str:
    parts = [md(p) for p in (position.title, position.organization) if p]
    text = ("，" if v.zh else ", ").join(parts)
    if not text and position.text:
        text = md(_shorten(position.text, 60))
    span = v.span(position.start, position.end)
    return text + (v.paren(span) if span and text else "")


def _overview(profile: Profile, v: _Voice, today: date) -> str:
    name = md(profile.name) if profile.name else ""
    if v.zh:
        title = f"# {name}的职业发展报告" if name else "# 职业发展报告"
        intro = (
            f"生成日期：{v.date(today)}。本报告汇总了你提供的背景信息、你的职业兴趣类型"
            "（霍兰德代码）以及与你最匹配的职业，最后给出一份 90 天行动计划。"
        )
        heading = "## 你的背景概况"
    else:
        title = f"# Career report for {name}" if name else "# Your career report"
        intro = (
            f"Prepared on {v.date(today)}. This report brings together what you told us, your "
            "interest profile (Holland code) and the occupations that fit you best, and ends "
            "with a 90-day action plan."
        )
        heading = "## Your profile"

    rows: list[tuple[str, str]] = []
    labels = (
        {
            "education": "教育背景",
            "experience": "工作经历",
            "skills": "技能",
            "languages": "语言",
            "certifications": "证书",
            "interests": "兴趣",
            "values": "看重的方面",
            "goals": "目标",
            "constraints": "限制条件",
        }
        if v.zh
        else {
            "education": "Education",
            "experience": "Work experience",
            "skills": "Skills",
            "languages": "Languages",
            "certifications": "Certifications",
            "interests": "Interests",
            "values": "What matters to you",
            "goals": "Goals",
            "constraints": "Constraints",
        }
    )
    education = [line for e in profile.education[:3] if (line := _education_line(e, v))]
    if not education and profile.highest_level in _LEVELS[v.locale]:
        education = [_LEVELS[v.locale][profile.highest_level or ""]]
    if education:
        rows.append((labels["education"], v.sep.join(education)))

    positions = [line for p in profile.experience[:3] if (line := _position_line(p, v))]
    years = ""
    if profile.years_experience > 0:
        n = _number(profile.years_experience)
        years = f"共约 {n} 年" if v.zh else f"about {n} years in total"
    if positions or years:
        rows.append(
            (
                labels["experience"],
                v.sep.join([p for p in [years, *positions] if p]),
            )
        )

    simple = (
        ("skills", _unique([s.label or s.name for s in profile.skills]), 12),
        ("languages", _unique(profile.languages), 6),
        ("certifications", _unique(profile.certifications), 6),
        ("interests", _unique(profile.interests), 8),
        ("values", _unique(profile.values), 8),
    )
    for key, items, limit in simple:
        if items:
            rows.append((labels[key], v.join([md(i) for i in items], limit=limit)))
    if profile.goals:
        rows.append((labels["goals"], v.sep.join(md(g) for g in profile.goals[:4])))
    if (c := profile.constraints) is not None:
        named = (
            (("地点", c.location), ("薪资", c.pay), ("工作时间", c.hours))
            if v.zh
            else (("location", c.location), ("pay", c.pay), ("hours", c.hours))
        )
        parts = [f"{label}{'：' if v.zh else ': '}{md(value)}" for label, value in named if value]
        if parts:
            rows.append((labels["constraints"], v.sep.join(parts)))

    colon = v.colon
    if rows:
        body = "\n".join(f"- **{label}{colon}** {text}" for label, text in rows)
    else:
        body = (
            "目前我们对你的背景了解还不多，因此本报告主要依据你的兴趣类型。"
            if v.zh
            else "We know little about your background so far, so this report leans mostly on "
            "your interests."
        )
    return f"{title}\n\n{intro}\n\n{heading}\n\n{body}\n\n"


def _scores(interests: InterestProfile) -> dict[str, float]:
    given = {k.upper(): value for k, value in interests.riasec.items()}
    return {letter: max(0.0, min(1.0, given.get(letter, 0.0))) for letter in RIASEC}


def _confidence_word(confidence: float, v: _Voice) -> str:
    if confidence >= 0.7:
        return "较高" if v.zh else "high"
    if confidence >= 0.4:
        return "中等" if v.zh else "moderate"
    return "较低" if v.zh else "low"


def _holland(interests: InterestProfile, v: _Voice) -> str:
    code = interests.holland_code
    names = AREA_NAMES[v.locale]
    scores = _scores(interests)
    raw = {k.upper(): value for k, value in (interests.riasec_raw or {}).items()}
    evidence = {k.upper(): items for k, items in interests.evidence.items()}
    letters = [letter for letter in code if letter in names]
    lines: list[str] = [f"## {HOLLAND_HEADING[v.locale]}{'：' if v.zh else ': '}{code}", ""]
    if v.zh:
        lines.append(
            "霍兰德（RIASEC）模型把职业兴趣分为六种类型。你得分最高的"
            f"{_ZH_COUNT.get(len(letters), str(len(letters)))}种类型"
            f"按顺序组成了你的代码 **{code}**："
            + "、".join(f"{names[x]}（{x}）" for x in letters)
            + "。"
        )
    else:
        lines.append(
            "The Holland (RIASEC) model sorts work interests into six broad areas. Your "
            f"strongest {'area makes' if len(letters) == 1 else 'areas, in order, make'} up "
            f"your code **{code}**: " + ", ".join(f"{names[x]} ({x})" for x in letters) + "."
        )
    for letter in letters:
        raw_note = ""
        if letter in raw:
            raw_note = (
                f"，问卷原始分 {_number(raw[letter])}/50"
                if v.zh
                else f", questionnaire raw score {_number(raw[letter])}/50"
            )
        lines += [
            "",
            f"### {letter} — {names[letter]}{v.paren(_pct(scores[letter]) + raw_note)}",
            "",
        ]
        lines.append(_AREA_MEANING[v.locale][letter])
        quotes = _unique(evidence.get(letter, []))[:2]
        lone_area = len(letters) > 1 and scores[letters[0]] > 0 and not scores[letters[1]]
        if interests.source == "inferred" and lone_area and letter == letters[1]:
            # The analyzer completes a one-area code with that area's hexagon neighbour.
            lines += [
                "",
                "- 你目前说过的话里还没有直接指向这一类型的线索；它在霍兰德六边形上与"
                f"{names[letters[0]]}相邻，是最可能的第二兴趣。完成兴趣问卷可以确认。"
                if v.zh
                else "- Nothing you have said points to this area yet; it sits next to "
                f"{names[letters[0]]} on Holland's hexagon, which makes it the likeliest second "
                "interest. The questionnaire would confirm it.",
            ]
        if quotes:
            joined = (
                "；".join(v.quote(q) for q in quotes)
                if v.zh
                else "; ".join(v.quote(q) for q in quotes)
            )
            lines += [
                "",
                f"- **{'依据' if v.zh else 'What points to it'}{v.colon}** {joined}",
            ]

    header = (
        ("| 类型 | 得分 |", "| --- | ---: |") if v.zh else ("| Area | Score |", "| --- | ---: |")
    )
    lines += ["", "所有六种类型的得分：" if v.zh else "Your scores in all six areas:", ""]
    lines += list(header)
    lines += [f"| {names[x]}{v.paren(x)} | {_pct(scores[x])} |" for x in RIASEC]

    conf = interests.confidence
    if interests.source == "assessment":
        source = (
            "这些得分来自你完成的兴趣问卷。"
            if v.zh
            else "These scores come from the interest questionnaire you completed."
        )
    else:
        source = (
            "这些得分是根据你在对话和简历中的表述推断的，并非来自问卷，请把它当作初步估计；"
            "完成简短的兴趣问卷可以让结果更可靠。"
            if v.zh
            else "These scores were inferred from what you said and wrote, not from a "
            "questionnaire, so treat them as a first estimate; the short interest "
            "questionnaire would make them more reliable."
        )
    lines += [
        "",
        f"**{'来源' if v.zh else 'Source'}{v.colon}** {source}"
        f"{'' if v.zh else ' '}**{'可信度' if v.zh else 'Confidence'}{v.colon}** "
        f"{_pct(conf)}{v.paren(_confidence_word(conf, v))}{'。' if v.zh else '.'}",
    ]
    return "\n".join(lines) + "\n\n"


def _match_title(match: OccupationMatch, v: _Voice) -> str:
    title = md(match.title)
    if match.title_en and match.title_en.strip().casefold() != match.title.strip().casefold():
        return title + v.paren(md(match.title_en))
    return title


def _occupations(matches: Sequence[OccupationMatch], v: _Voice) -> str:
    top = list(matches[:TOP_MATCHES])
    lines = [f"## {OCCUPATIONS_HEADING[v.locale]}", ""]
    if not top:
        lines.append(
            "暂时没有找到与你匹配的职业。补充更多关于技能和经历的信息后再试一次，结果会更有针对性。"
            if v.zh
            else "No occupations could be matched yet. Telling us more about your skills and "
            "experience will give the matcher something to work with."
        )
        return "\n".join(lines) + "\n\n"
    if v.zh:
        lead = f"以下是与你最匹配的 {len(top)} 个职业，按综合匹配度排序"
        lines.append(lead + "；匹配度综合考虑了兴趣、教育与经验水平以及技能。")
    else:
        lead = (
            f"The {_EN_COUNT[len(top)]} occupations that fit you best, ranked by"
            if len(top) > 1
            else "The occupation that fits you best, with"
        )
        lines.append(
            f"{lead} an overall score that combines how well your interests, your education "
            "and experience, and your skills fit."
        )
    colon = v.colon
    for rank, match in enumerate(top, start=1):
        score = _pct(match.score)
        head = f"### {rank}. {_match_title(match, v)}"
        lines += ["", f"{head} — {'匹配度 ' if v.zh else ''}{score}", ""]
        facts: list[str] = []
        if match.code:
            facts.append(
                f"**{'职业代码' if v.zh else 'Code'}{colon}** O\\*NET-SOC {md(match.code)}"
            )
        if match.holland_code:
            facts.append(
                f"**{'霍兰德代码' if v.zh else 'Holland code'}{colon}** {md(match.holland_code)}"
            )
        if match.job_zone is not None:
            zone = _JOB_ZONES[v.locale][match.job_zone]
            facts.append(
                f"**{'工作区间' if v.zh else 'Job zone'}{colon}** {match.job_zone}{v.paren(zone)}"
            )
        if facts:
            # The middle dot is not in every Chinese font, so Chinese uses its own separator.
            lines.append("- " + ("；" if v.zh else " · ").join(facts))
        if match.reasons:
            # English reasons are whole sentences; Chinese ones read best joined by "；".
            sep = "；" if v.zh else ". "
            reasons = sep.join(md(r).rstrip("。.；; ") for r in match.reasons)
            lines.append(
                f"- **{'推荐理由' if v.zh else 'Why'}{colon}** {reasons}{'。' if v.zh else '.'}"
            )
        if match.matched_skills:
            lines.append(
                f"- **{'已具备' if v.zh else 'You already have'}{colon}** "
                + v.join([md(s) for s in _unique(match.matched_skills)], limit=8)
            )
        gaps = _unique(match.skill_gaps)
        learn = (
            v.join([md(g) for g in gaps], limit=8)
            if gaps
            else (
                "没有明显的短板，继续深化已有技能即可"
                if v.zh
                else "nothing essential is missing; deepen what you already have"
            )
        )
        lines.append(f"- **{'需要学习' if v.zh else 'What to learn'}{colon}** {learn}")
    return "\n".join(lines) + "\n\n"


def _gaps(matches: Sequence[OccupationMatch]) -> list[str]:
    """Skill gaps of the best three matches, best match first, each once."""
    return _unique([gap for match in matches[:3] for gap in match.skill_gaps])


def _plan(
    profile: Profile, interests: InterestProfile, matches: Sequence[OccupationMatch], v: _Voice
) -> str:
    top = [md(m.title) for m in matches[:3]]
    first = top[0] if top else ""
    gaps = [md(g) for g in _gaps(matches)]
    goals = [md(_shorten(g, 80)) for g in profile.goals]
    have = [md(s) for s in _unique([*(matches[0].matched_skills if matches else [])])]
    if not have:
        have = [md(s) for s in _unique([s.label or s.name for s in profile.skills])]
    location = profile.constraints.location if profile.constraints else None

    p1: list[str] = []
    p2: list[str] = []
    p3: list[str] = []
    if v.zh:
        heading = "## 90 天行动计划"
        intro = (
            f"下面的计划围绕你的目标“{goals[0]}”以及排名靠前的职业所需的技能展开，"
            "分三个阶段，每阶段约 30 天。"
            if goals
            else "下面的计划围绕排名靠前的职业所需的技能展开，分三个阶段，每阶段约 30 天。"
        )
        phases = (
            "### 第 1–30 天：探索与聚焦",
            "### 第 31–60 天：补齐关键技能",
            "### 第 61–90 天：展示成果、投递申请",
        )
        if top:
            p1.append(
                f"深入了解{v.join(top)}的日常工作：阅读它们在 O\\*NET 上的职业介绍，"
                f"并至少找一位正在从事{first}工作的人聊一聊。"
            )
        else:
            p1.append(
                f"查找与你的霍兰德代码 {interests.holland_code} 相符的职业，挑出三个最感兴趣的。"
            )
        if interests.source == "inferred":
            p1.append("完成简短的兴趣问卷，确认你的霍兰德代码（目前的结果是根据你的表述推断的）。")
        p1.append(
            f"把目标“{goals[0]}”拆成一个第 90 天可以检验的具体指标"
            "（例如一个岗位、一个作品或面试次数）。"
            if goals
            else "确定最想优先尝试的职业，并写下一个第 90 天可以检验的具体指标。"
        )
        if gaps:
            p1.append(f"开始学习{gaps[0]}：选定一门课程、一本书或一套教程，每周固定安排 3–4 小时。")
        target = first or "目标职业"
        if location:
            p1.append(f"收集 10 条{md(location)}地区{target}的招聘信息，标出出现最多的技能要求。")
        else:
            p1.append(f"收集 10 条{target}的招聘信息，标出出现最多的技能要求。")

        if len(gaps) > 1:
            p2.append(
                f"在{gaps[0]}的基础上继续学习{v.prose(gaps[1:3])}，每学一项就用在实际任务中，而不只是看资料。"
            )
        elif gaps:
            p2.append(f"继续练习{gaps[0]}，直到不看教程也能独立完成常见任务。")
        elif have:
            p2.append(f"在已有技能（{v.join(have, limit=4)}）上挑战更难的任务，把优势做得更扎实。")
        focus = v.prose(gaps[:2]) if gaps else v.prose(have[:2]) if have else "所学内容"
        insider = f"一位{first}" if first else "一位目标领域的从业者"
        p2.append(f"完成一个{target}会认可的小项目，用上{focus}，并记录过程，方便日后展示。")
        p2.append(f"请{insider}点评你的项目和计划，根据反馈调整方向。")
        p2.extend(f"同时推进目标“{goal}”：为剩下的两个月各定一个小步骤。" for goal in goals[1:3])

        p3.append(f"更新简历和求职资料，突出与{target}相关的技能和刚完成的项目。")
        p3.append(f"投递至少 5 个{target}相关的岗位、实习或内部转岗机会。")
        if gaps:
            p3.append(
                f"准备面试：为每项核心技能准备一个具体事例，并讲清楚你是如何学习{gaps[0]}的。"
            )
        if len(gaps) > 3:
            p3.append(f"如果还有余力，开始了解{v.prose(gaps[3:5])}。")
        p3.append(
            f"第 90 天检查目标“{goals[0]}”的完成情况，保留有效的做法，再制定下一个 90 天计划。"
            if goals
            else "第 90 天回顾进展，保留有效的做法，再制定下一个 90 天计划。"
        )
    else:
        heading = "## Your 90-day action plan"
        intro = (
            f"Three phases of about 30 days each, built around your goal “{goals[0]}” and the "
            "skills your best-matching occupations ask for."
            if goals
            else "Three phases of about 30 days each, built around the skills your "
            "best-matching occupations ask for."
        )
        phases = (
            "### Days 1–30: Explore and focus",
            "### Days 31–60: Build the missing skills",
            "### Days 61–90: Show your work and apply",
        )
        if top:
            p1.append(
                "Find out what the work of "
                + v.prose([_a(t) for t in top])
                + " looks like day to day: read their O\\*NET descriptions and talk to at "
                f"least one person who works as {_a(first)}."
            )
        else:
            p1.append(
                f"Look up occupations that share your Holland code ({interests.holland_code}) "
                "and pick the three that interest you most."
            )
        if interests.source == "inferred":
            p1.append(
                "Take the short interest questionnaire to confirm your Holland code; so far it "
                "is inferred from your own words."
            )
        p1.append(
            f"Turn your goal “{goals[0]}” into one target you can check on day 90 (a role, a "
            "finished project, a number of interviews)."
            if goals
            else "Decide which occupation to aim for first and write down one target you can "
            "check on day 90."
        )
        if gaps:
            p1.append(
                f"Start learning {gaps[0]}: choose one course, book or tutorial and reserve "
                "3–4 hours a week for it."
            )
        # Phrases that still read well when nothing was matched.
        roles = f"{first} roles" if first else "roles in the field you choose"
        insider = _a(first) if first else "someone in the field you choose"
        where = f" in {md(location)}" if location else ""
        p1.append(f"Collect ten job ads for {roles}{where} and mark the skills they ask for most.")

        if len(gaps) > 1:
            p2.append(
                f"Add {v.prose(gaps[1:3])} to {gaps[0]}, practising each on real tasks rather "
                "than only reading about it."
            )
        elif gaps:
            p2.append(f"Keep practising {gaps[0]} until you can handle everyday tasks unaided.")
        elif have:
            p2.append(
                f"Take your strongest skills ({v.join(have, limit=4)}) further with harder work."
            )
        focus = v.prose(gaps[:2]) if gaps else v.prose(have[:2]) if have else "what you learn"
        p2.append(
            f"Build one small project that {insider} would recognise, using {focus}, and "
            "keep notes so you can show it later."
        )
        p2.append(
            f"Ask {insider} to review your project and your plan, and adjust course with what "
            "they say."
            if first
            else "Ask someone working in the field you choose to review your project and your "
            "plan, and adjust course with what they say."
        )
        p2.extend(
            f"Move your goal “{goal}” forward as well: set one step for each remaining month."
            for goal in goals[1:3]
        )

        p3.append(
            "Update your résumé and profiles to lead with the skills and the project that "
            f"matter for {roles}."
        )
        p3.append(f"Apply for at least five {roles}, internships or internal moves.")
        if gaps:
            p3.append(
                "Prepare for interviews: one concrete story for each core skill, including how "
                f"you learned {gaps[0]}."
            )
        if len(gaps) > 3:
            p3.append(f"If time allows, make a start on {v.prose(gaps[3:5])}.")
        p3.append(
            f"On day 90, check the target you set for “{goals[0]}”, keep what worked and plan "
            "the next 90 days."
            if goals
            else "On day 90, review your progress, keep what worked and plan the next 90 days."
        )

    parts = [heading, "", intro]
    for phase, steps in zip(phases, (p1, p2, p3), strict=True):
        parts += ["", phase, ""]
        parts += [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
    return "\n".join(parts) + "\n\n"


def _data_note(
    interests: InterestProfile, v: _Voice, *, attribution: str | None, data_source: str
) -> str:
    if v.zh:
        lines = [
            "## 数据说明",
            "",
            f"职业信息来源：{md(data_source)}。匹配度综合了兴趣、教育与经验水平和技能的契合程度，"
            "用来帮助你探索方向，而不是替你做决定。",
        ]
        if interests.source == "inferred":
            lines[-1] += "你的兴趣得分是根据你的表述推断的，可能与问卷结果有所不同。"
    else:
        lines = [
            "## About this report",
            "",
            f"Occupation data: {md(data_source)}. The match score combines how well your "
            "interests, education and experience, and skills fit each occupation; use it to "
            "explore, not as a verdict.",
        ]
        if interests.source == "inferred":
            lines[-1] += (
                " Your interest scores were inferred from your words and may differ from a "
                "questionnaire's."
            )
    if attribution and attribution.strip():
        lines += ["", md(attribution)]
    return "\n".join(lines) + "\n"


def report_sections(request: ReportRequested, *, today: date) -> list[tuple[str, str]]:
    """The report as ordered (section id, Markdown) pairs; joined with "" they are the report."""
    profile, interests, matches = request.profile, request.interests, request.matches
    v = _Voice(request.locale)
    data = _data_note(
        interests, v, attribution=request.attribution, data_source=request.data_source
    )
    return [
        ("overview", _overview(profile, v, today)),
        ("holland", _holland(interests, v)),
        ("occupations", _occupations(matches, v)),
        ("plan", _plan(profile, interests, matches, v)),
        ("data", data),
    ]


# Chinese has no spaces, so a "word" there is a short run of characters (like an LLM token).
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_PIECE = re.compile(rf"[{_CJK}]{{1,3}}[^\S\n]*\n*|[^\s{_CJK}]+\s*|\s+")


def stream_pieces(markdown: str) -> Iterator[str]:
    """Small token-like pieces of the text, in order; they concatenate back to it exactly."""
    for piece in _PIECE.finditer(markdown):
        yield piece.group()


def report_document(request: ReportRequested, markdown: str) -> ReportDocument:
    """The report as data (what `GET /report` answers): the request's findings and the text."""
    findings = request.interests.model_dump(
        include={"holland_code", "riasec", "riasec_raw", "confidence", "evidence"}
    )
    return ReportDocument(
        run_id=request.run_id,
        locale=request.locale,
        riasec_source=request.interests.source,
        matches=request.matches,
        markdown=markdown,
        data_source=request.data_source,
        attribution=request.attribution,
        **findings,
    )
