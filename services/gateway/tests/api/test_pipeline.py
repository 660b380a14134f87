"""Starting the pipeline (résumé, questionnaire) and reading its report, in-process."""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from reportlab.pdfgen import canvas

from careerstream.contracts import (
    ASSESSMENT_ITEM_IDS,
    InterestProfile,
    Locale,
    ReportDocument,
    ReportRendered,
    SessionCompleted,
    Stage,
    StageCompleted,
    StageStarted,
)
from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import running_gateway

pytestmark = pytest.mark.broker

RESUME = b"Jane Doe\nEducation\nBSc Computer Science, 2016-2020\nSkills: Python, SQL\n"


@pytest.fixture
async def client(rabbitmq_url: str, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = GatewaySettings(
        rabbitmq_url=rabbitmq_url,
        database_url=database_url,
        max_upload_bytes=100_000,
        max_upload_pages=3,
        turn_timeout_s=3,
    )
    async with running_gateway(settings) as http:
        yield http


@pytest.fixture
def started(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Pipeline requests kept here instead of reaching a parser of another test tier."""
    requests: list[Any] = []
    bus = client._transport.app.state.bus  # type: ignore[attr-defined]

    async def keep(request: Any) -> None:
        requests.append(request)

    monkeypatch.setattr(bus, "request_pipeline", keep)
    return requests


async def new_session(client: httpx.AsyncClient, locale: str = "en") -> str:
    response = await client.post("/api/sessions", json={"locale": locale})
    session_id: str = response.json()["session_id"]
    return session_id


def pdf_without_text(pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for _ in range(pages):
        page.rect(50, 50, 400, 600, fill=1)  # an image-like page: no text layer
        page.showPage()
    page.save()
    return buffer.getvalue()


def all_answers(value: int = 3) -> dict[str, int]:
    return dict.fromkeys(ASSESSMENT_ITEM_IDS, value)


async def test_a_resume_upload_starts_the_pipeline_with_its_text(
    client: httpx.AsyncClient, started: list[Any]
) -> None:
    session_id = await new_session(client)
    files = {"file": ("cv.txt", RESUME, "text/plain")}
    response = await client.post(f"/api/sessions/{session_id}/resume", files=files)
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["source"] == "resume"
    assert body["status"] == "analyzing"
    assert body["resume"] == {
        "filename": "cv.txt",
        "kind": "txt",
        "pages": 1,
        "chars": len(RESUME.strip()),
    }
    (request,) = started
    assert request.run_id == body["run_id"]
    assert request.source == "resume"
    assert request.inputs.resume.text.startswith("Jane Doe")
    status = (await client.get(f"/api/sessions/{session_id}/status")).json()
    assert (status["status"], status["stage"], status["progress"]) == ("analyzing", "parse", 0.0)
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert snapshot["has_resume"] is True
    assert snapshot["pipeline_run_id"] == body["run_id"]

    again = await client.post(f"/api/sessions/{session_id}/resume", files=files)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "pipeline_running"
    assert len(started) == 1


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b"", 422, "empty_file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), 415, "unsupported_type"),
        (b"x" * 100_001, 413, "file_too_large"),
        (pdf_without_text(), 422, "no_text_layer"),
        (pdf_without_text(pages=4), 413, "too_many_pages"),
    ],
    ids=["empty", "image", "too-large", "scan", "too-many-pages"],
)
async def test_a_bad_resume_is_refused_and_nothing_starts(
    client: httpx.AsyncClient, started: list[Any], content: bytes, status: int, code: str
) -> None:
    session_id = await new_session(client)
    files = {"file": ("resume.pdf", content, "application/pdf")}
    response = await client.post(f"/api/sessions/{session_id}/resume", files=files)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert started == []
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"


async def test_an_upload_without_a_file_is_a_typed_error(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client)
    response = await client.post(f"/api/sessions/{session_id}/resume", data={"x": "1"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    missing = await client.post("/api/sessions/nope/resume", files={"file": ("a.txt", RESUME)})
    assert missing.status_code == 404


async def test_answers_alone_start_the_pipeline(
    client: httpx.AsyncClient, started: list[Any]
) -> None:
    session_id = await new_session(client, "zh")
    answers = all_answers(4)
    response = await client.post(
        f"/api/sessions/{session_id}/assessment", json={"answers": answers}
    )
    assert response.status_code == 202, response.text
    (request,) = started
    assert request.source == "assessment"
    assert request.inputs.answers == answers
    assert request.locale.value == "zh"
    assert (await client.get(f"/api/sessions/{session_id}")).json()["has_assessment"] is True


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda a: a.pop("R01"), "R01: missing"),
        (lambda a: a.update(C10=6), "C10: 6 is not a whole number from 1 to 5"),
        (lambda a: a.update(I03=0), "I03: 0 is not"),
        (lambda a: a.update(A02="4"), "A02: '4' is not"),
        (lambda a: a.update(X01=3), "X01: not an item of the form"),
    ],
    ids=["missing", "too-high", "too-low", "text", "unknown-item"],
)
async def test_answers_that_cannot_be_scored_get_a_422(
    client: httpx.AsyncClient, started: list[Any], change: Any, problem: str
) -> None:
    session_id = await new_session(client)
    answers: dict[str, Any] = all_answers()
    change(answers)
    response = await client.post(
        f"/api/sessions/{session_id}/assessment", json={"answers": answers}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_answers"
    assert problem in error["message"]
    assert started == []


async def test_an_unreachable_parser_is_a_503_and_the_session_stays_usable(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    bus = client._transport.app.state.bus  # type: ignore[attr-defined]

    async def broken(request: Any) -> None:
        raise ConnectionError("broker gone")

    monkeypatch.setattr(bus, "request_pipeline", broken)
    session_id = await new_session(client)
    body = {"answers": all_answers()}
    response = await client.post(f"/api/sessions/{session_id}/assessment", json=body)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "pipeline_unreachable"
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"


async def test_the_report_is_404_until_it_exists_then_json_and_pdf(
    client: httpx.AsyncClient, started: list[Any]
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
    store = client._transport.app.state.bus.store  # type: ignore[attr-defined]
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
    assert [j.event.type for j in journaled] == [
        "stage.started",
        "stage.completed",
        "stage.started",
        "session.completed",
    ]
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert snapshot["status"] == "completed"
    assert snapshot["has_report"] is True
    assert snapshot["results"] == {"match": {"matches": []}}
    body = (await client.get(f"/api/sessions/{session_id}/report")).json()
    assert body["holland_code"] == "RIA"
    assert body["riasec_source"] == "assessment"
    pdf = await client.get(f"/api/sessions/{session_id}/report/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == b"%PDF-1.4 x"


async def test_the_questionnaire_is_served_in_both_languages(
    rabbitmq_url: str, database_url: str
) -> None:
    from tests.support.onet import onet_dir

    for onet, english_status in ((onet_dir(), 200), (None, 404)):
        settings = GatewaySettings(
            rabbitmq_url=rabbitmq_url, database_url=database_url, onet_dir=onet
        )
        async with running_gateway(settings) as http:
            chinese = (await http.get("/api/assessment", params={"locale": "zh"})).json()
            assert [i["id"] for i in chinese["items"]] == list(ASSESSMENT_ITEM_IDS)
            assert chinese["scale"]["5"] == "非常喜欢"
            english = await http.get("/api/assessment", params={"locale": "en"})
            assert english.status_code == english_status
            if onet is not None:
                assert english.json()["items"][0]["text"] == "Build kitchen cabinets"
                assert "O*NET" in english.json()["attribution"]
            else:
                assert english.json()["error"]["code"] == "questionnaire_unavailable"
