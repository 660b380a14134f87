"""Offline fact extraction: what one message tells the guide (pure, bilingual).

Lexicons and bounded patterns for English and Chinese; both sets run on every
message, so mixed-language answers work. Free text keeps the person's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from careerstream.contracts import CollectedInfo, Constraints, Education, Experience

MAX_CHARS = 8000

# --- education -------------------------------------------------------------------------------
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("doctorate", re.compile(r"\b(ph\.?\s?d|doctorate|doctoral)\b|博士", re.I)),
    (
        "master",
        re.compile(
            r"\b(master'?s?|msc|m\.s\.|mba|ma degree|graduate degree|postgraduate)\b|硕士|研究生|MBA",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\b(bachelor'?s?|bsc|b\.s\.|ba degree|undergraduate|college degree)\b|本科|学士|大学毕业",
            re.I,
        ),
    ),
    ("associate", re.compile(r"\b(associate'?s? degree|community college)\b|大专|专科", re.I)),
    ("high school", re.compile(r"\b(high school|secondary school|ged)\b|高中|中专|职高", re.I)),
)
_MAJOR_EN = re.compile(
    r"\b(?:studied|study|studying|majored in|majoring in|major in|degree in|my major is|"
    r"graduated in|graduate in|bachelor'?s? in|master'?s? in|phd in)\s+"
    r"([a-z][a-z &-]{1,40}?)(?=\s+(?:at|from|in \d|and|but|for|with)\b|[,.;!?]|$)",
    re.I,
)
# Most specific cue first; a bare 学 counts last and never inside 大学/中学/小学.
_MAJOR_ZH_CUES = (
    re.compile(
        r"(?:学的是|专业是|读的是|主修|学习的是|念的是)([\u4e00-\u9fffA-Za-z ]{2,30}?)(?:专业|系|方向|[，。,.;；！!]|$)"
    ),
    re.compile(r"([\u4e00-\u9fff]{2,8})专业"),
    re.compile(r"(?:(?<![大中小])学|读)([\u4e00-\u9fff]{2,8}?)(?:专业|系|[，。,.;；！!]|$)"),
)
_SCHOOL_EN = re.compile(
    r"\b((?:[A-Z][\w'&.-]*\s){0,4}(?:University|College|Institute|School)(?:\s+of(?:\s+[A-Z][\w'&.-]*){1,4})?)"
)
_SCHOOL_ZH = re.compile(r"([\u4e00-\u9fff]{2,10}(?:大学|学院))")
_ZH_LEVEL_WORDS = ("本科", "硕士", "博士", "研究生", "大专", "专科", "高中", "学士")


def _education(text: str) -> Education | None:
    level = next((name for name, pattern in _LEVELS if pattern.search(text)), None)
    major = None
    if match := _MAJOR_EN.search(text):
        major = match.group(1).strip().lower()
        if major in {"a", "the", "hard", "it"}:
            major = None
    match = None if major else next((m for p in _MAJOR_ZH_CUES if (m := p.search(text))), None)
    if match is not None:
        candidate = match.group(1).strip()
        for word in _ZH_LEVEL_WORDS:
            candidate = candidate.replace(word, "")
        # Leftovers of the cue: 读的护理 → 护理, 学的是会计 → 会计.
        major = candidate.lstrip("读学念的是在了") or None
    school = None
    if match := _SCHOOL_EN.search(text):
        school = match.group(1).strip()
    elif match := _SCHOOL_ZH.search(text):
        school = re.sub(r"^(?:在|从|于|毕业于|我在|我)", "", match.group(1))
    if not any((level, major, school)):
        return None
    return Education(level=level, major=major, school=school)


# --- experience ------------------------------------------------------------------------------
_ROLES_EN = (
    "software engineer",
    "data scientist",
    "data analyst",
    "product manager",
    "project manager",
    "engineer",
    "developer",
    "programmer",
    "teacher",
    "tutor",
    "nurse",
    "doctor",
    "accountant",
    "designer",
    "analyst",
    "consultant",
    "lawyer",
    "chef",
    "cook",
    "driver",
    "salesperson",
    "sales representative",
    "marketing",
    "manager",
    "researcher",
    "scientist",
    "technician",
    "writer",
    "editor",
    "journalist",
    "cashier",
    "waiter",
    "receptionist",
    "assistant",
    "intern",
    "mechanic",
    "electrician",
    "pharmacist",
    "architect",
    "photographer",
    "clerk",
)
_ROLES_ZH = (
    "软件工程师",
    "数据分析师",
    "产品经理",
    "项目经理",
    "工程师",
    "程序员",
    "开发",
    "教师",
    "老师",
    "护士",
    "医生",
    "会计",
    "设计师",
    "分析师",
    "顾问",
    "律师",
    "厨师",
    "司机",
    "销售",
    "市场",
    "运营",
    "行政",
    "客服",
    "经理",
    "研究员",
    "技术员",
    "编辑",
    "记者",
    "收银员",
    "服务员",
    "前台",
    "助理",
    "实习生",
    "文员",
    "出纳",
    "财务",
    "人事",
    "摄影师",
    "建筑师",
    "药剂师",
)
_ZH_NUMBERS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "半": 0.5,
}
_YEARS_EN = re.compile(
    r"\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten)\+?\s+years?\b", re.I
)
_YEARS_ZH = re.compile(r"(\d{1,2}|[一两二三四五六七八九十半]{1,3})\s*年")
_EN_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_WORK_EN = re.compile(
    r"\b(?:(?:i\s+)?(?:work|worked|am working|have worked|was working)\s+(?:as|at|for|in)|"
    r"i'?m\s+(?:a|an)\s+(?=\w+\s+at\b)|i\s+was\s+(?:a|an)|"
    r"internships?\s+(?:at|with)|years?\s+(?:as|of experience|at|in)|job\s+(?:as|at)|"
    r"experience\s+(?:as|in))\b",
    re.I,
)
_WORK_ZH = re.compile(r"工作|上班|实习|做过|当过|担任|从事|任职|干了|做了\S{0,4}年|经验")
_NO_WORK = re.compile(
    r"\b(no (?:work )?experience|never worked|haven'?t worked|just graduated|still a student|"
    r"i'?m a student)\b|没有(?:工作)?经验|还没(?:有)?工作|没工作过|刚毕业|还是学生|在读",
    re.I,
)
# Wishes are goals, not experience: "I'd like to work as a teacher".
_WISH = re.compile(
    r"\b(want|would like|'d like|hope|wish|plan|dream|aim)\b|想|希望|打算|梦想", re.I
)
_CLAUSE = re.compile(r"[^,.;!?，。；！？\n]+")


def _number(token: str) -> float | None:
    token = token.lower()
    if token.replace(".", "", 1).isdigit():
        return float(token)
    if token in _EN_WORDS:
        return float(_EN_WORDS[token])
    if token == "十":
        return 10.0
    if token.startswith("十"):
        return 10.0 + _ZH_NUMBERS.get(token[1:], 0)
    if len(token) == 2 and token.endswith("十"):
        return _ZH_NUMBERS.get(token[0], 0) * 10.0
    if all(ch in _ZH_NUMBERS for ch in token) and len(token) == 1:
        return float(_ZH_NUMBERS[token])
    return None


def _role(clause: str) -> str | None:
    lowered = clause.lower()
    for role in _ROLES_EN:
        if re.search(rf"\b{re.escape(role)}s?\b", lowered):
            return role
    return next((role for role in _ROLES_ZH if role in clause), None)


def _experience(text: str) -> list[Experience]:
    found: list[Experience] = []
    for clause in (m.group(0).strip() for m in _CLAUSE.finditer(text)):
        if not clause:
            continue
        if _NO_WORK.search(clause):
            found.append(Experience(text=clause[:120]))
            continue
        if _WISH.search(clause):
            continue
        english = bool(_WORK_EN.search(clause))
        chinese = bool(_WORK_ZH.search(clause)) and bool(re.search(r"[\u4e00-\u9fff]", clause))
        if not (english or chinese):
            continue
        role = _role(clause)
        years = None
        if match := _YEARS_EN.search(clause) or _YEARS_ZH.search(clause):
            years = _number(match.group(1))
        if (
            role is None
            and years is None
            and not re.search(r"公司|银行|医院|学校|工厂|\bat\b|\bfor\b", clause)
        ):
            continue
        found.append(Experience(text=clause[:120], role=role, years=years))
    return found


# --- skills ----------------------------------------------------------------------------------
_SKILLS_EN = (
    "python",
    "java",
    "javascript",
    "typescript",
    "c++",
    "c#",
    "go",
    "rust",
    "sql",
    "r",
    "excel",
    "powerpoint",
    "word",
    "photoshop",
    "illustrator",
    "figma",
    "autocad",
    "tableau",
    "power bi",
    "matlab",
    "spss",
    "sap",
    "linux",
    "docker",
    "html",
    "css",
    "react",
    "data analysis",
    "machine learning",
    "statistics",
    "accounting",
    "bookkeeping",
    "budgeting",
    "writing",
    "editing",
    "translation",
    "public speaking",
    "communication",
    "leadership",
    "teamwork",
    "negotiation",
    "sales",
    "marketing",
    "project management",
    "customer service",
    "teaching",
    "research",
    "design",
    "drawing",
    "photography",
    "video editing",
    "cooking",
    "english",
    "chinese",
    "mandarin",
    "japanese",
    "french",
    "spanish",
    "german",
    "first aid",
)
_SKILLS_ZH = (
    "编程",
    "数据分析",
    "机器学习",
    "统计",
    "会计",
    "财务",
    "预算",
    "写作",
    "编辑",
    "翻译",
    "演讲",
    "沟通",
    "领导",
    "团队合作",
    "谈判",
    "销售",
    "营销",
    "项目管理",
    "客户服务",
    "教学",
    "研究",
    "设计",
    "绘画",
    "画画",
    "摄影",
    "剪辑",
    "视频剪辑",
    "烹饪",
    "英语",
    "日语",
    "法语",
    "德语",
    "普通话",
    "急救",
    "办公软件",
    "管理",
)
_SKILL_CUE_EN = re.compile(
    r"\b(?:good at|skilled (?:in|at)|proficient (?:in|with)|experienced (?:in|with)|"
    r"i can|i know|familiar with|fluent in|expert in|my skills (?:are|include))\s+([^.;!?\n]{2,80})",
    re.I,
)
# A bare 会 is too common (会计, 会议): only "我会", "会用" count as a cue.
_SKILL_CUE_ZH = re.compile(
    r"(?:擅长|熟悉|掌握|精通|会用|(?<=我)会|能熟练使用|懂得)([^，。；！？\n]{1,30})"
)
_SPLIT = re.compile(r"\s*(?:,|、|，|/|;|；|\band\b|\bor\b|和|及|以及|与|还有|或者)\s*", re.I)


def _lexicon_hits(text: str, english: Iterable[str], chinese: Iterable[str]) -> list[str]:
    lowered = text.lower()
    hits = [w for w in english if re.search(rf"(?<![\w+#]){re.escape(w)}(?![\w+#])", lowered)]
    hits += [w for w in chinese if w in text]
    return hits


def _skills(text: str) -> list[str]:
    cued: list[str] = []
    for match in (*_SKILL_CUE_EN.finditer(text), *_SKILL_CUE_ZH.finditer(text)):
        for part in _SPLIT.split(match.group(1)):
            part = part.strip(" 。.，,")
            if 1 < len(part) <= 40:
                cued.append(part)
    # Lexicon words anywhere count only when a cue shows the sentence is about abilities.
    lexicon = _lexicon_hits(" ".join(cued), _SKILLS_EN, _SKILLS_ZH) if cued else []
    if not cued:
        lexicon = [
            w
            for w in _lexicon_hits(text, _SKILLS_EN, ())
            if len(w) > 2
            and w
            in {
                "python",
                "java",
                "javascript",
                "sql",
                "excel",
                "photoshop",
                "figma",
                "tableau",
                "autocad",
                "matlab",
            }
        ]
    return _unique(lexicon or cued)


# --- interests, values, goals ---------------------------------------------------------------
_INTEREST_EN = re.compile(
    r"\b(?:i (?:really )?(?:enjoy|like|love|adore)|i'?m (?:really )?(?:interested in|into|passionate about|keen on)|"
    r"my hobb(?:y|ies) (?:is|are|include)|in my free time,? i|i have fun)\s+([^.;!?\n]{2,120})",
    re.I,
)
_INTEREST_ZH = re.compile(
    r"(?:喜欢|爱好是|爱好|热爱|享受|兴趣是|业余时间(?:会|喜欢)?|平时(?:喜欢)?)([^，。；！？\n]{1,40})|对([^，。；！？\n]{1,20})(?:很|比较|特别)?感兴趣"
)
_VALUES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "stability",
        "稳定",
        re.compile(r"\b(stabilit|stable|job security|security)|稳定|安稳|铁饭碗", re.I),
    ),
    (
        "pay",
        "收入",
        re.compile(
            r"\b(salary|pay|money|income|well[- ]paid)\b|薪资|薪水|收入|工资|待遇|赚钱", re.I
        ),
    ),
    (
        "work-life balance",
        "工作生活平衡",
        re.compile(r"work[- ]life balance|free time|不加班|工作生活平衡|生活平衡|双休", re.I),
    ),
    ("creativity", "创造性", re.compile(r"\bcreativ|创造|创意|创新", re.I)),
    (
        "helping people",
        "帮助他人",
        re.compile(
            r"help(?:ing)? (?:people|others)|make a difference|帮助(?:他人|别人)|助人", re.I
        ),
    ),
    (
        "autonomy",
        "自主",
        re.compile(r"\b(autonomy|independence|freedom|be my own boss)\b|自由|自主|独立", re.I),
    ),
    (
        "growth",
        "成长",
        re.compile(
            r"\b(growth|learning|develop(?:ment)?|career progression)\b|成长|学习机会|发展空间|晋升",
            re.I,
        ),
    ),
    ("teamwork", "团队", re.compile(r"\b(team(?:work)?|colleagues)\b|团队|同事", re.I)),
    (
        "recognition",
        "成就感",
        re.compile(r"\b(recognition|prestige|respect|achievement)\b|成就感|认可|地位", re.I),
    ),
    ("flexibility", "灵活", re.compile(r"\bflexib|灵活|弹性", re.I)),
    ("meaning", "意义", re.compile(r"\b(meaning(?:ful)?|purpose|impact)\b|意义|价值感", re.I)),
)
_VALUE_CUE = re.compile(
    r"matter|important|i value|i care about|priorit|most to me|looking for|want a job|"
    r"看重|在乎|重要|在意|追求|希望工作|最想要",
    re.I,
)
_GOAL_EN = re.compile(
    r"\b(?:i (?:want|would like|'d like|hope|plan|aim|wish) to (?:become|be|work as|get into|move into|start|open|lead|run)|"
    r"my (?:goal|dream|ambition) is(?: to)?|in (?:\w+ )?years,? i(?:'d| would)? (?:like|want) to)\s+([^.;!?\n]{2,100})",
    re.I,
)
_GOAL_ZH = re.compile(
    r"(?:想成为|想当|目标是|梦想是|希望成为|将来想|以后想|打算|计划成为)([^，。；！？\n]{1,30})"
)


def _phrases(matches: Iterable[re.Match[str]]) -> list[str]:
    out: list[str] = []
    for match in matches:
        group = next((g for g in match.groups() if g), "")
        for part in _SPLIT.split(group):
            part = part.strip(" 。.，,")
            if 1 < len(part) <= 60:
                out.append(part)
    return out


def _values(text: str) -> list[str]:
    if not _VALUE_CUE.search(text):
        return []
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    return [
        label_zh if zh else label for label, label_zh, pattern in _VALUES if pattern.search(text)
    ]


# --- constraints -----------------------------------------------------------------------------
_CITIES = (
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
    ("Guangzhou", "广州"),
    ("Shenzhen", "深圳"),
    ("Hangzhou", "杭州"),
    ("Chengdu", "成都"),
    ("Nanjing", "南京"),
    ("Wuhan", "武汉"),
    ("Xi'an", "西安"),
    ("Hong Kong", "香港"),
    ("Suzhou", "苏州"),
    ("Tianjin", "天津"),
    ("Chongqing", "重庆"),
    ("London", "伦敦"),
    ("New York", "纽约"),
    ("San Francisco", "旧金山"),
    ("Seattle", "西雅图"),
    ("Toronto", "多伦多"),
    ("Sydney", "悉尼"),
    ("Singapore", "新加坡"),
)
_PAY = re.compile(
    r"(\$\s?\d[\d,]*(?:\.\d+)?\s?k?|\d[\d,]*\s?k\b(?:\s*(?:a|per)\s*(?:year|month))?|"
    r"at least [\d,]+\s*(?:k|a month|per month|a year|per year)?|"
    r"(?:月薪|年薪|薪资|工资|收入)[^，。；！？\n]{0,4}?\d[\d,.]*\s*[万千kK]?(?:以上|左右)?|"
    r"(?:月薪|年薪)[一二两三四五六七八九十百千万]+(?:以上|左右)?)",
    re.I,
)
_HOURS = re.compile(
    r"\b(part[- ]time|full[- ]time|remote(?:ly)?|flexible hours|no night shifts?|9 to 5|nine to five|"
    r"work from home)\b|兼职|全职|远程|不加班|弹性(?:工作)?|双休|朝九晚五",
    re.I,
)


def _constraints(text: str) -> Constraints | None:
    lowered = text.lower()
    location = next(
        (zh if zh in text else en for en, zh in _CITIES if zh in text or en.lower() in lowered),
        None,
    )
    pay = match.group(0).strip() if (match := _PAY.search(text)) else None
    hours = match.group(0).strip() if (match := _HOURS.search(text)) else None
    if not any((location, pay, hours)):
        return None
    return Constraints(location=location, pay=pay, hours=hours)


# --- the whole message -----------------------------------------------------------------------
def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out


def extract(text: str) -> CollectedInfo:
    """The facts one message states; nothing for greetings and noise."""
    text = text[:MAX_CHARS]
    goals = _phrases([*_GOAL_EN.finditer(text), *_GOAL_ZH.finditer(text)])
    interests = [
        p
        for p in _phrases([*_INTEREST_EN.finditer(text), *_INTEREST_ZH.finditer(text)])
        if not _VALUE_CUE.search(p)
    ]
    return CollectedInfo(
        education=_education(text),
        experience=_experience(text),
        skills=_skills(text),
        interests=_unique(interests),
        values=_unique(_values(text)),
        goals=_unique(goals),
        constraints=_constraints(text),
    )


_Part = TypeVar("_Part", Education, Constraints)


def _fill(old: _Part | None, new: _Part | None) -> _Part | None:
    """Newer non-empty fields fill or replace older ones; empty ones keep what was known."""
    if new is None or old is None:
        return new or old
    return old.model_copy(update={k: v for k, v in new.model_dump().items() if v})


def merge(known: CollectedInfo, new: CollectedInfo) -> CollectedInfo:
    """What was known plus what a message added."""
    experience = list(known.experience)
    texts = {e.text for e in experience}
    experience += [e for e in new.experience if e.text not in texts]
    return CollectedInfo(
        education=_fill(known.education, new.education),
        experience=experience,
        skills=_unique([*known.skills, *new.skills]),
        interests=_unique([*known.interests, *new.interests]),
        values=_unique([*known.values, *new.values]),
        goals=_unique([*known.goals, *new.goals]),
        constraints=_fill(known.constraints, new.constraints),
    )
