"""Values: what matters to a person in work (stability, pay, balance, growth, …), named in a
sentence that says it matters and not denied ("I don't care about money")."""

from __future__ import annotations

import re

from careerstream.understanding.lexicon import Lexicon
from careerstream.understanding.text import is_chinese, sentences, split_clause, unique

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
VALUES = Lexicon({english: words for english, _, words in _VALUES})
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


def values(text: str) -> list[str]:
    """What a message says matters in work, labelled in the message's language."""
    found: list[str] = []
    for sentence in sentences(text):
        if not _VALUE_CUE.search(sentence):
            continue
        for clause in split_clause(sentence):
            if clause and not _VALUE_DENIED.search(clause):
                found += VALUES.labels(clause)
    if is_chinese(text):
        return unique(_VALUE_IN_CHINESE[label] for label in found)
    return unique(found)
