"""Dates and date ranges as résumés write them, in English and Chinese.

"2019 - 2023", "Jan 2020 – Present", "03/2018 - 06/2021", "2020.03 - 至今",
"2018年9月—2022年6月", "2018年9月至2022年6月": each date is found on its own and two
dates joined by a dash, "to" or 至 make a period. Periods count whole months:
a period runs from the start of its first month to the end of its last, so
"Sep 2018 – Jun 2022" is 46 months; a bare year ends at the year's start, so
"2019 - 2023" is four years; "present" ends with the current month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORDS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"

_DATE = re.compile(
    rf"(?<![A-Za-z])(?P<mname>{_MONTH_WORDS})(?![A-Za-z])\.?\s{{0,2}},?\s{{0,2}}"
    rf"(?P<myear>{_YEAR})(?!\d)"
    rf"|(?<![\d./-])(?P<nmonth>{_MONTH_NUMBER})\s?[/.-]\s?(?P<nyear>{_YEAR})(?!\d)"
    rf"|(?<!\d)(?P<cyear>{_YEAR})\s?年\s?(?:(?P<cmonth>{_MONTH_NUMBER})\s?月(?:份|\s?\d{{1,2}}\s?日)?)?"
    rf"|(?<!\d)(?P<dyear>{_YEAR})\s?[./-]\s?(?P<dmonth>{_MONTH_NUMBER})(?![\d])"
    rf"(?:[./-]\d{{1,2}}(?!\d))?"
    rf"|(?<!\d)(?P<year>{_YEAR})(?!\d)"
    r"|(?P<present>(?<![A-Za-z])(?:present|now|current|currently|today|to\s+date|ongoing)"
    r"(?![A-Za-z])|至今|迄今|到现在|到目前|现在|目前|今)",
    re.IGNORECASE,
)
# What may stand between the two ends of a period.
_JOIN = re.compile(
    r"\s{0,3}(?:[-–—―~～‐‑]{1,2}|to|until|till|through|thru|至|到)\s{0,3}", re.IGNORECASE
)
# 至今 carries its own "to": "2020年至今" needs nothing between.
_SELF_JOINED = ("至", "迄", "到")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int | None = None

    def iso(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def first_month(self) -> int:
        """Months since year 0 at the start of this date (January for a bare year)."""
        return self.year * 12 + (self.month or 1) - 1

    def end_month(self) -> int:
        """Months since year 0 where a period ending on this date stops (exclusive)."""
        return self.year * 12 + (self.month if self.month is not None else 0)


@dataclass(frozen=True)
class DateMention:
    when: YearMonth | None  # None: "present"
    start: int
    end: int


@dataclass(frozen=True)
class Period:
    start: YearMonth
    end: YearMonth | None  # None: still going on
    span: tuple[int, int]  # where it is written

    @property
    def end_text(self) -> str:
        return "present" if self.end is None else self.end.iso()

    def months(self, today: date) -> tuple[int, int]:
        """[first, stop) in months since year 0, cut at the end of the current month."""
        now = today.year * 12 + today.month
        stop = now if self.end is None else min(self.end.end_month(), now)
        first = self.start.first_month()
        return first, max(first, stop)

    def years(self, today: date) -> float:
        first, stop = self.months(today)
        return round((stop - first) / 12, 2)


def _mention(match: re.Match[str]) -> DateMention:
    groups = match.groupdict()
    when: YearMonth | None
    if groups["present"]:
        when = None
    elif groups["mname"]:
        month = _MONTH_NAMES.index(groups["mname"].lower()[:3]) + 1
        when = YearMonth(int(groups["myear"]), month)
    elif groups["nmonth"]:
        when = YearMonth(int(groups["nyear"]), int(groups["nmonth"]))
    elif groups["cyear"]:
        when = YearMonth(int(groups["cyear"]), int(groups["cmonth"]) if groups["cmonth"] else None)
    elif groups["dyear"]:
        when = YearMonth(int(groups["dyear"]), int(groups["dmonth"]))
    else:
        when = YearMonth(int(groups["year"]))
    return DateMention(when, match.start(), match.end())


def mentions(text: str) -> list[DateMention]:
    """Every date (and every "present") written in the text, in order."""
    return [_mention(match) for match in _DATE.finditer(text)]


def _joined(text: str, first: DateMention, second: DateMention) -> bool:
    between = text[first.end : second.start]
    if _JOIN.fullmatch(between):
        return True
    return second.when is None and not between.strip() and text[second.start] in _SELF_JOINED


def periods(text: str) -> list[Period]:
    """Periods written as two joined dates, the later possibly "present"; in order."""
    return list(_periods(text))


@lru_cache(maxsize=4096)
def _periods(text: str) -> tuple[Period, ...]:
    # Cached: parsing asks about the same sentence at several steps.
    found: list[Period] = []
    dates = mentions(text)
    index = 0
    while index < len(dates) - 1:
        first, second = dates[index], dates[index + 1]
        if first.when is not None and _joined(text, first, second):
            if second.when is None or second.when.end_month() >= first.when.first_month():
                found.append(Period(first.when, second.when, (first.start, second.end)))
            index += 2
            continue
        index += 1
    return tuple(found)


def single_dates(text: str) -> list[DateMention]:
    """Dates that are not part of a period ("Graduated 2016")."""
    inside = [p.span for p in periods(text)]
    return [
        m
        for m in mentions(text)
        if m.when is not None and not any(s <= m.start < e for s, e in inside)
    ]


def total_years(spans: Iterable[Period], today: date) -> float:
    """Years covered by the periods together: overlapping months count once."""
    merged: list[list[int]] = []
    for first, stop in sorted(p.months(today) for p in spans):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([first, stop])
    return round(sum(stop - first for first, stop in merged) / 12, 2)


def without_dates(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the given spans blanked out, positions kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
