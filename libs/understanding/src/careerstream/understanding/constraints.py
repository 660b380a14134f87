"""Constraints: where a person wants to work (places), for how much (pay) and in what hours,
as a message states them; and whether a résumé field is a place or a kind of hours."""

from __future__ import annotations

import re
from collections.abc import Sequence

from careerstream.contracts import Constraints
from careerstream.understanding.education import school_mentions
from careerstream.understanding.intent import is_wish
from careerstream.understanding.lexicon import Lexicon
from careerstream.understanding.text import is_chinese, terms, unique

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
# Other ways to write a place: "北京市" is 北京.
_MORE_FORMS = {
    "Beijing": "北京市",
    "Shanghai": "上海市",
    "Guangzhou": "广州市",
    "Shenzhen": "深圳市",
    "Hangzhou": "杭州市",
    "remote": "远程办公",
}
_PLACES_LEXICON = Lexicon(
    {
        english: f"{english} | {chinese} | {_MORE_FORMS.get(english, '')}"
        for english, chinese in _PLACES
    }
)
_PLACE_IN_CHINESE = dict(_PLACES)
# Countries tell where a résumé's job was; in a message "中国" or "China" says too little
# (中国银行, "I'm from China") to be where someone wants to work.
_COUNTRIES = Lexicon(
    {
        "China": "China | 中国",
        "USA": "USA | United States | 美国",
        "UK": "United Kingdom | Britain | 英国",
        "Canada": "Canada | 加拿大",
        "Australia": "Australia | 澳大利亚",
    },
    exact={"USA": "US", "UK": "UK"},
)
_PLACE_CUE_EN = re.compile(
    r"\b(?:live|living|work|working|based|stay|staying|move|moving|relocate|relocating|located)"
    r"\s+(?:in|near|to|around|close\s+to)\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
_NOT_A_PLACE = frozenset(
    terms(
        "I | The | A | An | My | Our | It | This | That | Marketing | Sales | Finance | IT | Tech"
    )
)
_PAY_EN = re.compile(
    r"(?:(?:at\s+least|minimum(?:\s+of)?|no\s+less\s+than|over|above|around|about"
    r"|more\s+than)\s+)?"
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
_ZH_SUM = (
    r"(?:\d[\d,.]{0,9}\s*(?:[kKwW]|千|万)?(?:元|块)?"
    r"|[一二两三四五六七八九十百]{1,4}\s*(?:千|万)(?:元|块)?)"
)
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
_HOURS = Lexicon(
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
_DESCRIBES_PERSON = re.compile(r"\s*(?:students?|mom|mum|dad|parent|学生)", re.I)
_PAST_WORK = re.compile(
    r"\b(?:worked|was|were|used\s+to|interned)\b|工作了|做了|干了|当过|做过|实习过|曾", re.I
)


def names_a_condition(phrase: str) -> bool:
    """Whether a phrase names a place, pay or working hours."""
    return phrase in _PLACES_LEXICON or phrase in _HOURS or pay(phrase) is not None


def is_place(text: str) -> bool:
    """Whether all of a text is a place's name: "Shanghai", "北京市", "Remote", "UK"."""
    return bool(_PLACES_LEXICON.whole(text) or _COUNTRIES.whole(text))


def working_hours(text: str) -> str | None:
    """The kind of hours all of a text names: "Full-time", "兼职", "hybrid"."""
    return _HOURS.whole(text)


def _without_schools(clause: str) -> str:
    """The clause with school names blanked: 上海交通大学 is no wish to live in Shanghai."""
    for _, start, end in school_mentions(clause):
        clause = clause[:start] + " " * (end - start) + clause[end:]
    return clause


def _places(clause: str) -> list[str]:
    places = _PLACES_LEXICON.labels(clause)
    for match in _PLACE_CUE_EN.finditer(clause):
        if match.group(1).split()[0] not in _NOT_A_PLACE:
            places.append(match.group(1))
    return places


def pay(text: str) -> str | None:
    """The pay a text asks for: "at least 15k a month", "月薪一万以上"."""
    if match := _PAY_ZH.search(text):
        return match.group(0).strip()
    for match in _PAY_EN.finditer(text):
        amount = match.group(0).strip()
        around = text[max(0, match.start() - 30) : match.end() + 15]
        if _CURRENCY.search(amount) or (_THOUSANDS.search(amount) and _PAY_CONTEXT.search(around)):
            return amount
    return None


def constraints(text: str, clauses: Sequence[str]) -> Constraints | None:
    """Where, for how much and in what hours a person wants to work; where they used to
    work, or the city in their school's name, is no requirement."""
    places: list[str] = []
    hours: list[str] = []
    for clause in clauses:
        if _PAST_WORK.search(clause) and not is_wish(clause):
            continue  # where someone used to work is history, not a requirement
        clause = _without_schools(clause)
        places += _places(clause)
        hours += [
            hit.label for hit in _HOURS.hits(clause) if not _DESCRIBES_PERSON.match(clause, hit.end)
        ]
    chinese = is_chinese(text)
    if chinese:
        places = [_PLACE_IN_CHINESE.get(place, place) for place in places]
    separator = "、" if chinese else ", "
    location = separator.join(unique(places)) or None
    hours_asked = separator.join(unique(hours)) or None
    asked = pay(text)
    if not any((location, asked, hours_asked)):
        return None
    return Constraints(location=location, pay=asked, hours=hours_asked)
