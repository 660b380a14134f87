"""A finished report as the reporter sends it, for tests that need one to exist."""

from __future__ import annotations

import base64
from typing import Literal

from careerstream.contracts import Locale, ReportDocument, ReportRendered

PDF = b"%PDF-1.4 x"


def minimal_report(
    run_id: str = "run-1",
    locale: Locale = Locale.EN,
    *,
    holland_code: str = "IA",
    riasec_source: Literal["assessment", "inferred"] = "inferred",
) -> ReportDocument:
    return ReportDocument(
        run_id=run_id,
        locale=locale,
        holland_code=holland_code,
        riasec=dict.fromkeys("RIASEC", 0.5),
        riasec_source=riasec_source,
        confidence=0.6,
        markdown="# Report",
        data_source="catalogue",
    )


def report_rendered(
    session_id: str,
    run_id: str,
    *,
    holland_code: str = "IRC",
    riasec_source: Literal["assessment", "inferred"] = "inferred",
) -> ReportRendered:
    """The stored-only `report.rendered` of run `run_id`, with a tiny PDF (`PDF`)."""
    document = minimal_report(run_id, holland_code=holland_code, riasec_source=riasec_source)
    pdf = base64.b64encode(PDF).decode()
    return ReportRendered(report=document, pdf_base64=pdf, session_id=session_id, turn_id=run_id)
