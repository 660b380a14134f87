"""What long and hostile input costs the text understanding, next to ordinary input.

Side by side in one run: the guide's `extract` on an ordinary chat message, on a huge one
(cut to MAX_CHARS before anything is read) and on hostile ones (long runs of one word,
cue or digit, which a careless pattern would make quadratic); then the parser's
`build_profile` on an ordinary résumé, a 100,000-character one and hostile ones. Each
figure is the median of interleaved rounds; the ratio is against the ordinary input.
Usage (nothing else needed):

    uv run python -m benchmarks.understanding [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial

from careerstream.contracts import CollectedInfo, Locale, ResumeDocument
from careerstream.parser.profiling import MAX_RESUME_CHARS, build_profile
from careerstream.parser.vocabulary import SkillVocabulary
from careerstream.understanding import extract
from careerstream.understanding.text import MAX_CHARS

MESSAGE = (
    "我本科学的是会计，在一家银行工作了三年，熟悉Excel和数据分析。I enjoy hiking and chess, "
    "stability matters most to me, and I'd like to become a financial analyst in Shanghai, "
    "at least 15k a month."
)
MESSAGES = {
    "ordinary message": MESSAGE,
    "huge message (50k)": (MESSAGE * (50_000 // len(MESSAGE) + 1))[:50_000],
    "hostile: one cue repeated": "I enjoy " + "very " * 5000 + "long walks, " * 2000,
    "hostile: 学的是 repeated": "学的是" * 7000,
    "hostile: no spaces": "a" * 20_000,
    "hostile: digits and commas": "1," * 10_000,
}

RESUME = """Jane Doe
Education
MSc Statistics, University of Edinburgh, 2017 - 2019
教育背景
2014.09 - 2018.06  浙江大学  计算机科学与技术  本科
Experience
Data Analyst, Acme Ltd, Jan 2020 - Present
Built forecasting models and dashboards in Python and SQL.
2018年9月至2020年1月  腾讯科技（深圳）有限公司  产品经理
Skills
Python, SQL, Tableau, Microsoft Excel, statistics, 数据分析
Languages
English (native), 英语六级
Interests
Hiking, chess and photography
"""
RESUMES = {
    "ordinary résumé": RESUME,
    "résumé of 100k": (RESUME * (MAX_RESUME_CHARS // len(RESUME) + 1))[:MAX_RESUME_CHARS],
    "hostile: dates": ("2019-" * 20_000)[:MAX_RESUME_CHARS],
    "hostile: University": ("University " * 9_000)[:MAX_RESUME_CHARS],
    "hostile: one character": "中" * MAX_RESUME_CHARS,
}


def elapsed_ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def profile(text: str, vocabulary: SkillVocabulary) -> object:
    resume = ResumeDocument(filename="resume.txt", kind="txt", pages=1, text=text)
    return build_profile(
        [], CollectedInfo(), resume, Locale.EN, vocabulary, today=date(2025, 6, 15)
    )


def table(
    title: str,
    cases: dict[str, Callable[[], object]],
    sizes: dict[str, int],
    bound: int,
    rounds: int,
) -> None:
    """Median time of each case, against the first (ordinary) one, and per 1,000 characters
    read (after the cut to `bound`): hostile input should cost about what ordinary text does."""
    totals: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):  # interleaved: load on the machine hits every case alike
        for name, work in cases.items():
            totals[name].append(elapsed_ms(work))
    medians = {name: statistics.median(times) for name, times in totals.items()}
    base = next(iter(medians.values()))
    print(f"\n{title}, median of {rounds} interleaved rounds")
    print(
        f"{'input':<28} {'chars':>8} {'read':>8} {'ms':>9} {'vs ordinary':>12} {'ms/1k read':>11}"
    )
    for name, ms in medians.items():
        read = min(sizes[name], bound)
        per_k = ms / read * 1000
        print(
            f"{name:<28} {sizes[name]:>8,} {read:>8,} {ms:>9.2f} {ms / base:>11.1f}× {per_k:>11.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    vocabulary = SkillVocabulary.builtin()
    extract(MESSAGE)  # compile the lexicons before timing
    profile(RESUME, vocabulary)
    table(
        f"extract (a message is read to MAX_CHARS = {MAX_CHARS:,})",
        {name: partial(extract, text) for name, text in MESSAGES.items()},
        {name: len(text) for name, text in MESSAGES.items()},
        MAX_CHARS,
        rounds,
    )
    table(
        f"build_profile (a résumé is read to {MAX_RESUME_CHARS:,} characters)",
        {name: partial(profile, text, vocabulary) for name, text in RESUMES.items()},
        {name: len(text) for name, text in RESUMES.items()},
        MAX_RESUME_CHARS,
        rounds,
    )


if __name__ == "__main__":
    main()
