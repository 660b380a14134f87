"""End to end: a session in each language, a message, the reply streamed token by token."""

from __future__ import annotations

import httpx
import pytest

from scripts.stack import Stack
from tests.support.sse import Frame, frames

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]


async def stream_turn(client: httpx.AsyncClient, session_id: str, message: str) -> list[Frame]:
    received: list[Frame] = []
    async with client.stream(
        "POST", f"/api/sessions/{session_id}/chat/stream", json={"message": message}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        async for frame in frames(response):
            received.append(frame)
    return received


@pytest.mark.parametrize(
    ("locale", "message", "expect"),
    [("zh", "你好", "专业"), ("en", "Hello", "study")],
)
async def test_tokens_stream_before_the_turn_completes(
    stack: Stack, locale: str, message: str, expect: str
) -> None:
    async with httpx.AsyncClient(base_url=stack.url(), timeout=60) as client:
        created = await client.post("/api/sessions", json={"locale": locale})
        assert created.status_code == 201
        session_id = created.json()["session_id"]

        received = await stream_turn(client, session_id, message)

    kinds = [f.event for f in received]
    assert kinds[-1] == "turn.completed", kinds
    tokens = [f for f in received if f.event == "token"]
    assert len(tokens) >= 5, "the reply should arrive in several pieces"
    assert kinds.index("turn.completed") > max(i for i, k in enumerate(kinds) if k == "token")

    ids = [int(f.id) for f in received if f.id is not None]
    assert len(ids) == len(received), "every event carries an id"
    assert ids == sorted(set(ids)), "ids increase within the session"

    reply = received[-1].data["reply"]
    assert reply == "".join(t.data["text"] for t in tokens)
    assert expect in reply
    for frame in received:
        assert frame.data["session_id"] == session_id
        assert frame.data["seq"] == int(frame.id or 0)


async def test_events_replay_after_a_cursor_and_a_second_turn_continues_the_ids(
    stack: Stack,
) -> None:
    async with httpx.AsyncClient(base_url=stack.url(), timeout=60) as client:
        session_id = (await client.post("/api/sessions", json={"locale": "en"})).json()[
            "session_id"
        ]
        first = await stream_turn(client, session_id, "Hello")
        second = await stream_turn(client, session_id, "I studied chemistry")
        assert int(second[0].id or 0) == int(first[-1].id or 0) + 1

        cursor = first[2].id
        replayed: list[Frame] = []
        async with client.stream(
            "GET", f"/api/sessions/{session_id}/events", headers={"Last-Event-ID": str(cursor)}
        ) as response:
            async for frame in frames(response):
                replayed.append(frame)
                if frame.id == second[-1].id:
                    break
        expected = [f.id for f in (first + second) if int(f.id or 0) > int(cursor or 0)]
        assert [f.id for f in replayed] == expected

        reply = await client.post(f"/api/sessions/{session_id}/chat", json={"message": "Hi"})
        assert reply.status_code == 200
        assert reply.json()["reply"]
        snapshot = (await client.get(f"/api/sessions/{session_id}")).json()
        assert [m["role"] for m in snapshot["history"]] == ["user", "assistant"] * 3
