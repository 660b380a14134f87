"""The parse stage's domain logic: a conversation and a résumé become a structured Profile.

Pure: no broker, no network; the lexicons are read from the package's data files. Everything
is bilingual (English and Chinese résumés, with or without section headings, and prose), and
every pattern is bounded, so a 100,000-character résumé is read in well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter

from careerstream.contracts import (
    ChatMessage,
    ChatRole,
    CollectedInfo,
    EducationEntry,
    Locale,
    Position,
    Profile,
    ResumeDocument,
    Skill,
    level_rank,
)
from careerstream.contracts.progress import Progress, Steps, no_progress
from careerstream.parser.dates import Period, periods, single_dates, total_years, without_dates
from careerstream.parser.vocabulary import SkillVocabulary, load_data
from careerstream.understanding.constraints import is_place, working_hours
from careerstream.understanding.education import (
    about_study,
    education_level,
    field_of_study,
    highest_level,
    is_field_name,
    level_mentions,
    schools,
)
from careerstream.understanding.experience import stated_years
from careerstream.understanding.intent import holds, is_wish
from careerstream.understanding.interests import listed_interests
from careerstream.understanding.lexicon import TermIndex
from careerstream.understanding.text import clauses, nfkc, normalise, terms, unique

MAX_NARRATIVE_CHARS = 60_000  # Profile.narrative's limit
MAX_RESUME_CHARS = 100_000
MAX_CONVERSATION_CHARS = 60_000
MAX_POSITION_TEXT = 600
MAX_FIELD_CHARS = 80
MAX_ITEM_CHARS = 60
MAX_YEARS = 70.0
# Far more than any real résumé holds; keeps a hostile text from making a huge profile.
MAX_POSITIONS = 60
MAX_EDUCATION = 20
MAX_LIST_ITEMS = 100


# --- sections -------------------------------------------------------------------------------
class Section(StrEnum):
    NONE = "none"  # before any heading, or a résumé without headings
    EDUCATION = "education"
    EXPERIENCE = "experience"
    SKILLS = "skills"
    LANGUAGES = "languages"
    CERTIFICATIONS = "certifications"
    INTERESTS = "interests"
    OTHER = "other"  # summary, projects, awards, contact...


_HEADINGS: dict[Section, str] = {
    Section.EDUCATION: (
        "education | educational background | education background | academic background"
        "| academic qualifications | education and training | education & training"
        "| 教育背景 | 教育经历 | 学习经历 | 教育 | 学历"
    ),
    Section.EXPERIENCE: (
        "experience | work experience | professional experience | relevant experience"
        "| working experience | employment | employment history | work history | career history"
        "| internships | internship | internship experience | 工作经历 | 工作经验 | 实习经历"
        "| 实习经验 | 工作履历 | 职业经历 | 任职经历 | 工作/实习经历 | 实习/工作经历"
    ),
    Section.SKILLS: (
        "skills | technical skills | core skills | key skills | skills and abilities"
        "| skills & abilities | skill set | skillset | competencies | core competencies"
        "| skills & tools | tools | 专业技能 | 技能 | 技能特长 | 个人技能 | 技术能力 | 职业技能"
        "| 技能证书 | 专业能力 | 技术栈"
    ),
    Section.LANGUAGES: (
        "languages | language | language skills | language proficiency"
        "| 语言能力 | 语言 | 外语能力 | 外语水平 | 语言技能"
    ),
    Section.CERTIFICATIONS: (
        "certifications | certification | certificates | certificate | licenses | licences"
        "| licenses and certifications | licenses & certifications | certifications & licenses"
        "| certifications and licenses | 证书 | 资格证书 | 职业资格 | 所获证书 | 证书资质"
        "| 资质证书 | 获得证书"
    ),
    Section.INTERESTS: (
        "interests | hobbies | hobbies and interests | hobbies & interests | interests and hobbies"
        "| interests & hobbies | personal interests | 兴趣爱好 | 爱好 | 兴趣 | 个人爱好 | 业余爱好"
    ),
    Section.OTHER: (
        "summary | profile | professional summary | personal summary | objective"
        "| career objective | about me | projects | project experience | personal projects"
        "| selected projects | awards | honors | honours | honors and awards | honors & awards"
        "| awards and honors | achievements | publications | references | contact"
        "| contact information | personal information | volunteer experience | volunteering"
        "| activities | extracurricular activities | leadership | 项目经历 | 项目经验 | 个人简介"
        "| 自我评价 | 自我介绍 | 个人信息 | 基本信息 | 求职意向 | 获奖情况 | 荣誉奖项 | 获奖经历"
        "| 校园经历 | 社会实践 | 联系方式 | 个人总结 | 在校经历 | 科研经历"
    ),
}


def _heading_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().casefold())


_SECTION_OF = {_heading_key(t): s for s, spec in _HEADINGS.items() for t in terms(spec)}
_HEADING_WORDS = "|".join(
    re.escape(t).replace(r"\ ", r"\s{1,3}") for t in sorted(_SECTION_OF, key=len, reverse=True)
)
_HEADING_LEAD = (
    r"[\s#*•·>■□●○◆◇▪►=_|-]{0,6}(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、)]|[IVX]{1,4}\.)?"
    r"\s{0,3}[【\[(]?\s{0,2}"
)
_HEADING_TAIL = rf"(?:\s{{0,3}}[/|]?\s{{0,3}}(?:{_HEADING_WORDS}))?\s{{0,2}}[】\])]?\s{{0,3}}"
# A line that is a heading ("EDUCATION", "【工作经历】", "Skills: Python, SQL").
_HEADING_LINE = re.compile(
    rf"{_HEADING_LEAD}(?P<head>{_HEADING_WORDS}){_HEADING_TAIL}"
    r"(?:[:]\s{0,3}(?P<rest>.*)|[\s=_*#-]{0,20})$",
    re.IGNORECASE,
)
# A sentence that opens with a heading and a colon, inside running text ("…。爱好：摄影").
_HEADING_INLINE = re.compile(
    rf"{_HEADING_LEAD}(?P<head>{_HEADING_WORDS}){_HEADING_TAIL}[:]\s{{0,3}}(?P<rest>.*)$",
    re.IGNORECASE,
)
# Sentence ends; an English full stop only after a word of 4+ letters or a year, so
# "B.Sc. Computer Science" and "Acme Inc. Jan 2020" stay whole. Not semicolons: after NFKC
# "；" and ";" are one character, and English header lines use it between fields.
_SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=[a-z]{4}\.|\d{4}\.)\s+(?=[A-Z])")


@dataclass(frozen=True)
class Unit:
    """A sentence or line of the résumé and the section it belongs to."""

    text: str
    section: Section
    line: int  # which line of the résumé it is on


def _section(head: str) -> Section:
    return _SECTION_OF.get(_heading_key(head), Section.OTHER)


def split_units(text: str) -> list[Unit]:
    """The résumé's sentences, each with the section its nearest heading above names."""
    units: list[Unit] = []
    section = Section.NONE
    for number, raw in enumerate(nfkc(text, MAX_RESUME_CHARS).splitlines()):
        line = raw.strip()
        line_section = section
        if heading := _HEADING_LINE.match(line):
            line_section = _section(heading.group("head"))
            line = (heading.group("rest") or "").strip()
            # A heading alone opens a section; "求职意向：Java开发" labels its own line only,
            # and what follows is unlabelled again.
            section = line_section if not line else Section.NONE
        for sentence in _SENTENCE_END.split(line):
            piece, here = sentence.strip(), line_section
            # "…。爱好：摄影、跑步。" inside running text labels that sentence only.
            if inline := _HEADING_INLINE.match(piece):
                here, piece = _section(inline.group("head")), inline.group("rest").strip()
            if piece:
                units.append(Unit(piece, here, number))
    return units


# --- education ------------------------------------------------------------------------------
# "2014.09-2018.06  浙江大学  计算机科学与技术  本科": the field stands alone in the row.
_ROW_FIELD = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff()A-Za-z]{1,19}")


def _field_in_row(text: str) -> str | None:
    for token in re.split(r"\s+|[|/,，;；]", without_dates(text, [p.span for p in periods(text)])):
        cleaned = token.strip("()（） ")
        if _ROW_FIELD.fullmatch(cleaned) and is_field_name(cleaned) and not is_place(cleaned):
            return cleaned
    return None


def _major(text: str) -> str | None:
    major = field_of_study(text) or _field_in_row(text)
    return major[:MAX_FIELD_CHARS] if major else None


def _education_entry(text: str) -> EducationEntry | None:
    level = highest_level(text)
    named = schools(text)
    school = named[0][:MAX_FIELD_CHARS] if named else None
    major = _major(text)
    if not any((level, school, major)):
        return None
    start: str | None = None
    end: str | None = None
    if spans := periods(text):
        start, end = spans[0].start.iso(), spans[0].end_text
    elif singles := single_dates(text):
        end = singles[-1].when.iso() if singles[-1].when else None
    return EducationEntry(level=level, major=major, school=school, start=start, end=end)


def _education_features(text: str) -> set[str]:
    features = set()
    if schools(text):
        features.add("school")
    if level_mentions(text):
        features.add("level")
    if periods(text):
        features.add("dates")
    return features


def _education_groups(units: Sequence[Unit]) -> list[str]:
    """The education section cut into entries: a line naming a school, a degree or dates the
    entry being read already has begins the next entry."""
    groups: list[list[str]] = []
    seen: set[str] = set()
    for unit in units:
        features = _education_features(unit.text)
        if not groups or features & seen:
            groups.append([])
            seen = set()
        groups[-1].append(unit.text)
        seen |= features
    return ["\n".join(group) for group in groups]


def _same_entry(a: EducationEntry, b: EducationEntry) -> bool:
    def agree(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x.casefold() == y.casefold()

    shared = (a.level and a.level == b.level) or (
        a.school and b.school and a.school.casefold() == b.school.casefold()
    )
    return bool(shared) and agree(a.level, b.level) and agree(a.school, b.school)


def _merge_education(entries: Iterable[EducationEntry]) -> list[EducationEntry]:
    """Entries describing the same degree (from the résumé twice, or the chat) become one."""
    merged: list[EducationEntry] = []
    for entry in entries:
        for index, known in enumerate(merged):
            if _same_entry(known, entry):
                filled = {
                    k: v for k, v in entry.model_dump().items() if v and not getattr(known, k)
                }
                merged[index] = known.model_copy(update=filled)
                break
        else:
            merged.append(entry)
    return merged


# --- experience -----------------------------------------------------------------------------
_ORG_EN = re.compile(
    r"\b(?:Inc|Ltd|LLC|LLP|PLC|plc|Corp|Corporation|Co|Company|Group|Bank|Holdings|Technologies"
    r"|Technology|Labs?|Solutions|Consulting|Consultants|Partners|Associates|Systems|Studios?"
    r"|Agency|Hospital|Clinic|University|College|School|Institute|Foundation|Ministry|Council"
    r"|Limited|GmbH|AG|Firm|Capital|Ventures|Media|Software|Networks|Pharmaceuticals|Bureau)\b"
)
_ORG_ZH = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9()&·]{2,30}?(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团"
    r"|银行|医院|大学|学院|研究院|研究所|研究中心|事务所|工作室|中心|学校|中学|小学|幼儿园|政府"
    r"|委员会|协会|基金会|报社|电视台|出版社|酒店|餐厅|工厂|局)(?:\([\u4e00-\u9fff]{2,6}\))?"
    # a school or department inside it: 北京大学信息科学技术学院
    r"(?:[\u4e00-\u9fff]{1,12}?(?:学院|分公司|分行|支行|分院|研究院|研究所|事务所))?"
    r"|腾讯|阿里巴巴|阿里|字节跳动|华为|百度|京东|美团|小米|网易|拼多多|滴滴|快手|蚂蚁集团"
)
_ORG_ZH_CUT = re.compile(r"^.*?(?:就职于|任职于|供职于|加入|入职|在|于|从)")
_TITLE_EN = re.compile(
    r"\b(?:engineer|developer|programmer|analyst|manager|director|intern|assistant|associate"
    r"|consultant|designer|specialist|coordinator|officer|lead|head|scientist|researcher|teacher"
    r"|tutor|lecturer|professor|instructor|nurse|accountant|auditor|administrator|representative"
    r"|executive|architect|technician|editor|writer|clerk|cashier|supervisor|president|vp"
    r"|founder|co-founder|owner|trainee|fellow|advisor|adviser|agent|tester|planner|strategist"
    r"|recruiter|paralegal|lawyer|attorney|counsel|chef|cook|driver|operator|buyer|producer"
    r"|marketer|therapist|pharmacist|physician|doctor|cto|ceo|cfo|coo|partner|volunteer|barista"
    r"|waiter|waitress|receptionist|secretary)s?\b",
    re.IGNORECASE,
)
_TITLE_ZH = re.compile(
    r"工程师|经理|分析师|实习生|实习|专员|主管|总监|助理|设计师|顾问|教师|老师|讲师|教授|会计|出纳"
    r"|运营|开发|产品|销售|编辑|记者|研究员|技术员|主任|总裁|合伙人|创始人|律师|护士|医生|架构师"
    r"|程序员|测试|客服|行政|文员|秘书|组长|负责人|店长|翻译|董事|助教|专家|主播|策划|督导|班主任"
    r"|辅导员"
)
_TITLE_CUE_ZH = re.compile(
    r"(?:担任|出任|任职|职位为?|岗位为?|任|做|当)\s?[:]?\s?"
    r"(?P<title>[\u4e00-\u9fffA-Za-z]{2,15}?)(?=[,，。;；、\s(]|$|负责|期间|一职|工作|职务)"
)
_TITLE_CUE_EN = re.compile(
    r"(?:\bas|\bi\s+(?:am|was)|\bi'm|\b(?:have|has|'ve)\s+been|\bbecame|\bpromoted\s+to)"
    r"\s+(?:an?\s+|the\s+)?(?P<title>[A-Za-z][A-Za-z/&-]*(?:\s[A-Za-z/&-]+){0,4}?)"
    r"(?=\s+(?:at|for|with|in)\b|\s*[,.;()]|$)",
    re.IGNORECASE,
)
_ORG_CUE_EN = re.compile(
    r"\b(?:at|for|joined)\s+(?P<org>[A-Z][\w&'-]*\.?"
    r"(?:(?<!\.)\s(?:of\s|&\s)?[A-Z][\w&'-]*\.?){0,5})"
)
_PART_SPLIT = re.compile(
    r"\s*(?:[|,;@/，；、]|\s[-–—]\s|\s{2,}|\t|\bat\b)\s*"
    # Chinese writes no spaces inside names, so a space beside a Han character separates.
    r"|(?<=[\u4e00-\u9fff)])\s+|\s+(?=[\u4e00-\u9fff])"
)
# Endings that close a company's name for sure ("Acme Corp Software Engineer"); words like
# "Software" or "Systems" also begin titles ("Software Engineer"), so they do not split.
_ORG_END_EN = re.compile(
    r"\b(?:Inc|Ltd|LLC|LLP|PLC|plc|Corp|Corporation|Co|Company|Limited|GmbH|AG|Group|Bank"
    r"|University|College|Hospital|Institute|School)\b\.?"
)
# "Houston, TX", "Toronto, ON": where the job was, written the North American way.
_CITY_STATE = re.compile(
    r"\b[A-Z][A-Za-z.'-]{1,20}(?:[ ][A-Z][A-Za-z.'-]{1,20}){0,2},\s?[A-Z]{2}\b"
)
_LEAD_NOISE = re.compile(
    r"^[\s•·*●▪◦►>()\[\]-]*(?:(?:from|since|between)\s+|[从自于])?[\s:]*$", re.IGNORECASE
)
_BULLET = re.compile(r"^(?:[•·*●▪◦►✓➢–—-]|\d{1,2}[.)、])\s*")
# "Houston, TX" or "Toronto, ON" as a field of its own, and kinds of work that name no job.
_CITY_STATE_FIELD = re.compile(r"[A-Za-z .'-]{2,20},\s?[A-Z]{2}")
_EMPLOYMENT_KIND = re.compile(r"^(?:contract|internship|freelance|on-?site|实习)$", re.I)


@dataclass
class _Header:
    """What a dated line says about a job."""

    title: str | None = None
    organization: str | None = None
    guessed: bool = False  # the title is an unmarked name that may be the employer
    org_guessed: bool = False

    def complete(self) -> bool:
        return bool(self.title and self.organization) and not self.guessed

    def fill(self, other: _Header) -> None:
        if self.guessed and other.title and not other.guessed:
            # "Google   2019 - 2023" over "Software Engineer": the name was the employer.
            if not self.organization or self.org_guessed:
                self.organization = self.title
            self.title, self.guessed = other.title, False
        elif self.title and not self.guessed and not self.organization and other.guessed:
            # "Marketing Manager, 2017 – 2022" under "ACME": the unmarked name is the employer.
            self.organization, self.org_guessed = other.title, True
            return
        if not self.title:
            self.title, self.guessed = other.title, other.guessed
        if not self.organization:
            self.organization, self.org_guessed = other.organization, other.org_guessed


def _clean(part: str) -> str:
    return part.strip(" \t·•*●-–—:|,，;；。.()（）[]【】")


def _cased(part: str) -> str:
    """ "ACME CORPORATION" read as "Acme Corporation", so capitalised markers apply."""
    return part.title() if part.isupper() and len(part) > 4 else part


def _is_org(part: str) -> bool:
    return bool(_ORG_EN.search(_cased(part)) or _ORG_ZH.search(part))


def _ends_with_org(part: str) -> bool:
    words = _cased(part).split()
    last = words[-1] if words else ""
    return bool(_ORG_EN.fullmatch(last.rstrip(".")) or _ORG_ZH.fullmatch(part))


def _org_zh(part: str) -> tuple[str, str] | None:
    """A Chinese organisation name in the part and what follows it ("华为技术有限公司工程师")."""
    match = _ORG_ZH.search(part)
    if match is None:
        return None
    name = _ORG_ZH_CUT.sub("", match.group(0))
    return (name, part[match.end() :]) if len(name) >= 2 else None


def _split_org_and_title(part: str) -> list[str]:
    """ "Acme Corp Software Engineer" and "Software Engineer Acme Corp" are two parts."""
    ending = _ORG_END_EN.search(part)
    if ending is None or not _TITLE_EN.search(part):
        return [part]
    before, after = part[: ending.end()].strip(), part[ending.end() :].strip()
    if after and _TITLE_EN.search(after) and not _TITLE_EN.search(before):
        return [before, after]
    titles = list(_TITLE_EN.finditer(before))
    if titles and not after:
        cut = titles[-1].end()  # the title ends where the company begins
        if part[cut:].strip() and not _TITLE_EN.search(part[cut:]):
            return [part[:cut].strip(), part[cut:].strip()]
    return [part]


def _is_place_or_kind(part: str) -> bool:
    """Where a job was or what kind it was: "Remote", "北京", "Boston, MA", "Full-time"."""
    kind = working_hours(part) or _EMPLOYMENT_KIND.match(part)
    return is_place(part) or bool(_CITY_STATE_FIELD.fullmatch(part) or kind)


def _classify(text: str) -> _Header:
    """Title and employer among the fields of a header line ("Analyst | Acme Corp | Boston")."""
    header = _Header()
    loose: list[str] = []
    parts = _PART_SPLIT.split(_CITY_STATE.sub(" ", text))
    for raw in [piece for part in parts for piece in _split_org_and_title(part)]:
        part = _clean(raw)
        if len(part) < 2 or len(part) > MAX_FIELD_CHARS or _is_place_or_kind(part):
            continue
        zh = _org_zh(part)
        if zh and not header.organization:
            header.organization = zh[0]
            rest = _clean(zh[1])
            if rest and _TITLE_ZH.search(rest) and not header.title:
                header.title = rest
        elif _ends_with_org(part) and not header.organization:
            header.organization = part
        elif (_TITLE_EN.search(part) or _TITLE_ZH.search(part)) and not header.title:
            header.title = part
        elif _is_org(part) and not header.organization:
            header.organization = part
        else:
            loose.append(part)
    for part in loose:  # unmarked names fill what is still missing, title first
        if not header.title:
            header.title, header.guessed = part, True
        elif not header.organization:
            header.organization, header.org_guessed = part, True
    return header


def _prose_header(text: str) -> _Header:
    """Title and employer from running text: "在华为技术有限公司担任软件工程师",
    "worked as a data analyst at Acme Corp"."""
    header = _Header()
    after_org = text
    if zh := _org_zh(text):
        header.organization, after_org = zh  # the title follows: 责任公司 holds no 任 cue
    if cue := _TITLE_CUE_ZH.search(after_org):
        header.title = cue.group("title")
    if (cue_en := _TITLE_CUE_EN.search(text)) and _TITLE_EN.search(cue_en.group("title")):
        header.title = header.title or cue_en.group("title")
    if org_en := _ORG_CUE_EN.search(text):
        name = re.sub(r"\s(?:I|In|The|My|We)$", "", org_en.group("org")).rstrip(".")
        header.organization = header.organization or name
    return header


def _header(text: str) -> _Header:
    header = _prose_header(text)
    if not header.complete():
        header.fill(_classify(text))
    return header


@dataclass
class _Segment:
    period: Period
    text: str  # the words of this job, with the dates left out
    whole: str  # as written


def _segments(text: str, spans: Sequence[Period]) -> list[_Segment]:
    """One piece of the text per period. Dates come first in Chinese rows and prose
    ("2018年9月至2022年6月 华为 工程师"), last in many English headers
    ("Analyst, Acme 2019-2023")."""
    date_first = bool(_LEAD_NOISE.match(text[: spans[0].span[0]]))
    pieces: list[_Segment] = []
    for index, period in enumerate(spans):
        if date_first:
            start = period.span[0] if index else 0
            end = spans[index + 1].span[0] if index + 1 < len(spans) else len(text)
        else:
            start = spans[index - 1].span[1] if index else 0
            end = period.span[1] if index + 1 < len(spans) else len(text)
        offset = (period.span[0] - start, period.span[1] - start)
        whole = text[start:end]
        pieces.append(_Segment(period, without_dates(whole, [offset]), whole.strip()))
    return pieces


def _looks_like_header_line(unit: Unit) -> bool:
    """A short line without a bullet: a title or an employer written on its own line."""
    text = unit.text
    words = len(text.split())
    sentence = text.endswith("。") or (text.endswith(".") and words > 4)  # "Acme Inc." is not
    return (
        len(text) <= MAX_FIELD_CHARS
        and not _BULLET.match(text)
        and not sentence
        and words <= 10
        and not periods(text)
    )


def _is_education_like(text: str) -> bool:
    if level_mentions(text) or about_study(text):
        return True
    return bool(schools(text)) and not (_TITLE_EN.search(text) or _TITLE_ZH.search(text))


@dataclass
class _Job:
    header: _Header
    period: Period
    lines: list[str] = field(default_factory=list)


def _jobs(units: Sequence[Unit]) -> tuple[list[_Job], list[str]]:
    """Dated jobs of the experience section and of unheaded text; plus the dated pieces of
    unheaded text that are about study instead."""
    jobs: list[_Job] = []
    studies: list[str] = []
    used: set[int] = set()
    current: _Job | None = None
    for index, unit in enumerate(units):
        if unit.section not in (Section.EXPERIENCE, Section.NONE):
            current = None
            continue
        spans = periods(unit.text)
        if not spans:
            if current is not None and index not in used:
                current.lines.append(unit.text)
            continue
        current = None
        for segment in _segments(unit.text, spans):
            if unit.section is Section.NONE and _is_education_like(segment.whole):
                studies.append(segment.whole)
                continue
            job = _Job(_header(segment.text), segment.period, [segment.whole])
            jobs.append(job)
            current = job
        if current is not None and len(spans) == 1:
            _complete_from_neighbours(current, units, index, used, jobs)
    return jobs, studies


def _complete_from_neighbours(
    job: _Job, units: Sequence[Unit], index: int, used: set[int], jobs: list[_Job]
) -> None:
    """Fill a missing title or employer from the line below the dates, then the lines above
    (PDFs often put title, employer and dates on three lines of their own)."""
    for neighbour in (index + 1, index - 1, index - 2):
        if job.header.complete() or not 0 <= neighbour < len(units):
            continue
        if neighbour == index - 2 and index - 1 not in used:
            break  # only a block of header lines right above the dates
        unit = units[neighbour]
        if unit.section is not units[index].section or neighbour in used:
            continue
        if unit.line == units[index].line:
            continue  # another sentence of running text, not a line of its own
        if not _looks_like_header_line(unit):
            continue
        job.header.fill(_classify(unit.text))
        used.add(neighbour)
        if neighbour < index:  # it was read as the end of the previous job's description
            for other in jobs:
                if other is not job and unit.text in other.lines:
                    other.lines.remove(unit.text)


def _position(job: _Job, today: date) -> Position:
    text = "\n".join(job.lines)[:MAX_POSITION_TEXT]
    return Position(
        title=job.header.title[:MAX_FIELD_CHARS] if job.header.title else None,
        organization=job.header.organization[:MAX_FIELD_CHARS] if job.header.organization else None,
        start=job.period.start.iso(),
        end=job.period.end_text,
        years=min(job.period.years(today), MAX_YEARS),
        text=text,
    )


def _stated_years(texts: Iterable[str]) -> float | None:
    """ "5+ years of experience", "8年工作经验": the most any sentence states."""
    found = [years for text in texts if (years := stated_years(text)) is not None]
    return min(max(found), MAX_YEARS) if found else None


# --- languages, certifications, interests ---------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _LanguageEntry(_Strict):
    en: str
    zh: str
    names: list[str]
    tests: list[str]


class _LanguagesFile(_Strict):
    about: str = ""
    languages: list[_LanguageEntry]


class _CertificationEntry(_Strict):
    en: str
    zh: str
    terms: list[str]


class _CertificationsFile(_Strict):
    about: str = ""
    certifications: list[_CertificationEntry]


@dataclass(frozen=True)
class _Labelled:
    """A lexicon of things shown by an English or Chinese label (languages, certificates)."""

    labels: tuple[tuple[str, str], ...]
    names: TermIndex  # the thing itself
    tests: TermIndex  # what alone proves it (language exams); empty for certificates

    def label(self, ident: int, locale: Locale) -> str:
        en, zh = self.labels[ident]
        return zh if locale is Locale.ZH else en


@cache
def _languages() -> _Labelled:
    data = TypeAdapter(_LanguagesFile).validate_python(load_data("languages.json"))
    names, tests = TermIndex(), TermIndex()
    for ident, entry in enumerate(data.languages):
        for term in entry.names:
            names.add(term, ident)
        for term in entry.tests:
            tests.add(term, ident)
    names.compile()
    tests.compile()
    return _Labelled(tuple((e.en, e.zh) for e in data.languages), names, tests)


@cache
def _certifications() -> _Labelled:
    data = TypeAdapter(_CertificationsFile).validate_python(load_data("certifications.json"))
    names = TermIndex()
    for ident, entry in enumerate(data.certifications):
        for term in entry.terms:
            names.add(term, ident)
    names.compile()
    return _Labelled(tuple((e.en, e.zh) for e in data.certifications), names, TermIndex())


_ABILITY = re.compile(
    r"(?i:\b(?:fluent|fluently|fluency|native|mother\s+tongue|first\s+language|bilingual"
    r"|trilingual|proficient|proficiency|speak|speaks|spoke|spoken|speaking|conversational"
    r"|business[-\s]level|working\s+knowledge|intermediate|advanced|basic|read|write|written"
    r"|level)\b)|流利|母语|熟练|精通|口语|听说读写|读写|良好|会说|能说|掌握|水平|交流|基础|日常"
)
_VENDOR_CERTIFIED = re.compile(
    r"\b(?:AWS|Microsoft|Azure|Google(?:\s+Cloud)?|Oracle|Cisco|Salesforce|CompTIA|Red\s+Hat"
    r"|Adobe|Tableau|Databricks|Snowflake|Kubernetes)\s+Certified\b:?"
    r"(?:[ \t]{1,2}(?:[-–—][ \t]{1,2})?[A-Z][\w+./-]*){1,7}"
)
# A certificate being worked towards is not held yet.
_NOT_YET = re.compile(
    r"(?i:\b(?:preparing|studying\s+for|candidate|pursuing|working\s+towards?|in\s+progress"
    r"|expected)\b)|备考|在考|准备|在读"
)
_DATES_IN_ITEM = re.compile(
    r"[(（]?\s?(?:(?:19|20)\d{2}(?:[./-]\d{1,2})?(?:\s?年(?:\d{1,2}月)?)?\s?[-–~至]?\s?){1,2}[)）]?"
)


def _languages_in(units: Iterable[Unit], clauses: Iterable[str], locale: Locale) -> list[str]:
    lexicon = _languages()
    found: list[str] = []
    for unit in units:
        in_section = unit.section is Section.LANGUAGES
        for _, _, ident in lexicon.tests.spans(unit.text):
            found.append(lexicon.label(ident, locale))
        if in_section or _ABILITY.search(unit.text):
            found += [lexicon.label(i, locale) for _, _, i in lexicon.names.spans(unit.text)]
    for clause in clauses:
        if not holds(clause):
            continue
        spans = lexicon.tests.spans(clause)
        if _ABILITY.search(clause):
            spans += lexicon.names.spans(clause)
        found += [lexicon.label(ident, locale) for _, _, ident in spans]
    return unique(found)


def _certificate_items(text: str) -> list[str]:
    """A line of the certifications section as its certificates, dates left out."""
    items: list[str] = []
    for raw in re.split(r"\s*[,;|，；、]\s*", _BULLET.sub("", text)):
        item = _clean(_DATES_IN_ITEM.sub(" ", raw))
        item = re.sub(r"\s{2,}", " ", item)
        if 2 <= len(item) <= MAX_FIELD_CHARS and re.search(r"[A-Za-z\u4e00-\u9fff]", item):
            items.append(item)
    return items


def _certifications_in(units: Iterable[Unit], clauses: Iterable[str], locale: Locale) -> list[str]:
    lexicon = _certifications()
    found: list[str] = []

    def named(text: str) -> list[str]:
        vendor = [match.group(0).strip() for match in _VENDOR_CERTIFIED.finditer(text)]
        return vendor + [lexicon.label(i, locale) for _, _, i in lexicon.names.spans(text)]

    for unit in units:
        if unit.section is Section.CERTIFICATIONS:
            for item in _certificate_items(unit.text):
                found += named(item) or [item]
        elif not (is_wish(unit.text) or _NOT_YET.search(unit.text)):
            found += named(unit.text)
    for clause in clauses:
        if holds(clause):
            found += named(clause)
    return unique(found)


# --- name -----------------------------------------------------------------------------------
_DOCUMENT_TITLE = re.compile(
    r"^(?:(?:个人)?简历|求职简历|resume|résumé|cv|curriculum\s+vitae)$", re.IGNORECASE
)
_NAME_LABEL = re.compile(
    r"(?:姓\s?名|名字|(?i:\bname\b))\s{0,2}[:]\s{0,2}(?P<name>[\u4e00-\u9fff·]{2,6}"
    r"|[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){1,3})"
)
_NAME_EN = re.compile(r"[A-Z][A-Za-z'’-]+(?:\s[A-Z]\.?)?(?:\s[A-Z][A-Za-z'’-]+){1,2}")
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "司徒",
    "东方",
    "皇甫",
    "慕容",
    "令狐",
    "夏侯",
)


def _looks_like_name_zh(text: str) -> bool:
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text):
        return False
    return text.startswith(_COMPOUND_SURNAMES) or text[0] in _SURNAMES


def _looks_like_name_en(text: str) -> bool:
    if not _NAME_EN.fullmatch(text):
        return False
    words = text.split()
    markers = _TITLE_EN.search(text) or _ORG_EN.search(text) or _HEADING_LINE.match(text)
    return not markers and not any(_HEADING_LINE.match(word) for word in words)


def _name(units: Sequence[Unit]) -> str | None:
    head = [u.text for u in units[:12] if u.section is Section.NONE]
    for text in head:
        if label := _NAME_LABEL.search(text):
            return label.group("name").strip()
    for text in head[:3]:
        if _DOCUMENT_TITLE.match(text.strip()):
            continue
        first = re.split(r"\s{2,}|[|｜,，/•·]|\s[-–—]\s|\t", text.strip())[0].strip(" .。")
        if _looks_like_name_zh(first):
            return first
        candidate = first.title() if first.isupper() else first
        return candidate if _looks_like_name_en(candidate) else None
    return None


# --- the conversation -----------------------------------------------------------------------
def _user_turns(conversation: Sequence[ChatMessage]) -> list[str]:
    turns: list[str] = []
    budget = MAX_CONVERSATION_CHARS
    for message in conversation:
        if message.role is ChatRole.USER and message.content.strip() and budget > 0:
            turns.append(message.content.strip()[:budget])
            budget -= len(turns[-1])
    return turns


def _clauses(texts: Iterable[str]) -> list[str]:
    return [clause for text in texts for clause in clauses(normalise(text, MAX_CONVERSATION_CHARS))]


def _narrative(turns: Sequence[str], resume: ResumeDocument | None) -> str:
    parts = [*turns, resume.text.strip()] if resume else list(turns)
    return "\n\n".join(p for p in parts if p)[:MAX_NARRATIVE_CHARS]


# --- skills ---------------------------------------------------------------------------------
def _skills(
    clauses: Sequence[str],
    stated: Sequence[str],
    resume_units: Sequence[Unit],
    vocabulary: SkillVocabulary,
    locale: Locale,
) -> list[Skill]:
    """Skills in the person's chat (not what they lack or only wish for), the ones the guide
    noted, and the résumé's (hobbies and spoken languages left out)."""
    held = "\n".join(clause for clause in clauses if holds(clause))
    found = vocabulary.find(held, locale)
    for item in stated:
        found += vocabulary.find(item, locale) or [
            Skill(name=item.strip(), label=item.strip(), found=item.strip(), source="stated")
        ]
    working = (Section.INTERESTS, Section.LANGUAGES)
    resume_text = "\n".join(u.text for u in resume_units if u.section not in working)
    found += vocabulary.find(resume_text, locale)
    unique: dict[str, Skill] = {}
    for skill in found:
        if skill.name.strip():
            unique.setdefault(skill.name.casefold(), skill)
    return list(unique.values())


# --- the profile ----------------------------------------------------------------------------
def _read_resume(resume: ResumeDocument | None) -> list[Unit]:
    if resume is None:
        return []
    return split_units(resume.text[:MAX_RESUME_CHARS])


def _resume_education(units: Sequence[Unit], studies: Sequence[str]) -> list[EducationEntry]:
    section = [u for u in units if u.section is Section.EDUCATION]
    texts = _education_groups(section)
    dated = set(studies)
    unheaded = [
        u.text
        for u in units
        if u.section is Section.NONE
        and u.text not in dated
        and not periods(u.text)
        and not is_wish(u.text)
        and (level_mentions(u.text) or (schools(u.text) and about_study(u.text)))
    ]
    entries = [_education_entry(text) for text in [*texts, *studies, *unheaded]]
    return [entry for entry in entries if entry is not None]


def _chat_education(collected: CollectedInfo, clauses: Sequence[str]) -> list[EducationEntry]:
    """What the guide noted, then degrees the person's own clauses name (not wished for)."""
    entries: list[EducationEntry] = []
    told = collected.education
    if told is not None and any((told.level, told.major, told.school)):
        level = education_level(told.level)
        entries.append(EducationEntry(level=level, major=told.major, school=told.school))
    for clause in clauses:
        named = level_mentions(clause) and not is_wish(clause)
        if named and (entry := _education_entry(clause)) is not None:
            entries.append(entry.model_copy(update={"start": None, "end": None}))
    return entries


def _chat_positions(collected: CollectedInfo, known: Sequence[Position]) -> list[Position]:
    titles = {p.title.casefold() for p in known if p.title}
    positions: list[Position] = []
    for item in collected.experience:
        if item.role is None and item.years is None:
            continue  # "no work experience yet" names no position
        if item.role and item.role.casefold() in titles:
            continue
        positions.append(Position(title=item.role, years=item.years, text=item.text))
    return positions


def _years_experience(
    jobs: Sequence[_Job], collected: CollectedInfo, units: Sequence[Unit], today: date
) -> float:
    if jobs:
        return min(total_years((job.period for job in jobs), today), MAX_YEARS)
    told = [item.years for item in collected.experience if item.years is not None]
    if told:
        return min(round(sum(told), 2), MAX_YEARS)
    return _stated_years(u.text for u in units) or 0.0


Source = Literal["conversation", "resume", "assessment"]


def _sources(
    turns: Sequence[str], collected: CollectedInfo, resume: ResumeDocument | None
) -> list[Source]:
    sources: list[Source] = []
    if turns or collected.known():
        sources.append("conversation")
    if resume is not None:
        sources.append("resume")
    return sources


def build_profile(
    conversation: Sequence[ChatMessage],
    collected: CollectedInfo,
    resume: ResumeDocument | None,
    locale: Locale,
    vocabulary: SkillVocabulary,
    *,
    today: date,
    progress: Progress = no_progress,
) -> Profile:
    """The person's profile from their own chat turns, the facts the guide collected and their
    résumé; `progress` hears of each step as it finishes."""
    steps = Steps(progress, [1, 1, 2, 2, 1, 0.5])
    turns = _user_turns(conversation)
    clauses = _clauses(turns)
    units = _read_resume(resume)
    steps.done(
        f"split the résumé into {len(units)} sentences, the chat into {len(clauses)} clauses"
    )

    jobs, studies = _jobs(units)
    read = [*_resume_education(units, studies), *_chat_education(collected, clauses)]
    education = _merge_education(read)[:MAX_EDUCATION]
    highest = max((e.level for e in education if e.level), key=level_rank, default=None)
    steps.done(f"read {len(education)} education entries")

    experience = [_position(job, today) for job in jobs[:MAX_POSITIONS]]
    experience += _chat_positions(collected, experience)
    years = _years_experience(jobs, collected, units, today)
    steps.done(f"read {len(experience)} positions, {years:g} years of experience")

    skills = _skills(clauses, collected.skills, units, vocabulary, locale)
    steps.done(f"matched {len(skills)} skills")

    languages = _languages_in(units, clauses, locale)
    certifications = _certifications_in(units, clauses, locale)[:MAX_LIST_ITEMS]
    resume_interests = [
        item
        for u in units
        if u.section is Section.INTERESTS
        for item in listed_interests(_BULLET.sub("", u.text), MAX_ITEM_CHARS)
    ]
    interests = unique([*resume_interests, *collected.interests])[:MAX_LIST_ITEMS]
    steps.done(
        f"read {len(languages)} languages, {len(certifications)} certifications "
        f"and {len(interests)} interests"
    )

    profile = Profile(
        name=_name(units),
        education=education,
        highest_level=highest,
        experience=experience,
        years_experience=years,
        skills=skills,
        languages=languages,
        certifications=certifications,
        interests=interests,
        values=unique(collected.values),
        goals=unique(collected.goals),
        constraints=collected.constraints,
        sources=_sources(turns, collected, resume),
        narrative=_narrative(turns, resume),
    )
    steps.done("profile assembled")
    return profile
