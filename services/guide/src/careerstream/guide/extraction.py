"""Offline fact extraction: what one message tells the guide about a person (pure, bilingual).

Chinese and English lexicons and patterns both run on every message, so answers that mix
the two languages work as well. Free text keeps the person's own words; lexicon hits come
back in one canonical form. Input is cut to MAX_CHARS before anything else, and no pattern
nests an unbounded repetition inside another, so long or hostile input stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

from careerstream.contracts import (
    CollectedInfo,
    Constraints,
    Education,
    EducationLevel,
    Experience,
    Locale,
)
from careerstream.understanding.language import detect_locale

MAX_CHARS = 8000
MAX_SKILL_CHARS = 40
MAX_PHRASE_CHARS = 60
MAX_EXPERIENCE_CHARS = 200

_HAN = re.compile(r"[\u4e00-\u9fff]")


# --- shared tools ----------------------------------------------------------------------------
def _terms(spec: str) -> tuple[str, ...]:
    """Lexicon entries written compactly, "|" between forms: "part-time | part time"."""
    return tuple(term.strip() for term in spec.split("|") if term.strip())


def _surface_key(surface: str) -> str:
    """One key for "part-time", "part time", "Part Time" and "master's"/"masters"."""
    return re.sub(r"[\s'-]+", "", surface.casefold())


def _surface_pattern(surface: str) -> str:
    words = [re.escape(w).replace("'", "'?") for w in re.split(r"[\s-]+", surface) if w]
    pattern = r"[\s-]{0,2}".join(words)
    # Latin words need word edges ("go" is not in "good"); Chinese has none to respect.
    if surface[:1].isascii() and surface[:1].isalnum():
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if surface[-1:].isascii() and surface[-1:].isalnum():
        pattern += r"(?![A-Za-z0-9])"
    return pattern


class _Lexicon:
    """Labels with their surface forms, found leftmost and longest-first in one pass."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self._labels: dict[str, str] = {}
        for label, spec in entries.items():
            for surface in _terms(spec):
                self._labels.setdefault(_surface_key(surface), label)
        surfaces = sorted(
            (s for spec in entries.values() for s in _terms(spec)), key=len, reverse=True
        )
        self._pattern = re.compile("|".join(_surface_pattern(s) for s in surfaces), re.I)

    def hits(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        for match in self._pattern.finditer(text):
            # Case-insensitive matching accepts a few letters ("İ") whose casefold differs.
            if label := self._labels.get(_surface_key(match.group(0))):
                yield label, match

    def labels(self, text: str) -> list[str]:
        return _unique(label for label, _ in self.hits(text))

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self._pattern.search(text) is not None


def _same(*labels: str) -> dict[str, str]:
    """Entries whose label is their only surface form."""
    return {label: label for label in labels}


def _unique(items: Iterable[str]) -> list[str]:
    """Keep the first of each item, ignoring case and surrounding space."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        cleaned = item.strip()
        key = cleaned.casefold()
        if cleaned and key not in seen:
            seen.add(key)
            kept.append(cleaned)
    return kept


def _is_chinese(text: str) -> bool:
    return detect_locale(text, default=Locale.EN) is Locale.ZH


_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Dots inside abbreviations would otherwise end sentences early.
    (re.compile(r"\bPh\.?\s?D\b\.?", re.I), "PhD"),
    (re.compile(r"\b([BM])\.\s?(Sc|S|A|Eng)\.", re.I), r"\1\2"),
    (re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|vs)\.", re.I), r"\1"),
)


def _normalise(text: str) -> str:
    # NFKC makes full-width letters, digits and commas ASCII; it can lengthen, so cut again.
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])[:MAX_CHARS]
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


_SENTENCE_BREAK = re.compile(r"[!?;。！？；\n…]+|\.(?=\s|$)")
_CLAUSE_BREAK = re.compile(
    r"[,，:：()（）]"
    r"|\s+(?:and|but|then|so|while|whereas)\s+"
    r"(?=(?:now\s+|then\s+|later\s+|currently\s+|also\s+|still\s+)?(?:i|i'm|i've|i'd|my)\b)"
    r"|\s+(?:and|but|so)\s+(?=(?:also\s+)?(?:want|hope|plan|would\s+like|'d\s+like|wish|aim)\b)"
    r"|\s+because\s+|然后|后来|之后|现在|目前|但是|不过|同时|而且|并且|另外|因为|所以",
    re.I,
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _clauses(text: str) -> list[str]:
    return [c.strip() for s in _sentences(text) for c in _CLAUSE_BREAK.split(s) if c.strip()]


# Wishes and plans describe the future: they are goals, not degrees or jobs held.
_WISH = re.compile(
    r"\b(?:want|wanna|would like|'d like|would love|'d love|hope|hoping|wish|plan|planning|"
    r"dream|aim|aiming|intend|considering|thinking (?:about|of)|goal|prefer|looking (?:for|to)|"
    r"ideally|someday|one day)\b|想|希望|打算|计划|准备|梦想|目标|期望|考虑|愿意|最好|找工作|找一份|求职",
    re.I,
)


def _is_wish(clause: str) -> bool:
    return bool(_WISH.search(clause))


_NEGATION_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+){0,2}$|(?:不|没|没有|不太|不怎么|不是很|并不)$", re.I
)


def _negated(text: str, start: int) -> bool:
    """Whether the words just before `start` deny what follows ("not good at", "不喜欢")."""
    return bool(_NEGATION_BEFORE.search(text[max(0, start - 24) : start]))


_ZH_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
_EN_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        _terms(
            "one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve"
        ),
        start=1,
    )
} | {"a": 1.0, "an": 1.0, "fifteen": 15.0, "twenty": 20.0, "a couple of": 2.0, "half a": 0.5}


def _number(token: str) -> float | None:
    """Arabic, English-word or Chinese numerals up to 99: "3", "three", "两", "十五", "半"."""
    token = re.sub(r"\s+", " ", token.strip().lower())
    if re.fullmatch(r"\d{1,2}(?:\.\d+)?", token):
        return float(token)
    if token in _EN_NUMBERS:
        return _EN_NUMBERS[token]
    if token == "半":
        return 0.5
    if "十" in token:
        tens, _, ones = token.partition("十")
        if (tens and tens not in _ZH_DIGITS) or (ones and ones not in _ZH_DIGITS):
            return None
        return float(_ZH_DIGITS.get(tens, 1) * 10 + _ZH_DIGITS.get(ones, 0))
    return float(_ZH_DIGITS[token]) if token in _ZH_DIGITS else None


# Lists: "hiking, painting and teaching kids", "画画、摄影和编程".
_LIST_SEPARATOR = re.compile(
    r"\s*(?:,|、|/|;|\band\b|\bor\b|\bas well as\b|\bplus\b|以及|还有|或者|和|及|与|跟|或)\s*", re.I
)
# An item that starts like a new sentence ends the list: "hiking, and stability matters".
_NEW_CLAUSE_EN = re.compile(
    r"^(?:i|i'm|i've|i'd|i'll|my|me|we|it's|this|that|there|they|he|she|you|but|also|because|"
    r"so|although|though|while|which|who|especially|then|now|interested|passionate|keen|fond|"
    r"good|skilled|fluent|familiar)\b"
    r"|\b(?:matters?|important|value|want|hope|would like|'d like|goal|dream|plan|worked|"
    r"studied|degree|prefer|need|looking)\b",
    re.I,
)
_NEW_CLAUSE_ZH = re.compile(
    r"^[我也但还而所因另并就你他她]|看重|重要|在乎|希望|打算|目标|工作了|学的|专业|经验|擅长"
)
_FILLER = frozenset(
    _terms(
        "it | that | this | them | things | stuff | everything | anything | nothing | something"
        "| lots | much | many | a lot | some | all | both | none | yes | no | ok | okay | it all"
        "| 很多 | 东西 | 什么 | 一些 | 都 | 这个 | 那个 | 它 | 这些 | 等等 | 很多东西"
    )
)


def _list_items(phrase: str, limit: int) -> list[str]:
    """The items of a list phrase, up to where a new clause begins."""
    items: list[str] = []
    for raw in _LIST_SEPARATOR.split(phrase):
        item = raw.strip(" .,'\"“”()（）")
        if not item:
            continue
        if _NEW_CLAUSE_EN.search(item) or _NEW_CLAUSE_ZH.search(item):
            break
        if item.casefold() not in _FILLER and len(item) <= limit:
            items.append(item)
    return items


def _cued_phrase(text: str, match: re.Match[str], *, chinese: bool) -> str:
    """What follows a cue: to the end of the sentence for English, whose lists use commas, and
    to the next comma for Chinese (a cue or a phrase in Chinese), whose lists use 、."""
    rest = text[match.end() : match.end() + 160]
    chinese = chinese or bool(_HAN.match(rest.lstrip()[:1]))
    # An English list also ends where the message turns Chinese: "I enjoy hiking，想转行".
    english_end = r"[;；。!?！？\n]|\.(?:\s|$)|[,，]\s*(?=[\u4e00-\u9fff])"
    end = re.search(r"[,，。;；!?！？\n]" if chinese else english_end, rest)
    return rest[: end.start()] if end else rest


# --- education -------------------------------------------------------------------------------
_LEVEL_RANK = ("high school", "associate", "bachelor", "master", "doctorate")
_LEVEL_LEXICON = _Lexicon(
    {
        "doctorate": "phd | doctorate | doctoral degree | doctor's degree | dphil | 博士 | 读博",
        "master": (
            "master's | masters | master degree | master of arts | master of science"
            "| master of engineering | master of business administration | msc | mba | mphil"
            "| postgraduate | post-graduate | graduate degree | graduate school | grad school"
            "| 硕士 | 研究生 | 读研 | 研一 | 研二 | 研三"
        ),
        "bachelor": (
            "bachelor's | bachelors | bachelor | bachelor of arts | bachelor of science | bsc"
            "| beng | undergraduate | undergrad | college degree | university degree"
            "| 本科 | 学士 | 大学毕业 | 大学生 | 读大学 | 上大学 | 大一 | 大二 | 大三 | 大四"
        ),
        "associate": (
            "associate degree | associate's degree | associate's | community college"
            "| junior college | diploma | 大专 | 专科 | 高职"
        ),
        "high school": (
            "high school diploma | high school | secondary school | ged| 高中 | 中专 | 职高 | 技校"
        ),
    }
)
# Short degree names are trusted only in capitals ("MA", not "ma"), and "BS"/"MS" before "in".
_LEVEL_ACRONYMS = re.compile(
    r"(?<![A-Za-z])(?:(?P<doctorate>PhD|DPhil|EdD)"
    r"|(?P<master>MBA|MSc|MA|MEng|MPhil|MFA|MPA|MPH|LLM|MS(?=\s+(?:in|degree)\b))"
    r"|(?P<bachelor>BA|BSc|BEng|BBA|BFA|LLB|BS(?=\s+(?:in|degree)\b)))(?![A-Za-z])"
)
# "a high school teacher" names a job, not the person's degree; so does teaching its students.
_LEVEL_TEACHER = re.compile(
    r"\s*(?:[A-Za-z]+\s+)?(?:teachers?)\b|\s*[\u4e00-\u9fff]{0,2}(?:老师|教师)", re.I
)
_LEVEL_PUPILS = re.compile(r"\s*(?:students?|kids|children|pupils|classes|学生)", re.I)
_TEACHING = re.compile(r"\b(?:teach|teaches|teaching|taught|tutor|tutoring)\b|教", re.I)

_MAJOR_CUE_EN = re.compile(
    r"\b(?:majored|majoring|major|specialized|specialised|specializing|specialising|"
    r"concentrated|concentrating)\s+in\b"
    r"|\bmy\s+(?:major|field|subject|degree)\s+(?:is|was)(?:\s+in)?\b"
    r"|\b(?:degree|diploma|phd|doctorate|msc|bsc|mba|ba|ma|bachelor'?s?|master'?s?)"
    r"(?:\s+degree)?\s+(?:of\s+(?:arts|science|engineering|fine\s+arts)\s+)?in\b"
    r"|\b(?:studied|study|studying|studies)\b",
    re.I,
)
_MAJOR_BEFORE_EN = re.compile(
    r"\b(?:a|an)\s+((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)\s+(?:major|student|graduate)\b", re.I
)
# "a graduate student", "a first-year student": no field in those.
_NOT_A_FIELD_BEFORE = frozenset(
    _terms(
        "graduate | undergraduate | high | phd | doctoral | masters | international | exchange"
        "| senior | junior | freshman | sophomore | first | second | third | fourth | final"
        "| mature | good | top | recent | fresh | college | university | school | former | current"
    )
)
# Words that end a field name: "computer science | at Tsinghua".
_FIELD_STOP = frozenset(
    _terms(
        "at | from | in | but | with | for | while | because | so | then | during | since | when"
        "| which | where | to | until | on | as | i | who | after | before | last | this | that"
        "| was | is | are | were | have | has | had | will | would | like | degree | years | year"
        "| university | college | school | online | abroad | there | here | hard | full | part"
        "| now | every | each | myself | alone"
    )
)
# "computer science and economics" is one answer; "physics and I enjoy chess" is not.
_AFTER_AND_STOP = frozenset(
    _terms(
        "i | have | has | had | am | was | now | then | also | minored | did | got | worked"
        "| work | want | enjoy | like | love | my | went | graduated | later | a | an | the"
    )
)
_NOT_A_FIELD = frozenset(_terms("a | an | the | very | well | really | lots | much | it | all"))

_MAJOR_CUES_ZH: tuple[re.Pattern[str], ...] = (
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
    re.compile(r"([\u4e00-\u9fffA-Za-z]{2,12})(?:专业|系)"),
)
# Whatever stands before these in a "…专业" phrase is not the field: "浙江大学|计算机专业".
_MAJOR_PREFIX_ZH = re.compile(
    r"^.*(?:学的是|读的是|学的|读的|我是|就读|毕业于|在读|本科|硕士|博士|研究生|大专|专科|高中|大学|学院)"
)
_MAJOR_LEAD_ZH = re.compile(r"^[我是的在了读学念个名]+")
_NOT_A_FIELD_ZH = frozenset(
    _terms("什么 | 哪个 | 这个 | 那个 | 好的 | 热门 | 冷门 | 对口 | 相关 | 一般 | 普通 | 一个")
)

_SCHOOL_EN = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][\w'&.-]*\s+){0,5}(?:University|College|Institute|Academy|Polytechnic)"
    r"(?:\s+of(?:\s+(?:and\s+)?[A-Z][\w'&.-]*){1,5})?)"
)
_SCHOOL_EN_LEAD = re.compile(r"^(?:(?:At|From|In|The|My|I|A|An|To|And|Graduated)\s+)+")
_SCHOOL_ZH = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:大学|学院))")
# Everything up to the last of these is not part of the name: "我毕业于|浙江大学".
_SCHOOL_ZH_CUT = re.compile(r"^.*(?:毕业于|就读于|我|是|在|从|于|的|了|读|念|考上|上了)")
_SCHOOL_ZH_LEAD = re.compile(r"^(?:本科|硕士|博士|研究生|一所|一个|一家|某)+")
_GENERIC_SCHOOL = frozenset(
    _terms(
        "普通 | 一般 | 重点 | 名牌 | 国外 | 本地 | 外地 | 当地 | 省内 | 二本 | 三本 | 985 | 211"
        "| 不错的 | 好的 | 一流 | 上 | 读"
    )
)


def _level(clauses: Sequence[str]) -> str | None:
    found: set[str] = set()
    for clause in clauses:
        if _is_wish(clause):
            continue
        for label, match in _LEVEL_LEXICON.hits(clause):
            pupils = _LEVEL_PUPILS.match(clause, match.end()) and _TEACHING.search(clause)
            if not (_LEVEL_TEACHER.match(clause, match.end()) or pupils):
                found.add(label)
        for match in _LEVEL_ACRONYMS.finditer(clause):
            found.update(name for name, value in match.groupdict().items() if value)
    # The highest degree named is the one that counts: "a bachelor's and then a master's".
    return next((level for level in reversed(_LEVEL_RANK) if level in found), None)


def _field_words(rest: str) -> str | None:
    """The field name that `rest` starts with: "computer science at Tsinghua" → that field."""
    if in_chinese := re.match(r"\s*([\u4e00-\u9fff]{2,12})", rest):  # "studying 金融"
        return in_chinese.group(1).removesuffix("专业")
    words: list[str] = []
    tokens = rest.split()[:10]
    for index, token in enumerate(tokens):
        word = token.strip("\"'")
        lowered = word.lower()
        if not re.fullmatch(r"[A-Za-z][A-Za-z&'-]*|&", word) or lowered in _FIELD_STOP:
            break
        if lowered in {"and", "&"}:
            following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
            if not following or following in _FIELD_STOP or following in _AFTER_AND_STOP:
                break
        words.append(word)
        if len(words) == 5:
            break
    if not words or words[0].lower() in _NOT_A_FIELD | {"and", "&"}:
        return None
    return " ".join(words)


def _major_en(clause: str) -> str | None:
    for match in _MAJOR_CUE_EN.finditer(clause):
        rest = re.sub(r"^\s*(?:a|an|the)\s+", " ", clause[match.end() :], flags=re.I)
        if field := _field_words(rest):
            return field
    before = _MAJOR_BEFORE_EN.search(clause)  # "a biology major", "a law student"
    if before is None or before.group(1).split()[0].lower() in _NOT_A_FIELD_BEFORE:
        return None
    return _field_words(before.group(1))


def _major_zh(clause: str) -> str | None:
    for pattern in _MAJOR_CUES_ZH:
        for match in pattern.finditer(clause):
            candidate = _MAJOR_PREFIX_ZH.sub("", match.group(1).strip())
            candidate = _MAJOR_LEAD_ZH.sub("", candidate).strip()
            too_short = len(candidate) < (2 if _HAN.search(candidate) else 1)
            usable = not too_short and candidate not in _NOT_A_FIELD_ZH
            if usable and candidate not in _LEVEL_LEXICON:  # "本科" is a degree, not a field
                return candidate
    return None


def _schools(text: str) -> list[tuple[str, int, int]]:
    """Each school named and where it stands, so place names inside it can be skipped."""
    found: list[tuple[str, int, int]] = []
    for match in _SCHOOL_EN.finditer(text):
        name = _SCHOOL_EN_LEAD.sub("", match.group(1)).strip()
        if " " in name:  # a bare "College" names no school
            found.append((name, match.start(1), match.end(1)))
    for match in _SCHOOL_ZH.finditer(text):
        name = _SCHOOL_ZH_LEAD.sub("", _SCHOOL_ZH_CUT.sub("", match.group(1)))
        stem = name.removesuffix("大学").removesuffix("学院")
        if len(stem) >= 2 and stem not in _GENERIC_SCHOOL:
            found.append((name, match.start(1), match.end(1)))
    return found


def _education(clauses: Sequence[str]) -> Education | None:
    plain = [c for c in clauses if not _is_wish(c)]
    level = _level(clauses)
    major = next((m for c in plain if (m := _major_en(c) or _major_zh(c))), None)
    school = next((found[0][0] for c in plain if (found := _schools(c))), None)
    if not any((level, major, school)):
        return None
    return Education(level=EducationLevel(level) if level else None, major=major, school=school)


# --- experience ------------------------------------------------------------------------------
_ROLE_LEXICON = _Lexicon(
    {
        "software engineer": "software engineer | software developer",
        "lab technician": "lab technician | laboratory technician",
        "programmer": "programmer | coder",
        "doctor": "doctor | physician",
        "lawyer": "lawyer | attorney",
        "waiter": "waiter | waitress",
        "salesperson": "salesperson | sales representative | sales rep | sales associate",
        "writer": "writer | copywriter | content writer",
        "journalist": "journalist | reporter",
        "translator": "translator | interpreter",
        "counselor": "counselor | counsellor",
    }
    | _same(
        *_terms(
            "data scientist | data analyst | data engineer | machine learning engineer"
            "| financial analyst | business analyst | product manager | project manager"
            "| marketing manager | sales manager | account manager | operations manager"
            "| store manager | engineer | developer | web developer | graphic designer"
            "| ui designer | ux designer | designer | teacher | teaching assistant"
            "| research assistant | tutor | lecturer | professor | nurse | dentist | pharmacist"
            "| therapist | accountant | auditor | bookkeeper | cashier | analyst | consultant"
            "| paralegal | chef | cook | baker | barista | driver | sales | marketing | marketer"
            "| manager | researcher | scientist | technician | editor | receptionist | assistant"
            "| administrator | customer service | recruiter | hr | intern | mechanic | electrician"
            "| plumber | architect | photographer | artist | musician | clerk | civil servant"
            "| police officer | social worker | banker | farmer | soldier | security guard"
            "| cleaner | operations | entrepreneur | freelancer"
        ),
        *_terms(
            "软件工程师 | 数据分析师 | 数据科学家 | 财务分析师 | 金融分析师 | 产品经理 | 项目经理"
            "| 销售经理 | 市场经理 | 客户经理 | 工程师 | 程序员 | 开发 | 前端 | 后端 | 测试"
            "| 前端开发 | 后端开发 | 软件开发 | 测试工程师 | 开发工程师"
            "| 设计师 | 教师 | 老师 | 家教 | 讲师 | 教授 | 助教 | 护士 | 医生 | 大夫 | 牙医"
            "| 药剂师 | 会计 | 出纳 | 审计 | 财务 | 分析师 | 顾问 | 咨询师 | 律师 | 法务 | 厨师"
            "| 服务员 | 司机 | 销售 | 市场 | 运营 | 行政 | 客服 | 人事 | 经理 | 主管 | 研究员"
            "| 技术员 | 编辑 | 记者 | 翻译 | 收银员 | 前台 | 助理 | 实习生 | 文员 | 摄影师"
            "| 建筑师 | 公务员 | 警察 | 军人 | 农民 | 工人 | 店员 | 导游 | 主播 | 社工 | 保安"
            "| 快递员 | 外卖员 | 柜员 | 自由职业者"
        ),
    )
)
# A Chinese job title may carry its field in front: 英语老师, 中学教师.
_ZH_TITLE_ENDINGS = _terms(
    "老师 | 教师 | 工程师 | 设计师 | 分析师 | 经理 | 顾问 | 专员 | 主管 | 助理"
)
_ZH_NOT_A_MODIFIER = re.compile(
    r"[的了过个名位年半做当是在任干一二两三四五六七八九十几多家我你他她从事担就职]"
)
_ROLE_INTRO_EN = re.compile(
    r"\b(?:as|i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|used\s+to\s+be)\s+(?:an?\s+)?",
    re.I,
)
_NOT_A_MODIFIER_EN = frozenset(
    _terms("a | an | the | at | for | in | with | and | my | our | of | to")
)

_YEARS_EN = re.compile(
    r"(?<![\w.])(\d{1,2}(?:\.\d+)?|a\s+couple\s+of|half\s+a|an|a|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\+?\s*(?:more\s+)?(years?|months?)\b"
    r"(?!\s+(?:ago|old|later|from\s+now|time))",
    re.I,
)
_YEARS_ZH = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二两三四五六七八九十半]{1,3})\s*多?\s*(个月|年)(半)?"
    r"(?!前|后(?!端|台)|级|代|底|初|纪|龄|薪)"
)
_FUTURE_SPAN_EN = re.compile(r"\b(?:in|within|after|next)\s+$", re.I)

_WORK_EN = re.compile(
    r"\bi(?:'m|\s+am|'ve|\s+have|\s+had|\s+was)?\s+(?:been\s+)?"
    r"(?:currently\s+|now\s+|also\s+|previously\s+|still\s+)?"
    r"(?:work|worked|working|employed|interned|interning)\s+(?:as|at|for|in|with|on)\b"
    r"|\b(?:worked|working|interned|employed)\s+(?:as|at|for)\b"
    r"|\b(?:internships?|job|position)\s+(?:as|at|with|in)\b"
    r"|\b(?:did|done|doing|had|have)\s+(?:an?\s+)?internships?\b"
    r"|\bexperience\s+(?:as|in|at|with|working)\b"
    r"|\byears?\s+(?:as|of\s+(?:\w+\s+)?experience|at|in)\b"
    r"|\bmy\s+(?:current\s+|last\s+|previous\s+|first\s+)?(?:job|role|position)\s+(?:is|was)\b"
    r"|\bused\s+to\s+(?:be|work)\b",
    re.I,
)
_IS_A_ROLE_EN = re.compile(
    r"\bi(?:'m|\s+am|\s+was|'ve\s+been|\s+have\s+been)\s+(?:currently\s+|now\s+)?an?\s+", re.I
)
_WORKPLACE_EN = re.compile(
    r"\b(?i:at|for|with|in)\s+(?:(?i:a|an|the|my|our)\s+)?"
    r"(?:[A-Z][\w&'.-]*|(?i:(?:[a-z'-]+\s+){0,2}(?:company|bank|hospital|clinic|school|startup|"
    r"start-up|firm|agency|factory|restaurant|cafe|store|shop|studio|lab|laboratory|government|"
    r"nonprofit|non-profit|ngo|corporation|office|hotel|university|college|charity|warehouse|"
    r"supermarket)))\b"
)
_WORK_ZH = re.compile(
    r"工作|上班|实习|任职|就职|打工|兼职过|做过|干过|当过|担任|从事|经验|做了|干了|当了|教了|教过|带过"
    r"|(?:去了?|到|在)[\u4e00-\u9fffA-Za-z]{1,10}(?:当|做)"
)
_IS_A_ROLE_ZH = re.compile(r"我(?:现在|目前)?(?:是|在做|做)(?:一名|一个|一位|名|个|位)?")
_WORKPLACE_ZH = re.compile(
    r"(?<![现正存实所自好])在(?![意乎于])[^,，。;；!?！？]{1,15}?(?:工作|上班|实习|任职|就职)"
    r"|公司|银行|医院|学校|工厂|企业|单位|机构|事务所|酒店|餐厅|饭店|超市|商场|门店|工作室|实验室|"
    r"政府|集团|研究所|律所|报社|电视台|外企|国企|央企|腾讯|阿里|华为|字节|百度|京东|美团|小米|网易"
)
_ABOUT_STUDY = re.compile(
    r"\b(?:student|major|majoring|degree|graduate)\b|专业|学的|主修|在读|学生", re.I
)
# Having no work yet answers the question too.
_NO_WORK = re.compile(
    r"\b(?:no\s+(?:\w+\s+)?(?:work\s+|job\s+)?experience|not\s+(?:much|any)\s+experience|"
    r"never\s+(?:had\s+a\s+job|worked)|haven'?t\s+(?:had\s+a\s+job|worked)|"
    r"have\s+not\s+(?:had\s+a\s+job|worked)|no\s+job\s+yet|just\s+graduated|recent\s+graduate|"
    r"fresh\s+graduate|still\s+(?:a\s+student|in\s+(?:school|college|university)|studying)|"
    r"i'?m\s+(?:still\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}student)\b"
    r"|没有(?:任何)?(?:工作|实习)?经验|没(?:有)?(?:工作|上班)过|还没(?:有)?(?:参加)?工作|刚毕业|应届|"
    r"还是学生|在读|在校生|没上过班|没有工作",
    re.I,
)
_INTERNSHIP = re.compile(r"\binter(?:ned|ning|nships?)\b|实习", re.I)
# A clause that goes on about the job just named: "…, as a nurse, for 3 years".
_CONTINUES_EN = re.compile(r"^(?:as|for|at|in|where|mostly|mainly|about|around|\d)\b", re.I)
_CONTINUES_ZH = re.compile(
    r"^(?:做|当|担任|负责|主要|大概|共|一共|总共|\d|[一二两三四五六七八九十半])"
)


def _years(clause: str) -> float | None:
    for match in _YEARS_EN.finditer(clause):
        if _FUTURE_SPAN_EN.search(clause[max(0, match.start() - 8) : match.start()]):
            continue  # "in five years" is a goal's horizon, not time served
        amount = _number(match.group(1))
        if amount is not None:
            months = match.group(2).lower().startswith("month")
            return round(amount / 12, 2) if months else amount
    for match in _YEARS_ZH.finditer(clause):
        amount = _number(match.group(1))
        if amount is None:
            continue
        if match.group(2) == "个月":
            return round(amount / 12, 2)
        return amount + (0.5 if match.group(3) else 0.0)
    return None


def _role(clause: str) -> str | None:
    hits = list(_ROLE_LEXICON.hits(clause))
    if not hits:
        return None
    label, match = max(hits, key=lambda hit: len(hit[1].group(0)))
    if _HAN.search(label):
        return _with_zh_modifier(clause, match)
    return _with_en_modifier(clause, label, match)


def _with_zh_modifier(clause: str, match: re.Match[str]) -> str:
    """ "当过两年英语老师" → "英语老师"; other titles stand alone."""
    start = match.start()
    if match.group(0).endswith(_ZH_TITLE_ENDINGS):
        while start > 0 and match.start() - start < 4:
            char = clause[start - 1]
            if not _HAN.match(char) or _ZH_NOT_A_MODIFIER.match(char):
                break
            start -= 1
    return clause[start : match.end()]


def _with_en_modifier(clause: str, label: str, match: re.Match[str]) -> str:
    """ "as a senior lab technician" → "senior lab technician"; else the lexicon label."""
    before = clause[max(0, match.start() - 40) : match.start()]
    intros = list(_ROLE_INTRO_EN.finditer(before))
    if not intros:
        return label
    modifiers = before[intros[-1].end() :].split()
    plain_words = all(
        re.fullmatch(r"[A-Za-z][A-Za-z-]*", w) and w.lower() not in _NOT_A_MODIFIER_EN
        for w in modifiers
    )
    if len(modifiers) > 3 or not plain_words:
        return label
    return " ".join([*modifiers, match.group(0)])


def _experience_item(clause: str) -> Experience | None:
    if _NO_WORK.search(clause):
        return Experience(text=clause[:MAX_EXPERIENCE_CHARS])
    if _is_wish(clause):
        return None
    role, years = _role(clause), _years(clause)
    says_role = role is not None and not _ABOUT_STUDY.search(clause)
    english = bool(_WORK_EN.search(clause)) or (says_role and bool(_IS_A_ROLE_EN.search(clause)))
    intro_zh = _IS_A_ROLE_ZH.search(clause)
    role_follows_intro = (
        intro_zh is not None and role is not None and 0 <= clause.find(role) - intro_zh.end() < 10
    )
    chinese = bool(_WORK_ZH.search(clause)) or (says_role and role_follows_intro)
    if not (english or chinese):
        return None
    workplace = _WORKPLACE_EN.search(clause) or _WORKPLACE_ZH.search(clause)
    if role is None and years is None and workplace is None:
        return None
    if role is None and (internship := _INTERNSHIP.search(clause)):
        role = "实习生" if _HAN.search(internship.group(0)) else "intern"
    return Experience(text=clause[:MAX_EXPERIENCE_CHARS], role=role, years=years)


def _join_clauses(first: str, second: str) -> str:
    comma = "，" if _HAN.search(first[-1:] + second[:1]) else ", "
    return f"{first}{comma}{second}"[:MAX_EXPERIENCE_CHARS]


def _continued(previous: Experience, clause: str) -> Experience | None:
    """ "I worked at Huawei, as an engineer, for two years": the later clauses fill it in."""
    if not (_CONTINUES_EN.search(clause) or _CONTINUES_ZH.search(clause)) or _is_wish(clause):
        return None
    role, years = _role(clause), _years(clause)
    if (role is None or previous.role) and (years is None or previous.years is not None):
        return None
    return previous.model_copy(
        update={
            "text": _join_clauses(previous.text, clause),
            "role": previous.role or role,
            "years": previous.years if previous.years is not None else years,
        }
    )


_SUBJECT_START = re.compile(r"^(?:i|i'm|i've|i'd|my)\b|^我", re.I)


def _one_job(previous: Experience, item: Experience, clause: str) -> Experience | None:
    """ "我是一名护士，在医院工作了八年": two clauses, one job, each half saying what the other lacks."""
    no_work = previous.role is None and item.role is None and _NO_WORK.search(item.text)
    no_work = no_work and _NO_WORK.search(previous.text)
    role_then_years = previous.role and previous.years is None and item.years and not item.role
    years_then_role = previous.years and previous.role is None and item.role and item.years is None
    if not (no_work or role_then_years or years_then_role) or _SUBJECT_START.search(clause):
        return None
    return previous.model_copy(
        update={
            "text": _join_clauses(previous.text, item.text),
            "role": previous.role or item.role,
            "years": previous.years if previous.years is not None else item.years,
        }
    )


def _experience(clauses: Sequence[str]) -> list[Experience]:
    found: list[Experience] = []
    previous: Experience | None = None
    for clause in clauses:
        item = _experience_item(clause)
        joined = None
        if previous is not None:
            joined = (
                _continued(previous, clause) if item is None else _one_job(previous, item, clause)
            )
        if joined is not None:
            found[-1] = previous = joined
            continue
        if item is not None:
            found.append(item)
        previous = item
    return found


# --- skills ----------------------------------------------------------------------------------
# Tools and programming languages are skills wherever they are named (outside wishes).
_TOOL_LEXICON = _Lexicon(
    {
        "JavaScript": "JavaScript | JS",
        "C++": "C++ | cpp",
        "SQL": "SQL | MySQL | PostgreSQL",
        "PowerPoint": "PowerPoint | PPT",
        "Photoshop": "Photoshop",
        "AutoCAD": "AutoCAD | CAD",
        "Premiere": "Premiere | Premiere Pro",
        "Final Cut": "Final Cut | Final Cut Pro",
    }
    | _same(
        *_terms(
            "Python | Java | TypeScript | C# | Golang | Excel | Illustrator | Figma | Tableau"
            "| Power BI | MATLAB | SPSS | Stata | Linux | Docker | Kubernetes | HTML | CSS | 剪映"
        )
    )
)
_ABILITY_LEXICON = _Lexicon(
    {
        "programming": "programming | coding | software development | code | 编程 | 写代码",
        "data analysis": "data analysis | data analytics | analysing data | analyzing data",
        "数据分析": "数据分析",
        "machine learning": "machine learning | deep learning | AI",
        "机器学习": "机器学习 | 深度学习 | 人工智能",
        "statistics": "statistics",
        "统计": "统计 | 统计学",
        "accounting": "accounting | bookkeeping",
        "会计": "会计 | 记账",
        "财务": "财务 | 财务分析",
        "writing": "writing | copywriting | creative writing",
        "写作": "写作 | 文案 | 写文章",
        "editing": "editing",
        "video editing": "video editing",
        "剪辑": "剪辑 | 视频剪辑 | 剪视频",
        "translation": "translation | translating | interpreting",
        "翻译": "翻译",
        "public speaking": "public speaking | presenting | presentations",
        "演讲": "演讲 | 表达",
        "communication": "communication | communicating | talking to people",
        "沟通": "沟通 | 交流",
        "leadership": "leadership | leading teams | leading a team | managing people",
        "领导力": "领导力 | 领导",
        "teamwork": "teamwork | working in a team | collaboration",
        "团队合作": "团队合作 | 团队协作",
        "negotiation": "negotiation | negotiating",
        "谈判": "谈判",
        "sales": "sales | selling",
        "销售": "销售",
        "marketing": "marketing | social media marketing | digital marketing",
        "营销": "营销 | 市场营销",
        "运营": "运营 | 新媒体运营 | 内容运营 | 用户运营",
        "project management": "project management | managing projects",
        "项目管理": "项目管理",
        "management": "management",
        "管理": "管理",
        "customer service": "customer service",
        "客户服务": "客户服务 | 客服",
        "teaching": "teaching | tutoring",
        "教学": "教学 | 讲课 | 教书",
        "research": "research",
        "研究": "研究 | 科研",
        "design": "design | graphic design | ui design | ux design | web design",
        "设计": "设计 | 平面设计 | UI设计",
        "drawing": "drawing | painting | illustration",
        "绘画": "绘画 | 画画 | 手绘",
        "photography": "photography",
        "摄影": "摄影 | 拍照",
        "cooking": "cooking | baking",
        "烹饪": "烹饪 | 做饭 | 做菜",
        "organising": "organising | organizing | event planning | planning events",
        "策划": "策划 | 组织活动",
        "first aid": "first aid | cpr",
        "急救": "急救",
        "office software": "microsoft office | ms office | office software",
        "办公软件": "办公软件",
        "English": "english",
        "英语": "英语 | 英文",
        "Chinese": "chinese | mandarin",
        "普通话": "普通话 | 中文",
        "粤语": "粤语 | cantonese",
        "Japanese": "japanese",
        "日语": "日语",
        "Korean": "korean",
        "韩语": "韩语",
        "French": "french",
        "法语": "法语",
        "German": "german",
        "德语": "德语",
        "Spanish": "spanish",
        "西班牙语": "西班牙语",
        "driving": "driving",
        "开车": "开车 | 驾驶",
    }
)
# Tool names that are also everyday words ("react", "rust", "go"): trusted only as written, in
# a sentence about skills.
_PLAIN_WORD_TOOLS = {
    name: name for name in _terms("R | C | Go | Word | VBA | SAS | React | Rust | Git | Sketch")
}
_PLAIN_WORD_TOOLS["PS"] = "Photoshop"
_SKILL_CUE_STRONG_EN = re.compile(
    r"\b(?:(?:really|very|pretty|quite|fairly)\s+)?"
    r"(?:good|great|skilled|proficient|experienced|fluent|competent|strong|confident|expert|adept)"
    r"\s+(?:at|in|with)\b"
    r"|\bfamiliar\s+with\b|\bi\s+know\s+how\s+to\b|\bspeciali[sz]e\s+in\b"
    r"|\bi\s+have\s+(?:good\s+|strong\s+|solid\s+)?(?:skills|experience)\s+(?:in|with)\b"
    r"|\bmy\s+(?:main\s+|key\s+|best\s+)?(?:skills|strengths)\s+(?:are|include)\b"
    r"|\bmy\s+(?:main\s+|key\s+|best\s+)?(?:skill|strength)\s+is\b|\bi'?m\s+able\s+to\b",
    re.I,
)
_SKILL_CUE_WEAK_EN = re.compile(r"\bi\s+(?:also\s+)?(?:can(?!'t|not)|know|speak|use)\b", re.I)
_SKILL_ADJECTIVE_EN = re.compile(
    r"\b(?:good|strong|excellent|great|solid|decent)\s+((?:[a-z+#-]+\s+){0,2}[a-z+#-]+)\s+skills\b",
    re.I,
)
_SKILL_CUE_STRONG_ZH = re.compile(
    r"擅长|熟悉|掌握了?|精通|熟练(?:使用|掌握|运用)?|善于|拿手的?是?|特长是|技能(?:有|是|包括)|会用|懂得?"
)
# A bare 会 is also "will" and starts 会计/会议: only a few safe forms count.
_SKILL_CUE_WEAK_ZH = re.compile(
    r"(?:我|还|也|都)会(?!计|议|员|不|在|去|是|有|被|把|让|给|成|觉|想|努力|好好|认真|继续|考虑|"
    r"尽量|一直|经常|再|更|多|先|跟|和)|会说|会做|会弹"
)
_ABILITY_ZH = re.compile(
    r"(?:有|具备|具有)?(?:很?强|较强|良好|不错)?的?([\u4e00-\u9fffA-Za-z]{2,8}?)能力"
)
_NOT_AN_ABILITY = re.compile(
    r"\b(?:work|start|be|do|go|come|move|relocate|live|only|join|begin|commute|help)\b|[在去来是到]",
    re.I,
)
_LEARNING = re.compile(r"\blearn|学习|学会|想学", re.I)


def _skill_items(phrase: str, *, max_words: int) -> list[str]:
    """Lexicon names in a skills phrase, else the person's own words if they are few."""
    skills: list[str] = []
    for item in _list_items(phrase, MAX_SKILL_CHARS):
        item = re.sub(r"^(?:to|use|using|speak|speaking|do|doing)\s+", "", item, flags=re.I)
        named = _TOOL_LEXICON.labels(item) + _ABILITY_LEXICON.labels(item)
        named += [_PLAIN_WORD_TOOLS[w] for w in re.findall(r"\w+", item) if w in _PLAIN_WORD_TOOLS]
        if named:
            skills += named
        elif len(item.split()) <= max_words and not _NOT_AN_ABILITY.search(item):
            skills.append(item)
    return skills


_SKILL_CUES: tuple[tuple[re.Pattern[str], bool, int], ...] = (
    # pattern, Chinese, how many words of the person's own an unknown skill may have
    (_SKILL_CUE_STRONG_EN, False, 5),
    (_SKILL_CUE_WEAK_EN, False, 2),
    (_SKILL_CUE_STRONG_ZH, True, 1),
    (_SKILL_CUE_WEAK_ZH, True, 1),
)


def _skills(text: str, clauses: Sequence[str]) -> list[str]:
    skills: list[str] = []
    for sentence in _sentences(text):
        for pattern, chinese, max_words in _SKILL_CUES:
            for match in pattern.finditer(sentence):
                phrase = _cued_phrase(sentence, match, chinese=chinese)
                if _negated(sentence, match.start()):
                    continue
                skills += _skill_items(phrase, max_words=max_words)
        for match in _SKILL_ADJECTIVE_EN.finditer(sentence):
            skills += _skill_items(match.group(1), max_words=3)
        for match in _ABILITY_ZH.finditer(sentence):
            # "我的沟通能力", "也有一定的领导能力": the ability is what stands right before 能力.
            ability = re.sub(r"^.*(?:的|有|具备|具有|我)", "", match.group(1))
            skills += _skill_items(ability, max_words=1)
    for clause in clauses:
        if not _is_wish(clause) and not _LEARNING.search(clause):
            skills += _TOOL_LEXICON.labels(clause)
    return _unique(skills)


# --- interests -------------------------------------------------------------------------------
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
_A_JOB = re.compile(r"\b(?:jobs?|work|careers?|positions?|roles?)$|(?:工作|职业|岗位)$", re.I)
_WORK_WORDS = re.compile(
    r"\b(?:job|jobs|work|career|workplace|company)\b|工作|职业|公司|环境", re.I
)


def _interest_items(phrase: str) -> list[str]:
    items: list[str] = []
    for item in _list_items(phrase, MAX_PHRASE_CHARS):
        item = _INTEREST_TRIM_EN.sub("", _INTEREST_TRIM_EN.sub("", item)).strip()
        # "I like a stable job", "喜欢安静的工作": what a job should be, not what they enjoy.
        about_conditions = item in _VALUE_LEXICON or _names_a_condition(item)
        wished_job = (about_conditions and _WORK_WORDS.search(item)) or _A_JOB.search(item)
        if item and not wished_job:
            items.append(item)
    return items


def _interests(text: str) -> list[str]:
    interests: list[str] = []
    for sentence in _sentences(text):
        for pattern, chinese in ((_INTEREST_CUE_EN, False), (_INTEREST_CUE_ZH, True)):
            for match in pattern.finditer(sentence):
                phrase = _cued_phrase(sentence, match, chinese=chinese)
                if chinese and _negated(sentence, match.start()):
                    continue
                interests += _interest_items(phrase)
        for match in _INTEREST_OBJECT_ZH.finditer(sentence):
            if not _negated(sentence, match.end(1)):
                interests += _interest_items(match.group(1))
    return _unique(interests)


# --- values ----------------------------------------------------------------------------------
# English label, Chinese label, the words that name the value in either language.
_VALUES: tuple[tuple[str, str, str], ...] = (
    (
        "stability",
        "稳定",
        "stability | stable | job security | security | secure job | steady job | steady income"
        "| 稳定 | 安稳 | 铁饭碗 | 有保障",
    ),
    (
        "pay",
        "收入",
        "salary | pay | good money | money | income | well paid | high pay | compensation"
        "| earnings | wages | 薪资 | 薪水 | 薪酬 | 收入 | 工资 | 待遇 | 赚钱 | 高薪",
    ),
    (
        "work-life balance",
        "工作生活平衡",
        "work-life balance | work life balance | balance | free time | family time"
        "| time with my family | no overtime | reasonable hours"
        "| 工作生活平衡 | 生活平衡 | 工作与生活 | 平衡 | 不加班 | 陪家人",
    ),
    (
        "creativity",
        "创造性",
        "creativity | creative | innovation | innovative | 创造 | 创意 | 创新",
    ),
    (
        "helping people",
        "帮助他人",
        "helping people | help people | helping others | help others | make a difference"
        "| making a difference | serving others"
        "| 帮助他人 | 帮助别人 | 帮助人 | 帮人 | 助人 | 服务他人 | 贡献社会 | 为社会做贡献",
    ),
    (
        "autonomy",
        "自主",
        "autonomy | independence | freedom | independent | be my own boss | own boss"
        "| 自由 | 自主 | 独立",
    ),
    (
        "growth",
        "成长",
        "growth | grow | learning | learn | development | career development | progression"
        "| promotion | 成长 | 学习 | 发展 | 晋升 | 进步 | 提升",
    ),
    (
        "teamwork",
        "团队合作",
        "teamwork | team spirit | a good team | a great team | a supportive team | colleagues"
        "| collaboration | 团队 | 同事 | 合作 | 氛围",
    ),
    (
        "recognition",
        "认可",
        "recognition | prestige | respect | status | achievement | sense of achievement"
        "| being recognised | being recognized | reputation"
        "| 成就感 | 认可 | 地位 | 尊重 | 体面",
    ),
    ("flexibility", "灵活性", "flexibility | flexible | 灵活 | 弹性"),
    (
        "meaning",
        "意义",
        "meaning | meaningful | purpose | impact | 意义 | 有意义 | 价值感 | 使命感 | 影响力",
    ),
)
_VALUE_LEXICON = _Lexicon({english: words for english, _, words in _VALUES})
_VALUE_IN_CHINESE = {english: chinese for english, chinese, _ in _VALUES}
# Value words count only in a sentence that says something matters ("the salary was late": no).
_VALUE_CUE = re.compile(
    r"\bmatters?\b|\bimportant\b|\bvalues?\b|\bvaluable\b|\bcare\b|\bpriorit|\bmost\s+to\s+me\b|"
    r"\bkey\s+(?:for|to)\s+me\b|\blooking\s+for\b|\bprefer|\bwant\b|\bwould\s+like\b|'d\s+like\b|"
    r"\bneed\b|\bseek|\bessential\b|\bcrucial\b|\bmust\b|\bideal\b|\bdream\s+job\b|\bmotivat|"
    r"\bhope\b|\blike\b|\blove\b|\benjoy\b|"
    r"看重|在乎|在意|重视|重要|追求|想要|希望|最好|期望|要求|关键|优先|动力|第一位|喜欢",
    re.I,
)
_VALUE_DENIED = re.compile(
    r"don'?t\s+(?:really\s+)?care|do\s+not\s+care|doesn'?t\s+matter|does\s+not\s+matter|"
    r"not\s+(?:that\s+|very\s+|so\s+|too\s+)?important|isn'?t\s+(?:that\s+|very\s+)?important|"
    r"less\s+important|unimportant|not\s+(?:a|my)\s+priority|don'?t\s+mind|"
    r"不在乎|不看重|不在意|无所谓|不重要|不太重要|不是很重要|不太在意|不太看重|次要|不是最重要",
    re.I,
)


def _values(text: str) -> list[str]:
    found: list[str] = []
    for sentence in _sentences(text):
        if not _VALUE_CUE.search(sentence):
            continue
        for clause in _CLAUSE_BREAK.split(sentence):
            if clause and not _VALUE_DENIED.search(clause):
                found += _VALUE_LEXICON.labels(clause)
    if _is_chinese(text):
        return _unique(_VALUE_IN_CHINESE[label] for label in found)
    return _unique(found)


# --- goals -----------------------------------------------------------------------------------
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
    if len(phrase) < 2 or len(phrase) > MAX_PHRASE_CHARS or phrase.casefold() in _FILLER:
        return None
    about_conditions = _names_a_condition(phrase) or phrase in _VALUE_LEXICON
    only_conditions = _CONDITION_START.search(phrase) or not _AMBITION.search(raw)
    if about_conditions and only_conditions and phrase not in _ROLE_LEXICON:
        return None
    return phrase


def _goals(text: str) -> list[str]:
    goals: list[str] = []
    for sentence in _sentences(text):
        for pattern, chinese in ((_GOAL_CUE_EN, False), (_GOAL_CUE_ZH, True)):
            for match in pattern.finditer(sentence):
                phrase = _cued_phrase(sentence, match, chinese=chinese)
                if goal := _goal_phrase(phrase, chinese=chinese):
                    goals.append(goal)
    return _unique(goals)


# --- constraints -----------------------------------------------------------------------------
# Each place in English and Chinese; the answer uses the name in the message's language.
_PLACES: tuple[tuple[str, str], ...] = (
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
    ("Guangzhou", "广州"),
    ("Shenzhen", "深圳"),
    ("Hangzhou", "杭州"),
    ("Chengdu", "成都"),
    ("Nanjing", "南京"),
    ("Wuhan", "武汉"),
    ("Xi'an", "西安"),
    ("Suzhou", "苏州"),
    ("Tianjin", "天津"),
    ("Chongqing", "重庆"),
    ("Xiamen", "厦门"),
    ("Qingdao", "青岛"),
    ("Changsha", "长沙"),
    ("Zhengzhou", "郑州"),
    ("Hefei", "合肥"),
    ("Ningbo", "宁波"),
    ("Dalian", "大连"),
    ("Shenyang", "沈阳"),
    ("Jinan", "济南"),
    ("Kunming", "昆明"),
    ("Harbin", "哈尔滨"),
    ("Dongguan", "东莞"),
    ("Foshan", "佛山"),
    ("Zhuhai", "珠海"),
    ("Hong Kong", "香港"),
    ("Macau", "澳门"),
    ("Taipei", "台北"),
    ("Singapore", "新加坡"),
    ("Tokyo", "东京"),
    ("Seoul", "首尔"),
    ("London", "伦敦"),
    ("Manchester", "曼彻斯特"),
    ("Paris", "巴黎"),
    ("Berlin", "柏林"),
    ("Amsterdam", "阿姆斯特丹"),
    ("Dubai", "迪拜"),
    ("New York", "纽约"),
    ("San Francisco", "旧金山"),
    ("Los Angeles", "洛杉矶"),
    ("Seattle", "西雅图"),
    ("Boston", "波士顿"),
    ("Chicago", "芝加哥"),
    ("Toronto", "多伦多"),
    ("Vancouver", "温哥华"),
    ("Sydney", "悉尼"),
    ("Melbourne", "墨尔本"),
    ("remote", "远程"),
    ("abroad", "国外"),
    ("overseas", "海外"),
    ("my hometown", "老家"),
    ("big city", "大城市"),
    ("first-tier city", "一线城市"),
)
_PLACE_LEXICON = _Lexicon({english: f"{english} | {chinese}" for english, chinese in _PLACES})
_PLACE_IN_CHINESE = dict(_PLACES)
_PLACE_CUE_EN = re.compile(
    r"\b(?:live|living|work|working|based|stay|staying|move|moving|relocate|relocating|located)"
    r"\s+(?:in|near|to|around|close\s+to)\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
_NOT_A_PLACE = frozenset(
    _terms(
        "I | The | A | An | My | Our | It | This | That | Marketing | Sales | Finance | IT | Tech"
    )
)
_PAY_EN = re.compile(
    r"(?:(?:at\s+least|minimum(?:\s+of)?|no\s+less\s+than|over|above|around|about|more\s+than)\s+)?"
    r"(?:[$¥£€]\s?|(?:rmb|usd|cny)\s?)?\d[\d,]{0,9}(?:\.\d+)?\s?(?:[kKwW](?![A-Za-z])|万|千)?"
    r"(?:\s*(?:rmb|yuan|dollars|usd|pounds|euros|元|块))?"
    r"(?:\s*(?:/|a|per|an|每)\s*(?:year|yr|month|mo|hour|hr|annum|week|年|月))?",
    re.I,
)
_CURRENCY = re.compile(r"[$¥£€]|rmb|usd|cny|yuan|dollars|pounds|euros|元|块", re.I)
_THOUSANDS = re.compile(r"\d\s?[kKwW万千]|\d{4,}|\d{1,3},\d{3}")
# A sum without a currency ("15k", "10,000") is pay only when the words around say so.
_PAY_CONTEXT = re.compile(
    r"\b(?:least|minimum|per|month|monthly|year|yearly|annual|annually|hour|salary|pay|paid|earn|"
    r"income|wage|wages|package)\b|薪|工资|收入",
    re.I,
)
_ZH_SUM = r"(?:\d[\d,.]{0,9}\s*(?:[kKwW]|千|万)?(?:元|块)?|[一二两三四五六七八九十百]{1,4}\s*(?:千|万)(?:元|块)?)"
_ZH_SUM_WITH_UNIT = (
    r"(?:\d[\d,.]{0,9}\s*(?:(?:[kKwW]|千|万)(?:元|块)?|元|块)"
    r"|[一二两三四五六七八九十百]{1,4}\s*(?:千|万)(?:元|块)?)"
)
_PAY_ZH = re.compile(
    r"(?:月薪|年薪|薪资|薪水|工资|收入|待遇|底薪|时薪)(?:要|在|能|至少|不低于|大概|大约|希望)?"
    + _ZH_SUM
    + r"(?:以上|左右|起|多)?"
    + r"|(?:每个?月|一个月|每年|一年)(?:要|能|至少|不低于)?"
    + _ZH_SUM_WITH_UNIT
    + r"(?:以上|左右|起|多)?"
    + r"|"
    + _ZH_SUM_WITH_UNIT
    + r"(?:以上|左右)?\s*(?:/月|/年|每月|每年|一个月|的月薪|的年薪)"
)
_HOURS_LEXICON = _Lexicon(
    {
        "part-time": "part-time",
        "full-time": "full-time",
        "remote": "remote | remotely | work from home | wfh",
        "hybrid": "hybrid",
        "flexible hours": "flexible hours | flexible schedule | flexible working | flexitime",
        "no night shifts": "no night shifts | no night shift | no nights",
        "no weekends": "no weekends | weekends off | no weekend work",
        "9 to 5": "9 to 5 | nine to five | 9-5",
        "no overtime": "no overtime",
        "兼职": "兼职",
        "全职": "全职",
        "远程": "远程 | 居家办公 | 在家办公",
        "不加班": "不加班 | 不要加班 | 少加班 | 不要996 | 不996",
        "弹性工作": "弹性工作 | 弹性 | 时间灵活",
        "不上夜班": "不上夜班 | 不要夜班 | 不倒班 | 不值夜班",
        "双休": "双休 | 周末双休",
        "朝九晚五": "朝九晚五",
    }
)
# "a full-time student" says what someone is, not the job they want.
_HOURS_DESCRIBE_PERSON = re.compile(r"\s*(?:students?|mom|mum|dad|parent|学生)", re.I)
_PAST_WORK = re.compile(
    r"\b(?:worked|was|were|used\s+to|interned)\b|工作了|做了|干了|当过|做过|实习过|曾", re.I
)


def _names_a_condition(phrase: str) -> bool:
    """Whether a phrase names a place, pay or working hours."""
    return phrase in _PLACE_LEXICON or phrase in _HOURS_LEXICON or _pay(phrase) is not None


def _without_schools(clause: str) -> str:
    """The clause with school names blanked: 上海交通大学 is no wish to live in Shanghai."""
    for _, start, end in _schools(clause):
        clause = clause[:start] + " " * (end - start) + clause[end:]
    return clause


def _places(clause: str) -> list[str]:
    places = _PLACE_LEXICON.labels(clause)
    for match in _PLACE_CUE_EN.finditer(clause):
        if match.group(1).split()[0] not in _NOT_A_PLACE:
            places.append(match.group(1))
    return places


def _pay(text: str) -> str | None:
    if match := _PAY_ZH.search(text):
        return match.group(0).strip()
    for match in _PAY_EN.finditer(text):
        amount = match.group(0).strip()
        around = text[max(0, match.start() - 30) : match.end() + 15]
        if _CURRENCY.search(amount) or (_THOUSANDS.search(amount) and _PAY_CONTEXT.search(around)):
            return amount
    return None


def _constraints(text: str, clauses: Sequence[str]) -> Constraints | None:
    places: list[str] = []
    hours: list[str] = []
    for clause in clauses:
        if _PAST_WORK.search(clause) and not _is_wish(clause):
            continue  # where someone used to work is history, not a requirement
        clause = _without_schools(clause)
        places += _places(clause)
        hours += [
            label
            for label, match in _HOURS_LEXICON.hits(clause)
            if not _HOURS_DESCRIBE_PERSON.match(clause, match.end())
        ]
    chinese = _is_chinese(text)
    if chinese:
        places = [_PLACE_IN_CHINESE.get(place, place) for place in places]
    separator = "、" if chinese else ", "
    location = separator.join(_unique(places)) or None
    working_hours = separator.join(_unique(hours)) or None
    pay = _pay(text)
    if not any((location, pay, working_hours)):
        return None
    return Constraints(location=location, pay=pay, hours=working_hours)


# --- the whole message -----------------------------------------------------------------------
def extract(text: str) -> CollectedInfo:
    """The facts one message states; nothing at all for greetings and noise."""
    text = _normalise(text)
    clauses = _clauses(text)
    return CollectedInfo(
        education=_education(clauses),
        experience=_experience(clauses),
        skills=_skills(text, clauses),
        interests=_interests(text),
        values=_values(text),
        goals=_goals(text),
        constraints=_constraints(text, clauses),
    )


_Part = TypeVar("_Part", Education, Constraints)


def _fill(old: _Part | None, new: _Part | None) -> _Part | None:
    """Newer non-empty fields replace older ones; fields the new part lacks keep what was known."""
    if old is None or new is None:
        return new if new is not None else old
    return old.model_copy(update={key: value for key, value in new.model_dump().items() if value})


def merge(known: CollectedInfo, new: CollectedInfo) -> CollectedInfo:
    """What was known plus what a message added; lists keep order and drop duplicates."""
    seen = {item.text.strip().casefold() for item in known.experience}
    experience = list(known.experience)
    for item in new.experience:
        key = item.text.strip().casefold()
        if key not in seen:
            seen.add(key)
            experience.append(item)
    return CollectedInfo(
        education=_fill(known.education, new.education),
        experience=experience,
        skills=_unique([*known.skills, *new.skills]),
        interests=_unique([*known.interests, *new.interests]),
        values=_unique([*known.values, *new.values]),
        goals=_unique([*known.goals, *new.goals]),
        constraints=_fill(known.constraints, new.constraints),
    )
