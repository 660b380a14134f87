"""Starting the pipeline from a résumé or the questionnaire, in-process against the broker."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from reportlab.pdfgen import canvas

from careerstream.contracts import ASSESSMENT_ITEM_IDS, PipelineRequested, StageRequest
from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import new_session, running_gateway

pytestmark = pytest.mark.broker

RESUME = b"Jane Doe\nEducation\nBSc Computer Science, 2016-2020\nSkills: Python, SQL\n"


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
    client: httpx.AsyncClient, sent: list[StageRequest]
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
    (request,) = sent
    assert isinstance(request, PipelineRequested)
    assert request.run_id == body["run_id"]
    assert request.source == "resume"
    assert request.inputs.resume is not None
    assert request.inputs.resume.text.startswith("Jane Doe")
    status = (await client.get(f"/api/sessions/{session_id}/status")).json()
    assert (status["status"], status["stage"], status["progress"]) == ("analyzing", "parse", 0.0)
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert snapshot["has_resume"] is True
    assert snapshot["pipeline_run_id"] == body["run_id"]

    again = await client.post(f"/api/sessions/{session_id}/resume", files=files)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "pipeline_running"
    assert len(sent) == 1


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
    client: httpx.AsyncClient, sent: list[StageRequest], content: bytes, status: int, code: str
) -> None:
    session_id = await new_session(client)
    files = {"file": ("resume.pdf", content, "application/pdf")}
    response = await client.post(f"/api/sessions/{session_id}/resume", files=files)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert sent == []
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"


async def test_an_upload_without_a_file_is_a_typed_error(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client)
    response = await client.post(f"/api/sessions/{session_id}/resume", data={"x": "1"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    missing = await client.post("/api/sessions/nope/resume", files={"file": ("a.txt", RESUME)})
    assert missing.status_code == 404


async def test_answers_alone_start_the_pipeline(
    client: httpx.AsyncClient, sent: list[StageRequest]
) -> None:
    session_id = await new_session(client, "zh")
    answers = all_answers(4)
    response = await client.post(
        f"/api/sessions/{session_id}/assessment", json={"answers": answers}
    )
    assert response.status_code == 202, response.text
    (request,) = sent
    assert isinstance(request, PipelineRequested)
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
    client: httpx.AsyncClient, sent: list[StageRequest], change: Any, problem: str
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
    assert sent == []


@pytest.mark.usefixtures("broker_refuses")
async def test_an_unreachable_parser_is_a_503_and_the_session_stays_usable(
    client: httpx.AsyncClient,
) -> None:
    session_id = await new_session(client)
    body = {"answers": all_answers()}
    response = await client.post(f"/api/sessions/{session_id}/assessment", json=body)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "pipeline_unreachable"
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"


async def test_the_questionnaire_is_served_in_both_languages(
    rabbitmq_url: str, database_url: str
) -> None:
    from tests.support.onet import onet_dir

    for onet, english_status in ((onet_dir(), 200), (None, 404)):
        settings = GatewaySettings(
            rabbitmq_url=rabbitmq_url, database_url=database_url, onet_dir=onet
        )
        async with running_gateway(settings) as running:
            http = running.http
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
