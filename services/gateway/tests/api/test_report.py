"""The report a run ends with, as JSON and as PDF, in-process against the broker."""

from __future__ import annotations

import httpx
import pytest

from careerstream.contracts import (
    ASSESSMENT_ITEM_IDS,
    SessionCompleted,
    Stage,
    StageCompleted,
    StageRequest,
    StageStarted,
)
from careerstream.gateway.journal.store import Store
from tests.support.gateway import new_session
from tests.support.reports import PDF, report_rendered

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
    rendered = report_rendered(session_id, run_id, holland_code="RIA", riasec_source="assessment")
    meta = {"session_id": session_id, "turn_id": run_id}
    journaled = await store.events.journal(
        [
            StageStarted(stage=Stage.PARSE, progress=0.0, **meta),
            StageCompleted(stage=Stage.MATCH, progress=0.55, result={"matches": []}, **meta),
            # A straggler of an earlier run moves nothing and is not journaled.
            StageStarted(stage=Stage.REPORT, progress=0.9, session_id=session_id, turn_id="old"),
            rendered,
            SessionCompleted(stage=Stage.REPORT, **meta),
        ]
    )
    assert [j.event.type for j in journaled.events] == [
        "stage.started",
        "stage.completed",
        "session.completed",
    ]
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert snapshot["status"] == "completed"
    assert snapshot["has_report"] is True
    assert snapshot["results"] == {"match": {"matches": []}}
    answered = await client.get(f"/api/sessions/{session_id}/report")
    stored = rendered.report.model_dump_json().encode()
    assert answered.content == stored, "the report as it was stored"
    body = answered.json()
    assert body["holland_code"] == "RIA"
    assert body["riasec_source"] == "assessment"
    pdf = await client.get(f"/api/sessions/{session_id}/report/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == PDF
