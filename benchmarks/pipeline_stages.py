"""Where a pipeline run spends its time, stage by stage, and what the vector cache saves.

Runs each stage's pure work in this process, side by side in one run, for an English
persona with a résumé and the O*NET release: the parser's profile, the analyzer's
inference, the matcher's ranking (index loaded), the reporter's Markdown and PDF.
Then loads the matcher's O*NET index cold (empty cache: every occupation embedded)
and warm (from the cache just written). Usage:

    uv run python -m benchmarks.pipeline_stages [--onet-dir ../shared/onet] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from careerstream.analyzer.interests import analyze
from careerstream.contracts import (
    ChatMessage,
    ChatRole,
    CollectedInfo,
    Locale,
    ReportRequested,
    ResumeDocument,
)
from careerstream.matcher.ranking import load_index, rank
from careerstream.parser.profiling import build_profile
from careerstream.parser.vocabulary import SkillVocabulary
from careerstream.reporter.pdf import render_pdf
from careerstream.reporter.writing import report_document, report_sections

T = TypeVar("T")

RESUME = """Jane Doe
Education
MSc Statistics, University of Edinburgh, 2017 - 2019
Experience
Data Analyst, Acme Ltd, Jan 2020 - Present
Built forecasting models and dashboards; ran research on customer data.
Skills
Python, SQL, Tableau, Microsoft Excel, statistics, data analysis
Languages
English, French
Interests
Research, solving puzzles, reading about science
"""


def timed(work: Callable[[], T], repeat: int) -> tuple[T, float]:
    """The result and the median wall time of `repeat` runs, in milliseconds."""
    times = []
    result: T | None = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    assert result is not None
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--onet-dir", type=Path, default=Path(__file__).parents[2] / "shared/onet")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    onet: Path = args.onet_dir
    locale = Locale.EN
    vocabulary = SkillVocabulary.with_onet(onet)
    conversation = [ChatMessage(role=ChatRole.USER, content="I love research and puzzles.")]
    resume = ResumeDocument(filename="cv.txt", kind="txt", pages=1, text=RESUME)

    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        index = load_index(onet, Path(cache))
        cold_s = time.perf_counter() - started
        _, warm_ms = timed(lambda: load_index(onet, Path(cache)), args.repeat)

    profile, parse_ms = timed(
        lambda: build_profile(
            conversation, CollectedInfo(), resume, locale, vocabulary, today=date.today()
        ),
        args.repeat,
    )
    interests, analyze_ms = timed(lambda: analyze(profile, None, locale), args.repeat)
    matches, match_ms = timed(lambda: rank(index, profile, interests, locale), args.repeat)
    writing = ReportRequested(
        session_id="benchmark",
        locale=locale,
        profile=profile,
        interests=interests,
        matches=matches,
        data_source=index.data_source,
        attribution=index.attribution,
    )
    sections, write_ms = timed(lambda: report_sections(writing, today=date.today()), args.repeat)
    document = report_document(writing, "".join(text for _, text in sections))
    pdf, pdf_ms = timed(lambda: render_pdf(document), args.repeat)

    stages = {
        "parse (profile)": parse_ms,
        "analyze (inference)": analyze_ms,
        "match (rank 923)": match_ms,
        "report (Markdown)": write_ms,
        "report (PDF)": pdf_ms,
    }
    total = sum(stages.values())
    print(f"median of {args.repeat} runs; top match: {matches[0].title} ({matches[0].code})")
    print(f"{'stage':<22}{'ms':>9}{'share':>8}")
    for name, ms in stages.items():
        print(f"{name:<22}{ms:>9.1f}{ms / total:>8.0%}")
    print(f"{'all stages':<22}{total:>9.1f}")
    print(f"PDF size: {len(pdf) / 1024:.1f} KiB")
    print(
        f"O*NET index: cold {cold_s:.1f} s, cached {warm_ms:.0f} ms "
        f"({cold_s * 1000 / warm_ms:.0f}x faster from the cache)"
    )


if __name__ == "__main__":
    main()
