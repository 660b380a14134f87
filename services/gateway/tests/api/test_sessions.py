"""Creating, listing and reading sessions, in-process against the real broker."""

from __future__ import annotations

import uuid

import httpx
import pytest

from careerstream.contracts import StageRequest, TurnRequested
from tests.support.gateway import new_session

pytestmark = pytest.mark.broker


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


async def test_the_first_message_sets_the_language_and_starts_a_turn(
    client: httpx.AsyncClient, sent: list[StageRequest]
) -> None:
    created = await client.post("/api/sessions", json={"message": "Hello there"})
    assert created.json()["locale"] == "en"
    assert created.json()["turn_id"]
    (turn,) = sent
    assert isinstance(turn, TurnRequested)
    assert turn.run_id == created.json()["turn_id"]
    assert turn.message == "Hello there"


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
    assert set(first["sessions"][0]) == {
        "session_id",
        "locale",
        "created_at",
        "updated_at",
        "status",
        "title",
    }
    bad = await client.get("/api/sessions?cursor=zzz", headers=user)
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_cursor"
    odd = await client.get("/api/sessions", headers={"X-User-Id": "no spaces allowed"})
    assert odd.json()["error"]["code"] == "invalid_user_id"


async def test_the_snapshot_and_the_status_agree(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client)
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    status = (await client.get(f"/api/sessions/{session_id}/status")).json()
    assert {key: snapshot[key] for key in status} == status
