"""Experience: the jobs a message tells of, with role and years ("当过两年英语老师", "I worked
as a nurse for 3 years"), and having none yet ("我刚毕业", "no work experience")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from careerstream.contracts import Experience
from careerstream.understanding.education import about_study
from careerstream.understanding.intent import is_wish
from careerstream.understanding.lexicon import Hit, Lexicon, same
from careerstream.understanding.text import HAN, number, terms

MAX_EXPERIENCE_CHARS = 200

ROLES = Lexicon(
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
    | same(
        *terms(
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
        *terms(
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
_ZH_TITLE_ENDINGS = terms(
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
    terms("a | an | the | at | for | in | with | and | my | our | of | to")
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
# A clause that goes on about the job just named: "…, as a nurse, for 3 years", "… but only
# for a year".
_CONTINUING_WORDS_EN = frozenset(
    terms("as | for | at | in | where | mostly | mainly | about | around | only | just | nearly")
    + terms("almost")
)
_CONTINUES_ZH = re.compile(
    r"^(?:做|当|担任|负责|主要|大概|共|一共|总共|\d|[一二两三四五六七八九十半])"
)


def years_of(clause: str) -> float | None:
    """The time a clause says was spent: "3 years", "six months", "一年半", "十五年"."""
    for match in _YEARS_EN.finditer(clause):
        if _FUTURE_SPAN_EN.search(clause[max(0, match.start() - 8) : match.start()]):
            continue  # "in five years" is a goal's horizon, not time served
        amount = number(match.group(1))
        if amount is not None:
            months = match.group(2).lower().startswith("month")
            return round(amount / 12, 2) if months else amount
    for match in _YEARS_ZH.finditer(clause):
        amount = number(match.group(1))
        if amount is None:
            continue
        if match.group(2) == "个月":
            return round(amount / 12, 2)
        return amount + (0.5 if match.group(3) else 0.0)
    return None


def role_of(clause: str) -> str | None:
    """The job a clause names, with its modifiers: "senior lab technician", "英语老师"."""
    hits = ROLES.hits(clause)
    if not hits:
        return None
    hit = max(hits, key=lambda hit: len(hit.text))
    if HAN.search(hit.label):
        return _with_zh_modifier(clause, hit)
    return _with_en_modifier(clause, hit)


def _with_zh_modifier(clause: str, hit: Hit) -> str:
    """ "当过两年英语老师" → "英语老师"; other titles stand alone."""
    start = hit.start
    if hit.text.endswith(_ZH_TITLE_ENDINGS):
        while start > 0 and hit.start - start < 4:
            char = clause[start - 1]
            if not HAN.match(char) or _ZH_NOT_A_MODIFIER.match(char):
                break
            start -= 1
    return clause[start : hit.end]


def _with_en_modifier(clause: str, hit: Hit) -> str:
    """ "as a senior lab technician" → "senior lab technician"; else the lexicon label."""
    before = clause[max(0, hit.start - 40) : hit.start]
    intros = list(_ROLE_INTRO_EN.finditer(before))
    if not intros:
        return hit.label
    modifiers = before[intros[-1].end() :].split()
    plain_words = all(
        re.fullmatch(r"[A-Za-z][A-Za-z-]*", w) and w.lower() not in _NOT_A_MODIFIER_EN
        for w in modifiers
    )
    if len(modifiers) > 3 or not plain_words:
        return hit.label
    return " ".join([*modifiers, hit.text])


def _experience_item(clause: str) -> Experience | None:
    if _NO_WORK.search(clause):
        return Experience(text=clause[:MAX_EXPERIENCE_CHARS])
    if is_wish(clause):
        return None
    role, years = role_of(clause), years_of(clause)
    says_role = role is not None and not about_study(clause)
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
        role = "实习生" if HAN.search(internship.group(0)) else "intern"
    return Experience(text=clause[:MAX_EXPERIENCE_CHARS], role=role, years=years)


def _join_clauses(first: str, second: str) -> str:
    comma = "，" if HAN.search(first[-1:] + second[:1]) else ", "
    return f"{first}{comma}{second}"[:MAX_EXPERIENCE_CHARS]


def _goes_on(clause: str) -> bool:
    first = re.match(r"[A-Za-z]+|\d", clause)
    if first and (first.group(0).isdigit() or first.group(0).lower() in _CONTINUING_WORDS_EN):
        return True
    return bool(_CONTINUES_ZH.search(clause))


def _continued(previous: Experience, clause: str) -> Experience | None:
    """ "I worked at Huawei, as an engineer, for two years": the later clauses fill it in."""
    if not _goes_on(clause) or is_wish(clause):
        return None
    role, years = role_of(clause), years_of(clause)
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
    """ "我是一名护士，在医院工作了八年": two clauses, one job, each half saying what the other
    lacks."""
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


def experience(clauses: Sequence[str]) -> list[Experience]:
    """The jobs a message's clauses tell of, a job told over several clauses as one."""
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


_EXPERIENCE_WORD = re.compile(r"\bexperience\b|经验|工作了|从业", re.I)


def stated_years(sentence: str) -> float | None:
    """The years of experience a sentence states: "5+ years of experience", "8年工作经验"."""
    return years_of(sentence) if _EXPERIENCE_WORD.search(sentence) else None
