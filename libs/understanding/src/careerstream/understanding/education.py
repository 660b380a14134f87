"""Education: the level of a degree, schools and fields of study, in a chat message or a
résumé line alike ("I have a BSc in Physics", "2014.09-2018.06 浙江大学 计算机 本科")."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import NamedTuple

from careerstream.contracts import Education, EducationLevel, level_rank
from careerstream.understanding.intent import is_wish
from careerstream.understanding.lexicon import Lexicon
from careerstream.understanding.text import HAN, nfkc, terms

L = EducationLevel
_LEVELS = Lexicon(
    {
        L.DOCTORATE: (
            "phd | doctorate | doctoral | doctoral degree | doctor's degree | dphil | edd"
            "| doctor of philosophy | doctor of education | doctor of science"
            "| doctor of engineering | doctor of business administration | 博士 | 读博"
        ),
        L.MASTER: (
            "master's | postgraduate | graduate degree | graduate school | grad school | msc"
            "| mba | meng | mphil | mres | llm | 硕士 | 研究生 | 读研 | 研一 | 研二 | 研三"
        ),
        L.BACHELOR: (
            "bachelor's | bachelor | undergraduate | undergrad | college degree"
            "| university degree | bsc | beng | bba | llb | bcom"
            "| 本科 | 学士 | 大学毕业 | 大学生 | 读大学 | 上大学 | 大一 | 大二 | 大三 | 大四"
        ),
        L.ASSOCIATE: (
            "associate degree | associate's degree | associate of arts | associate of science"
            "| associate of applied science | community college | junior college | diploma"
            "| hnd | 大专 | 专科 | 高职"
        ),
        L.VOCATIONAL: (
            "vocational | vocational school | vocational diploma | trade school"
            "| technical school | 中专 | 职高 | 技校 | 中技 | 职业高中 | 中等专业"
        ),
        L.SECONDARY: (
            "high school | high school diploma | secondary school | ged | a-level | a-levels| 高中"
        ),
    }
)
# Short and dotted degree names, trusted only as written: "MSc", "B.Sc.", "BA (Hons)", and
# "MA", "MS", "BS" or a bare "Master" only before "in"/"of" ("Boston, MA", "MS Office" and
# "Scrum Master" are none).
_SHORT_FORMS = re.compile(
    r"(?<![A-Za-z])(?:(?P<doctorate>(?i:ph\.\s?d\b\.?|d\.phil\b\.?)|EdD)"
    r"|(?P<master>(?i:masters?(?=\s+(?:of|in|degree|programme|program)\b)"
    r"|m\.\s?(?:sc|s|a|eng|phil|ed|res)\.)|M[AS](?=\s+(?:in|of|degree)\b)|M(?:FA|PA|PH|Ed)\b)"
    r"|(?P<bachelor>(?i:b\.\s?(?:sc|s|a|eng|com|ed)\.)|BA(?![-&A-Za-z])|BFA\b"
    r"|BS(?=\s+(?:in|of|degree)\b))"
    r"|(?P<associate>A\.[AS]\.))"
)
# "a high school teacher" names a job, not the person's degree; so does teaching its students.
_TEACHER_AFTER = re.compile(
    r"\s*(?:[A-Za-z]+\s+)?(?:teachers?)\b|\s*[\u4e00-\u9fff]{0,2}(?:老师|教师)", re.I
)
_PUPILS_AFTER = re.compile(r"\s*(?:students?|kids|children|pupils|classes|学生)", re.I)
_TEACHING = re.compile(r"\b(?:teach|teaches|teaching|taught|tutor|tutoring)\b|教", re.I)


class Mention(NamedTuple):
    """Where a text names something: what, and from where to where."""

    name: str
    start: int
    end: int


def level_mentions(text: str) -> list[Mention]:
    """Each degree named, in order; the name is the `EducationLevel` value."""
    found = [Mention(hit.label, hit.start, hit.end) for hit in _LEVELS.hits(text)]
    found += [
        Mention(m.lastgroup, m.start(), m.end()) for m in _SHORT_FORMS.finditer(text) if m.lastgroup
    ]
    if not found:
        return found
    # Only a Chinese level word can run into a school's name; most texts need no school search.
    chinese = any(not text[m.start : m.end].isascii() for m in found)
    schools = school_mentions(text) if chinese else []
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -m.end)):
        if kept and mention.start < kept[-1].end:
            continue  # "MSc" is in the lexicon and among the short forms
        pupils = _PUPILS_AFTER.match(text, mention.end) and _TEACHING.search(text)
        if _TEACHER_AFTER.match(text, mention.end) or pupils:
            continue
        # A level word straddling a school's name is part of it: 北京大学|生物系 is no 大学生.
        if any(s.start < mention.start < s.end < mention.end for s in schools):
            continue
        kept.append(mention)
    return kept


def highest_level(text: str) -> EducationLevel | None:
    """The highest degree a text names: "a bachelor's and then a master's" is a master's."""
    return _highest(level_mentions(text))


def _highest(mentions: Sequence[Mention]) -> EducationLevel | None:
    levels = [EducationLevel(m.name) for m in mentions]
    return max(levels, key=level_rank) if levels else None


def education_level(written: str | None) -> EducationLevel | None:
    """The level of a degree however written ("MSc", "硕士", "high school"); the highest
    when several are named."""
    if not written:
        return None
    with contextlib.suppress(ValueError):
        return EducationLevel(written)  # a level's name or an alias the contract knows
    return highest_level(nfkc(written))


# --- schools ---------------------------------------------------------------------------------
_SCHOOL_EN = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][\w'&.-]*[ \t]{1,3}){0,5}"
    r"(?:University|College|Institute|Academy|Polytechnic|School)\b"
    r"(?:[ \t]{1,3}of(?:[ \t]{1,3}(?:and[ \t]|the[ \t])?[A-Z][\w'&.-]*){1,5})?"
)
_SCHOOL_EN_LEAD = re.compile(
    r"^(?:(?:At|From|In|The|My|I|A|An|To|And|Graduated|Attended|Studied|Studying|Currently"
    r"|BSc|MSc|BA|MA|MBA|PhD|Bachelor|Master|Doctor)\s+)+"
)
# "High School" or "Community College" alone names no school.
_GENERIC_SCHOOL_WORDS = frozenset(
    terms(
        "high | school | community | college | university | business | medical | graduate"
        "| law | secondary | junior | senior | middle | primary | elementary | the | of | state"
        "| technical | vocational | public | private | summer | night | language | art | arts"
    )
)
_SCHOOL_ZH = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:大学|学院|学校|中学|高中|职高|技校|中专)")
# Everything up to the last of these is not part of the name: "我毕业于|浙江大学".
_SCHOOL_ZH_CUT = re.compile(
    r"^.*(?:毕业于|就读于|就读|考入|考上|上了|进入|本科|硕士|博士|研究生|大专|专科"
    r"|我|是|在|从|于|的|了|读|念)"
)
_SCHOOL_ZH_LEAD = re.compile(r"^(?:一所|一个|一家|某)+")
_SCHOOL_ZH_SUFFIX = re.compile(r"(?:大学|学院|学校|中学|高中|职高|技校|中专)$")
_GENERIC_SCHOOL_ZH = frozenset(
    terms(
        "普通 | 一般 | 重点 | 名牌 | 国外 | 本地 | 外地 | 当地 | 省内 | 二本 | 三本 | 985 | 211"
        "| 不错的 | 好的 | 一流 | 上 | 读"
    )
)


def school_mentions(text: str) -> list[Mention]:
    """Each school named and where it stands, in order (place names inside it are no
    wish to live there: 上海交通大学)."""
    found: list[Mention] = []
    for match in _SCHOOL_EN.finditer(text):
        name = _SCHOOL_EN_LEAD.sub("", match.group(0)).strip()
        if {word.casefold() for word in name.split()} - _GENERIC_SCHOOL_WORDS:
            found.append(Mention(name, match.start(), match.end()))
    for match in _SCHOOL_ZH.finditer(text):
        name = _SCHOOL_ZH_LEAD.sub("", _SCHOOL_ZH_CUT.sub("", match.group(0)))
        stem = _SCHOOL_ZH_SUFFIX.sub("", name)
        if len(stem) >= 2 and stem not in _GENERIC_SCHOOL_ZH:
            found.append(Mention(name, match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)


def schools(text: str) -> list[str]:
    return [mention.name for mention in school_mentions(text)]


# --- fields of study -------------------------------------------------------------------------
_FIELD_CUE_EN = re.compile(
    r"\b(?:major|majored\s+in|majoring\s+in|major\s+in|field\s+of\s+study|concentration"
    r"|speciali[sz]ation)\s{0,2}[:：]"
    r"|\b(?:majored|majoring|major|specialized|specialised|specializing|specialising|"
    r"concentrated|concentrating)\s+in\b"
    r"|\bmy\s+(?:major|field|subject|degree)\s+(?:is|was)(?:\s+in)?\b"
    r"|\b(?:degree|diploma|phd|doctorate|msc|bsc|mba|ba|ma|bachelor'?s?|master'?s?)"
    r"(?:\s+degree)?\s+(?:of\s+(?:arts|science|engineering|fine\s+arts)\s+)?in\b"
    r"|\b(?:studied|study|studying|studies)\b",
    re.I,
)
# What follows a degree's name before its field: "'s degree (Hons) of Science in".
_DEGREE_OF = re.compile(
    r"^(?:'s)?\s{0,2}(?:degree\s{0,2})?(?:\((?:hons?|honours|honors)\)\s{0,2})?"
    r"(?:of\s+(?P<of>(?:arts|science|engineering|fine\s+arts|laws|education|commerce"
    r"|philosophy|business\s+administration|public\s+administration|public\s+health))\s*)?"
    r"(?:\((?:hons?|honours|honors)\)\s{0,2})?(?:in|of|[,:–-])?\s{0,2}",
    re.I,
)
_GENERIC_DEGREE_FIELDS = frozenset(terms("arts | science | engineering | philosophy | laws"))
_FIELD_BEFORE_EN = re.compile(
    r"\b(?:a|an)\s+((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)\s+(?:major|student|graduate)\b", re.I
)
# "a graduate student", "a first-year student": no field in those.
_NOT_A_FIELD_BEFORE = frozenset(
    terms(
        "graduate | undergraduate | high | phd | doctoral | masters | international | exchange"
        "| senior | junior | freshman | sophomore | first | second | third | fourth | final"
        "| mature | good | top | recent | fresh | college | university | school | former | current"
    )
)
# Words that end a field name: "computer science | at Tsinghua", "Statistics | GPA 3.9".
_FIELD_STOP = frozenset(
    terms(
        "at | from | in | but | with | for | while | because | so | then | during | since | when"
        "| which | where | to | until | on | as | i | who | after | before | last | this | that"
        "| was | is | are | were | have | has | had | will | would | like | degree | years | year"
        "| university | college | school | institute | academy | online | abroad | there | here"
        "| hard | full | part | now | every | each | myself | alone | gpa | graduated | expected"
        "| thesis | minor | honours | honors | hons | cum | summa | magna | present | diploma"
        "| student | students | graduate | candidate | program | programme"
    )
)
# "computer science and economics" is one answer; "physics and I enjoy chess" is not.
_AFTER_AND_STOP = frozenset(
    terms(
        "i | have | has | had | am | was | now | then | also | minored | did | got | worked"
        "| work | want | enjoy | like | love | my | went | graduated | later | a | an | the"
    )
)
_NOT_A_FIELD = frozenset(
    terms("a | an | the | very | well | really | lots | much | it | all | and | & | of")
)
_WORD = re.compile(r"[A-Za-z][A-Za-z&'-]*|&")
_SCHOOL_WORDS = frozenset(terms("university | college | school | institute | academy"))


def _field_words(rest: str) -> str | None:
    """The field name that `rest` starts with: "computer science at Tsinghua" → that field."""
    if in_chinese := re.match(r"\s*([\u4e00-\u9fff]{2,12})", rest):  # "studying 金融"
        return in_chinese.group(1).removesuffix("专业")
    words: list[str] = []
    tokens = rest.split()[:10]
    for index, token in enumerate(tokens):
        word = token.strip("\"'").rstrip(",;:|).")
        lowered = word.lower()
        if lowered in _SCHOOL_WORDS and words:
            return None  # "MBA, Harvard Business School": those words name the school
        if not _WORD.fullmatch(word) or lowered in _FIELD_STOP:
            break
        if lowered in {"and", "&"}:
            following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
            if not following or following in _FIELD_STOP or following in _AFTER_AND_STOP:
                break
        words.append(word)
        if len(words) == 5 or word != token.strip("\"'"):  # punctuation ended the field
            break
    while words and words[-1].lower() in {"and", "&", "of"}:
        words.pop()
    if not words or words[0].lower() in _NOT_A_FIELD:
        return None
    return " ".join(words)


def _field_after_degree(text: str, mentions: Sequence[Mention]) -> str | None:
    """ "BSc Computer Science", "Master of Science in Statistics", "MBA" → the field."""
    for mention in mentions:
        if not text[mention.start : mention.end].isascii() or mention.name == L.SECONDARY:
            continue  # a school diploma names no field
        rest = text[mention.end : mention.end + 120]
        lead = _DEGREE_OF.match(rest)
        if field := _field_words(rest[lead.end() :] if lead else rest):
            return field
        of_field = lead.group("of") if lead else None
        if of_field and of_field.casefold() not in _GENERIC_DEGREE_FIELDS:
            return of_field.title()  # "Master of Business Administration"
    return None


def _field_en(text: str, mentions: Sequence[Mention]) -> str | None:
    for match in _FIELD_CUE_EN.finditer(text):
        rest = re.sub(r"^\s*(?:a|an|the)\s+", " ", text[match.end() :], flags=re.I)
        if field := _field_words(rest):
            return field
    if field := _field_after_degree(text, mentions):
        return field
    before = _FIELD_BEFORE_EN.search(text)  # "a biology major", "a law student"
    if before is None or before.group(1).split()[0].lower() in _NOT_A_FIELD_BEFORE:
        return None
    return _field_words(before.group(1))


_FIELD_CUES_ZH: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:专业|主修)\s{0,2}[:：]\s{0,2}([^,;|，；、。\s]{2,30})"),
    re.compile(
        r"(?:学的是|专业是|专业为|读的是|念的是|修的是|主修|攻读|(?<![大中小])学的|读的|念的)\s*"
        r"([\u4e00-\u9fffA-Za-z& ]{1,24}?)\s*"
        r"(?:专业|系|方向|学位|的?(?:本科|硕士|博士|学位|课程)|[,，。;；!?！？]|$)"
    ),
    re.compile(r"(?:是|我)学([\u4e00-\u9fff]{2,8}?)的"),
    re.compile(
        r"(?:大学|学院)(?:读|学|念|就读|攻读)(?:的是)?([\u4e00-\u9fffA-Za-z]{2,12}?)"
        r"(?:专业|系|[,，。;；!?！？]|$)"
    ),
    # "计算机专业", "金融学专业", but not 专业技能 or 关系.
    re.compile(
        r"([\u4e00-\u9fffA-Za-z()]{2,24}?)"
        r"(?:专业(?!技能|八级|四级|能力|知识|课程|排名|背景)|(?<![关联体派统])系)"
    ),
)
# Whatever stands before these is not the field: "浙江大学|计算机专业", "毕业于复旦大学|金融学".
_FIELD_PREFIX_ZH = re.compile(
    r"^.*(?:学的是|读的是|学的|读的|我是|就读于|就读|毕业于|在读|攻读|主修|本科|硕士|博士"
    r"|研究生|大专|专科|高中|大学|学院|学校)"
)
_FIELD_LEAD_ZH = "我是的在了读学念个名于"  # characters that open a phrase, never a field
_NOT_A_FIELD_WORD_ZH = frozenset(
    terms("什么 | 哪个 | 这个 | 那个 | 好的 | 热门 | 冷门 | 对口 | 相关 | 一般 | 普通 | 一个")
)
# A résumé row's other columns: "GPA 3.8", "主修课程", "全日制", "…大学", "学士学位".
_NOT_A_FIELD_ZH = re.compile(
    r"^(?:GPA|绩点|主修课程|课程|排名|荣誉|获得|获|全日制|统招|学历|学位|在读|毕业)"
    r"|(?:大学|学院|学校|中学|学位|学历)$"
)


def _not_a_field_zh(text: str) -> bool:
    return text in _NOT_A_FIELD_WORD_ZH or bool(_NOT_A_FIELD_ZH.search(text))


def _field_zh(text: str) -> str | None:
    for pattern in _FIELD_CUES_ZH:
        for match in pattern.finditer(text):
            candidate = _FIELD_PREFIX_ZH.sub("", match.group(1).strip())
            candidate = candidate.lstrip(_FIELD_LEAD_ZH).strip("() ")
            too_short = len(candidate) < (2 if HAN.search(candidate) else 1)
            if too_short or _not_a_field_zh(candidate) or candidate in _LEVELS:
                continue  # "本科" is a degree, not a field
            return candidate
    return None


def field_of_study(text: str) -> str | None:
    """The major or field a text names: "majored in economics", "BSc Physics", "学的是会计"."""
    return _field(text, level_mentions(text))


def _field(text: str, mentions: Sequence[Mention]) -> str | None:
    return _field_en(text, mentions) or _field_zh(text)


def is_field_name(text: str) -> bool:
    """Whether a bare Chinese word can be a field (a row's column): not a degree or a school."""
    return not (_not_a_field_zh(text) or level_mentions(text) or school_mentions(text))


# "I studied", "在读", "专业": a sentence about study, where a role word names no job held.
_ABOUT_STUDY = re.compile(
    r"\b(?:graduated|studied|studying|enrolled|student|major(?:ed|ing)?|degree"
    r"|graduate\s+(?:student|school|degree))\b"
    r"|就读|毕业|在读|攻读|主修|专业|学位|学历|(?<!大)学的",
    re.I,
)


def about_study(text: str) -> bool:
    """Whether a text talks of studying: "a law student", "我在读研", "Major: Economics"."""
    return bool(_ABOUT_STUDY.search(text))


def education(clauses: Sequence[str]) -> Education | None:
    """What a message's clauses say of the person's education; degrees wished for left out."""
    held = [(clause, level_mentions(clause)) for clause in clauses if not is_wish(clause)]
    level = _highest([mention for _, mentions in held for mention in mentions])
    major = next((field for clause, named in held if (field := _field(clause, named))), None)
    school = next((found[0] for clause, _ in held if (found := schools(clause))), None)
    if not any((level, major, school)):
        return None
    return Education(level=level, major=major, school=school)
