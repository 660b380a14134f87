"""Every failure answers `{"error": {"code", "message"}}` with its status."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from careerstream.gateway.api.errors import ApiError, install_error_handlers
from careerstream.gateway.sessions.errors import Invalid, NotFound, Refused, Unreachable


@pytest.mark.broker
@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/api/sessions/nope/chat/stream", {"message": "hi"}, 404, "session_not_found"),
        ("/api/sessions/nope/chat", {"message": "hi"}, 404, "session_not_found"),
        ("/api/sessions/nope/events", None, 404, "session_not_found"),
        ("/api/sessions/nope", None, 404, "session_not_found"),
        ("/api/sessions/nope/status", None, 404, "session_not_found"),
        ("/api/sessions/nope/report", None, 404, "session_not_found"),
        ("/api/sessions/nope/report/pdf", None, 404, "session_not_found"),
        ("/api/sessions", None, 400, "user_id_required"),
        ("/api/sessions", {"locale": "fr"}, 422, "invalid_request"),
        ("/api/sessions", {"unknown": 1}, 422, "invalid_request"),
        ("/api/nothing-here", None, 404, "not_found"),
    ],
)
async def test_bad_requests_get_typed_errors(
    client: httpx.AsyncClient, path: str, body: dict[str, object] | None, status: int, code: str
) -> None:
    if body is None:
        response = await client.get(path)
    else:
        response = await client.post(path, json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


@pytest.mark.broker
async def test_a_bad_json_body_is_a_typed_error(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/sessions", content=b"{oops", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFound("report_not_ready", "not yet"), 404),
        (Refused("turn_in_progress", "busy"), 409),
        (Invalid("invalid_cursor", "not ours"), 422),
        (Unreachable("guide_unreachable", "gone"), 503),
        (ApiError(413, "message_too_long", "long"), 413),
        (RuntimeError("boom"), 500),
    ],
)
async def test_each_kind_of_refusal_answers_its_status(error: Exception, status: int) -> None:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/fails")
    async def fails() -> None:
        raise error

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        response = await http.get("/fails")
    assert response.status_code == status
    body = response.json()["error"]
    if status == 500:
        assert body == {"code": "internal_error", "message": "Something went wrong on our side."}
    else:
        assert body == {"code": getattr(error, "code"), "message": getattr(error, "message")}  # noqa: B009
