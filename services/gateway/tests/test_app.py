"""The gateway app in-process against the real broker: the API's answers and errors."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import running_gateway

pytestmark = pytest.mark.broker


@pytest.fixture
async def client(rabbitmq_url: str, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = GatewaySettings(
        rabbitmq_url=rabbitmq_url,
        database_url=database_url,
        max_message_chars=50,
        turn_timeout_s=3,
    )
    async with running_gateway(settings) as http:
        yield http


@pytest.fixture
def unanswered_turns(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Turn requests are kept here instead of reaching a guide, so no turn is ever answered
    (a guide of another test tier may consume this virtual host's queue)."""
    requests: list[Any] = []
    bus = client._transport.app.state.bus  # type: ignore[attr-defined]

    async def keep(request: Any) -> None:
        requests.append(request)

    monkeypatch.setattr(bus, "request_turn", keep)
    return requests


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() | {"replica": None} == {
        "status": "ok",
        "replica": None,
        "broker": True,
        "database": True,
        "journal": True,
    }


async def test_creating_a_session(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/sessions", json={"locale": "en"})
    assert created.status_code == 201
    body = created.json()
    assert body["locale"] == "en"
    assert body["welcome"].startswith("Hello")
    snapshot = (await client.get(f"/api/sessions/{body['session_id']}")).json()
    assert snapshot["session_id"] == body["session_id"]
    assert snapshot["history"] == []
    assert snapshot["last_seq"] == 0
    status = (await client.get(f"/api/sessions/{body['session_id']}/status")).json()
    assert status | {"updated_at": None} == {
        "session_id": body["session_id"],
        "status": "idle",
        "stage": None,
        "progress": 0.0,
        "message": "",
        "last_seq": 0,
        "updated_at": None,
    }


async def test_a_session_without_a_body_defaults_to_chinese(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/sessions")
    assert created.status_code == 201
    assert created.json()["locale"] == "zh"


async def test_the_first_message_sets_the_language(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/sessions", json={"message": "Hello there"})
    assert created.json()["locale"] == "en"
    assert created.json()["turn_id"]


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/api/sessions/nope/chat/stream", {"message": "hi"}, 404, "session_not_found"),
        ("/api/sessions/nope/events", None, 404, "session_not_found"),
        ("/api/sessions/nope", None, 404, "session_not_found"),
        ("/api/sessions/nope/status", None, 404, "session_not_found"),
        ("/api/sessions", None, 400, "user_id_required"),
        ("/api/sessions", {"locale": "fr"}, 422, "invalid_request"),
        ("/api/sessions", {"unknown": 1}, 422, "invalid_request"),
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


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"message": ""}, 422, "invalid_request"),
        ({"message": "   \n"}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"message": "x" * 51}, 413, "message_too_long"),
    ],
)
async def test_bad_messages_are_refused_and_the_service_keeps_serving(
    client: httpx.AsyncClient, body: dict[str, object], status: int, code: str
) -> None:
    session_id = (await client.post("/api/sessions", json={"locale": "en"})).json()["session_id"]
    for endpoint in ("chat", "chat/stream"):
        response = await client.post(f"/api/sessions/{session_id}/{endpoint}", json=body)
        assert response.status_code == status
        assert response.json()["error"]["code"] == code
    assert (await client.get("/readyz")).status_code == 200


async def test_a_bad_json_body_is_a_typed_error(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/sessions", content=b"{oops", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


async def test_a_users_sessions_are_listed_newest_first(client: httpx.AsyncClient) -> None:
    user = {"X-User-Id": f"tester-{uuid.uuid4().hex[:8]}"}
    ids = [
        (await client.post("/api/sessions", json={"locale": "en"}, headers=user)).json()[
            "session_id"
        ]
        for _ in range(3)
    ]
    first = (await client.get("/api/sessions?limit=2", headers=user)).json()
    rest = (
        await client.get(f"/api/sessions?limit=2&cursor={first['next_cursor']}", headers=user)
    ).json()
    assert [s["session_id"] for s in first["sessions"] + rest["sessions"]] == ids[::-1]
    assert rest["next_cursor"] is None
    bad = await client.get("/api/sessions?cursor=zzz", headers=user)
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_cursor"
    odd = await client.get("/api/sessions", headers={"X-User-Id": "no spaces allowed"})
    assert odd.json()["error"]["code"] == "invalid_user_id"


async def test_a_second_message_while_the_guide_answers_is_refused(
    client: httpx.AsyncClient, unanswered_turns: list[Any]
) -> None:
    session_id = (await client.post("/api/sessions", json={"locale": "en"})).json()["session_id"]
    created = await client.post("/api/sessions", json={"locale": "en", "message": "Hello"})
    busy_id = created.json()["session_id"]
    for endpoint in ("chat", "chat/stream"):
        refused = await client.post(f"/api/sessions/{busy_id}/{endpoint}", json={"message": "x"})
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "turn_in_progress"
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"


async def test_no_chat_while_the_analysis_runs(client: httpx.AsyncClient) -> None:
    from careerstream.contracts import TurnCompleted

    session_id = (await client.post("/api/sessions", json={"locale": "zh"})).json()["session_id"]
    store = client._transport.app.state.bus.store  # type: ignore[attr-defined]
    await store.events.journal(
        [
            TurnCompleted(
                session_id=session_id,
                reply="分析开始",
                is_sufficient=True,
                pipeline_run_id="run-1",
            )
        ]
    )
    status = (await client.get(f"/api/sessions/{session_id}/status")).json()
    assert status["status"] == "analyzing"
    assert status["stage"] == "parse"
    refused = await client.post(f"/api/sessions/{session_id}/chat", json={"message": "还在吗"})
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "pipeline_running"
    assert "report" in refused.json()["error"]["message"]


async def test_once_a_report_exists_turns_carry_it_to_the_guide(
    client: httpx.AsyncClient, unanswered_turns: list[Any]
) -> None:
    import sqlalchemy as sa

    from careerstream.gateway.journal.store.models import SessionRow

    store = client._transport.app.state.bus.store  # type: ignore[attr-defined]
    session_id = (await client.post("/api/sessions", json={"locale": "en"})).json()["session_id"]
    report = {"holland_code": "SAE", "matches": [{"title": "Teacher", "reasons": ["Social"]}]}
    async with store.engine.begin() as connection:
        await connection.execute(
            sa.update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(report=report, status="completed")
        )
    unanswered = await client.post(f"/api/sessions/{session_id}/chat", json={"message": "Why?"})
    assert unanswered.status_code == 504
    assert unanswered.json()["error"]["code"] == "turn_timeout"
    (sent,) = unanswered_turns
    assert sent.session_id == session_id
    assert sent.report is not None
    assert sent.report.holland_code == "SAE"
    assert sent.report.matches[0].title == "Teacher"


async def test_a_bus_failure_is_a_typed_503(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    bus = client._transport.app.state.bus  # type: ignore[attr-defined]

    async def broken(request: Any) -> None:
        raise ConnectionError("broker gone")

    monkeypatch.setattr(bus, "request_turn", broken)
    session_id = (await client.post("/api/sessions", json={"locale": "en"})).json()["session_id"]
    response = await client.post(f"/api/sessions/{session_id}/chat", json={"message": "hi"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "guide_unreachable"
    assert (await client.get("/healthz")).status_code == 200
