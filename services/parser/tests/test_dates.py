"""Dates and periods as résumés write them; years counted by hand against a fixed today."""

from __future__ import annotations

from datetime import date

import pytest

from careerstream.parser.dates import YearMonth, mentions, periods, single_dates, total_years

TODAY = date(2025, 6, 15)  # "present" runs to the end of June 2025


@pytest.mark.parametrize(
    ("text", "start", "end", "years"),
    [
        # Bare years: 2019 to 2023 is four years (48 months).
        ("2019 - 2023", "2019", "2023", 4.0),
        ("2015–2017", "2015", "2017", 2.0),
        # January 2020 through June 2025 inclusive: 66 months.
        ("Jan 2020 – Present", "2020-01", "present", 5.5),
        # March 2018 through June 2021 inclusive: 40 months.
        ("03/2018 - 06/2021", "2018-03", "2021-06", 3.33),
        # March 2020 through June 2025: 64 months.
        ("2020.03 - 至今", "2020-03", "present", 5.33),
        # September 2018 through June 2022: 46 months.
        ("2018年9月—2022年6月", "2018-09", "2022-06", 3.83),
        ("2018年9月至2022年6月", "2018-09", "2022-06", 3.83),
        ("2018年9月 ~ 2022年6月", "2018-09", "2022-06", 3.83),
        # 至今 carries its own "to".
        ("2021年7月至今", "2021-07", "present", 4.0),
        ("September 2019 to June 2021", "2019-09", "2021-06", 1.83),
        ("Sept. 2019 until now", "2019-09", "present", 5.83),
        ("2019/09 – 2023/06", "2019-09", "2023-06", 3.83),
        ("2016-07 ~ 2019-06", "2016-07", "2019-06", 3.0),
        # A bare start year counts from January.
        ("2019 - Mar 2021", "2019", "2021-03", 2.25),
    ],
)
def test_each_written_form_is_one_period(text: str, start: str, end: str, years: float) -> None:
    [period] = periods(text)
    assert (period.start.iso(), period.end_text) == (start, end)
    assert period.years(TODAY) == years
    assert text[period.span[0] : period.span[1]].strip() == text.strip()


def test_periods_are_found_inside_lines_and_prose() -> None:
    text = (
        "Senior Analyst, Acme Inc.   Jan 2020 – Present\n"
        "2016年7月至2019年6月在招商银行担任客户经理，2019年7月至今在平安证券任投资顾问。"
    )
    found = [(p.start.iso(), p.end_text) for p in periods(text)]
    assert found == [("2020-01", "present"), ("2016-07", "2019-06"), ("2019-07", "present")]


@pytest.mark.parametrize(
    "text",
    [
        "Marketing 2020 and beyond",  # a word that begins like a month is no month
        "Call +86 138 2019 2020",  # numbers side by side, not joined
        "2023 - 2019",  # ends before it starts
        "今年我2020年开始工作",  # 今 in 今年 is not "present"
        "Revenue grew 2019 to 20%",
    ],
)
def test_text_that_is_no_period(text: str) -> None:
    assert periods(text) == []


def test_a_range_ending_in_the_future_counts_only_to_today() -> None:
    [period] = periods("2024.09 - 2026.06")
    # September 2024 through June 2025: 10 months.
    assert period.years(TODAY) == pytest.approx(0.83)


def test_single_dates_are_the_ones_outside_periods() -> None:
    text = "BSc Biology, 2016; worked 2017 - 2019; graduated June 2021"
    assert [m.when for m in single_dates(text)] == [YearMonth(2016), YearMonth(2021, 6)]
    assert [m.when for m in mentions("2020年3月15日")] == [YearMonth(2020, 3)]


def test_overlapping_periods_are_not_counted_twice() -> None:
    text = "2018.01 - 2020.12 Job A\n2020.01 - 2021.12 Job B\n2023 - 2024 Job C"
    # Jan 2018 through Dec 2021 is 48 months; 2023 to 2024 adds 12: 60 months.
    assert total_years(periods(text), TODAY) == 5.0
    # One inside another adds nothing.
    assert total_years(periods("2015 - 2020, 2016 - 2017"), TODAY) == 5.0


def test_ongoing_periods_grow_with_today() -> None:
    [period] = periods("Jan 2020 – Present")
    assert period.years(date(2021, 1, 1)) == 1.08  # January 2020 through January 2021
    assert period.years(date(2019, 6, 1)) == 0.0  # not begun yet
