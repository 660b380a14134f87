"""Skills a message claims: tools and programming languages wherever they are named (not in
wishes, denials or plans to learn), and abilities after a cue ("good at", "擅长", "沟通能力")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from careerstream.understanding.intent import holds
from careerstream.understanding.lexicon import Lexicon, same
from careerstream.understanding.text import (
    cued_phrase,
    list_items,
    negated,
    sentences,
    terms,
    unique,
)

MAX_SKILL_CHARS = 40

# Tools and programming languages are skills wherever they are named (outside wishes).
_TOOLS = Lexicon(
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
    | same(
        *terms(
            "Python | Java | TypeScript | C# | Golang | Excel | Illustrator | Figma | Tableau"
            "| Power BI | MATLAB | SPSS | Stata | Linux | Docker | Kubernetes | HTML | CSS | 剪映"
        )
    )
)
_ABILITIES = Lexicon(
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
_PLAIN_WORD_TOOLS = Lexicon(
    {},
    exact=same(*terms("R | C | Go | Word | VBA | SAS | React | Rust | Git | Sketch"))
    | {"Photoshop": "PS"},
)
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
    r"\b(?:good|strong|excellent|great|solid|decent)"
    r"\s+((?:[a-z+#-]+\s+){0,2}[a-z+#-]+)\s+skills\b",
    re.I,
)
_SKILL_CUE_STRONG_ZH = re.compile(
    r"擅长|熟悉|掌握了?|精通|熟练(?:使用|掌握|运用)?|善于|拿手的?是?|特长是|技能(?:有|是|包括)"
    r"|会用|懂得?"
)
# A bare 会 is also "will" and starts 会计/会议: only a few safe forms count.
_SKILL_CUE_WEAK_ZH = re.compile(
    r"(?:我|还|也|都)会(?!计|议|员|不|在|去|是|有|被|把|让|给|成|觉|想|努力|好好|认真|继续|考虑|"
    r"尽量|一直|经常|再|更|多|先|跟|和)|会说|会做|会弹"
)
_ABILITY_ZH = re.compile(
    r"(?:有|具备|具有)?(?:很?强|较强|良好|不错)?的?([\u4e00-\u9fffA-Za-z]{2,8}?)能力"
)
# An item with these is a clause, not an ability: "to work abroad", "去上海".
_NOT_AN_ABILITY_WORDS = frozenset(
    terms("work | start | be | do | go | come | move | relocate | live | only | join | begin")
    + terms("commute | help")
)
_NOT_AN_ABILITY_ZH = frozenset("在去来是到")


def _an_ability(item: str) -> bool:
    words = set(re.findall(r"[a-z]+", item.casefold()))
    return not (words & _NOT_AN_ABILITY_WORDS or _NOT_AN_ABILITY_ZH.intersection(item))


def _skill_items(phrase: str, *, max_words: int) -> list[str]:
    """Lexicon names in a skills phrase, else the person's own words if they are few."""
    skills: list[str] = []
    for item in list_items(phrase, MAX_SKILL_CHARS):
        item = re.sub(r"^(?:to|use|using|speak|speaking|do|doing)\s+", "", item, flags=re.I)
        named = _TOOLS.labels(item) + _ABILITIES.labels(item)
        named += _PLAIN_WORD_TOOLS.labels(item)
        if named:
            skills += named
        elif len(item.split()) <= max_words and _an_ability(item):
            skills.append(item)
    return skills


_SKILL_CUES: tuple[tuple[re.Pattern[str], bool, int], ...] = (
    # pattern, Chinese, how many words of the person's own an unknown skill may have
    (_SKILL_CUE_STRONG_EN, False, 5),
    (_SKILL_CUE_WEAK_EN, False, 2),
    (_SKILL_CUE_STRONG_ZH, True, 1),
    (_SKILL_CUE_WEAK_ZH, True, 1),
)


def skills(text: str, clauses: Sequence[str]) -> list[str]:
    """Skills a message claims: cued ones ("good at", "擅长", "沟通能力"), and tools wherever
    they are named in a clause that holds them."""
    found: list[str] = []
    for sentence in sentences(text):
        for pattern, chinese, max_words in _SKILL_CUES:
            for match in pattern.finditer(sentence):
                phrase = cued_phrase(sentence, match, chinese=chinese)
                if negated(sentence, match.start()):
                    continue
                found += _skill_items(phrase, max_words=max_words)
        for match in _SKILL_ADJECTIVE_EN.finditer(sentence):
            found += _skill_items(match.group(1), max_words=3)
        for match in _ABILITY_ZH.finditer(sentence):
            # "我的沟通能力", "也有一定的领导能力": the ability is what stands right before 能力.
            ability = re.sub(r"^.*(?:的|有|具备|具有|我)", "", match.group(1))
            found += _skill_items(ability, max_words=1)
    for clause in clauses:
        if holds(clause):
            found += _TOOLS.labels(clause)
    return unique(found)
