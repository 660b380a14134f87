"""The report a run ends with, as JSON and as PDF, in-process against the broker."""

from __future__ import annotations

import base64

import httpx
import pytest

from careerstream.contracts import (
    ASSESSMENT_ITEM_IDS,
    InterestProfile,
    Locale,
    ReportDocument,
    ReportRendered,
    SessionCompleted,
    Stage,
    StageCompleted,
    StageRequest,
    StageStarted,
)
from careerstream.gateway.journal.store import Store
from tests.support.gateway import new_session

pytestmark = pytest.mark.broker


def all_answers(value: int = 3) -> dict[str, int]:
    return dict.fromkeys(ASSESSMENT_ITEM_IDS, value)


async def test_the_report_is_404_until_it_exists_then_json_and_pdf(
    client: httpx.AsyncClient, store: Store, sent: list[StageRequest]
) -> None:
    session_id = await new_session(client)
    for path in ("report", "report/pdf"):
        missing = await client.get(f"/api/sessions/{session_id}/{path}")
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "report_not_ready"
    run_id = (
        await client.post(f"/api/sessions/{session_id}/assessment", json={"answers": all_answers()})
    ).json()["run_id"]
    interests = InterestProfile(
        riasec=dict.fromkeys("RIASEC", 0.5), holland_code="RIA", source="assessment", confidence=0.6
    )
    report = ReportDocument(
        run_id=run_id,
        locale=Locale.EN,
        holland_code="RIA",
        riasec=interests.riasec,
        riasec_source="assessment",
        confidence=0.6,
        markdown="# Report",
        data_source="catalogue",
    )
    meta = {"session_id": session_id, "turn_id": run_id}
    journaled = await store.events.journal(
        [
            StageStarted(stage=Stage.PARSE, progress=0.0, **meta),
            StageCompleted(stage=Stage.MATCH, progress=0.55, result={"matches": []}, **meta),
            # A straggler of an earlier run moves nothing.
            StageStarted(stage=Stage.REPORT, progress=0.9, session_id=session_id, turn_id="old"),
            ReportRendered(
                report=report, pdf_base64=base64.b64encode(b"%PDF-1.4 x").decode(), **meta
            ),
            SessionCompleted(stage=Stage.REPORT, **meta),
        ]
    )
    assert [j.event.type for j in journaled.events] == [
        "stage.started",
        "stage.completed",
        "stage.started",
        "session.completed",
    ]
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert snapshot["status"] == "completed"
    assert snapshot["has_report"] is True
    assert snapshot["results"] == {"match": {"matches": []}}
    answered = await client.get(f"/api/sessions/{session_id}/report")
    assert answered.content == report.model_dump_json().encode(), "the report as it was stored"
    body = answered.json()
    assert body["holland_code"] == "RIA"
    assert body["riasec_source"] == "assessment"
    pdf = await client.get(f"/api/sessions/{session_id}/report/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == b"%PDF-1.4 x"
