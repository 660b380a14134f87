"""A conversational turn through `chat` and `chat/stream`, in-process against the broker."""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa

from careerstream.contracts import StageRequest, TurnCompleted, TurnRequested
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.models import SessionRow
from tests.support.gateway import new_session

pytestmark = pytest.mark.broker


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
    session_id = await new_session(client)
    for endpoint in ("chat", "chat/stream"):
        response = await client.post(f"/api/sessions/{session_id}/{endpoint}", json=body)
        assert response.status_code == status
        assert response.json()["error"]["code"] == code
    assert (await client.get("/readyz")).status_code == 200


async def test_a_second_message_while_the_guide_answers_is_refused(
    client: httpx.AsyncClient, sent: list[StageRequest]
) -> None:
    session_id = await new_session(client)
    created = await client.post("/api/sessions", json={"locale": "en", "message": "Hello"})
    busy_id = created.json()["session_id"]
    for endpoint in ("chat", "chat/stream"):
        refused = await client.post(f"/api/sessions/{busy_id}/{endpoint}", json={"message": "x"})
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "turn_in_progress"
    assert (await client.get(f"/api/sessions/{session_id}/status")).json()["status"] == "idle"
    assert len(sent) == 1


async def test_no_chat_while_the_analysis_runs(client: httpx.AsyncClient, store: Store) -> None:
    session_id = await new_session(client, "zh")
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
    client: httpx.AsyncClient, store: Store, sent: list[StageRequest]
) -> None:
    session_id = await new_session(client)
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
    (turn,) = sent
    assert isinstance(turn, TurnRequested)
    assert turn.session_id == session_id
    assert turn.report is not None
    assert turn.report.holland_code == "SAE"
    assert turn.report.matches[0].title == "Teacher"


@pytest.mark.usefixtures("broker_refuses")
async def test_a_bus_failure_is_a_typed_503(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client)
    response = await client.post(f"/api/sessions/{session_id}/chat", json={"message": "hi"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "guide_unreachable"
    assert (await client.get("/healthz")).status_code == 200
    # Nothing of the lost turn stays: the session answers the next try, not with a 409.
    snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
    assert (snapshot["status"], snapshot["history"]) == ("idle", [])
    again = await client.post(f"/api/sessions/{session_id}/chat/stream", json={"message": "hi"})
    assert again.status_code == 503
    assert again.json()["error"]["code"] == "guide_unreachable"
