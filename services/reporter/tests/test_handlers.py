"""The reporter's subscriber on the in-memory broker: the report streamed, stored, then done."""

from __future__ import annotations

import base64
import io

from pypdf import PdfReader

from careerstream.contracts import ReportRendered, ReportRequested
from careerstream.contracts.topology import REPORT_REQUESTS
from careerstream.reporter.app import worker
from careerstream.reporter.settings import ReporterSettings
from tests.support.workers import milestones, run_stage_in_memory


async def test_the_report_is_streamed_then_rendered_then_the_session_completes(
    any_request: ReportRequested,
) -> None:
    broker = worker.broker(ReporterSettings(token_flush_chars=32))
    events, _ = await run_stage_in_memory(broker, REPORT_REQUESTS, any_request)
    assert milestones(events) == [
        "stage.started",
        "report.rendered",
        "stage.completed",
        "session.completed",
    ]
    tokens = [e["text"] for e in events if e["type"] == "token"]
    assert len(tokens) > 20
    assert max(len(t) for t in tokens) < 80  # coalesced by the size bound, not one blob
    progress = [e["progress"] for e in events if e["type"].startswith("stage.")]
    assert progress == sorted(progress)
    assert (progress[0], progress[-1]) == (0.55, 1.0)
    assert len([e for e in events if e["type"] == "stage.progress"]) >= 5

    rendered = ReportRendered.model_validate(
        next(e for e in events if e["type"] == "report.rendered")
    )
    report = rendered.report
    assert report.markdown == "".join(tokens)
    assert report.holland_code == any_request.interests.holland_code
    assert report.matches == any_request.matches
    pdf = PdfReader(io.BytesIO(base64.b64decode(rendered.pdf_base64)))
    text = "".join("".join(page.extract_text() or "" for page in pdf.pages).split())
    assert "".join(any_request.matches[0].title.split()) in text
