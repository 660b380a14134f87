"""A small finished report, for tests that only need one to exist."""

from __future__ import annotations

from careerstream.contracts import Locale, ReportDocument


def minimal_report(run_id: str = "run-1", locale: Locale = Locale.EN) -> ReportDocument:
    return ReportDocument(
        run_id=run_id,
        locale=locale,
        holland_code="IA",
        riasec=dict.fromkeys("RIASEC", 0.5),
        riasec_source="inferred",
        confidence=0.5,
        markdown="# Report",
        data_source="catalogue",
    )
