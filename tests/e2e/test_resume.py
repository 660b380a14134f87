"""Resumable event streams: no gap and no duplicate across reconnects, replicas and crashes."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import httpx
import pytest

from careerstream.gateway.journal.store import Store
from scripts.stack import Stack
from tests.support.sse import Frame, frames, read_events

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

REPLICAS = ("gateway", "gateway-b")


def ids(received: list[Frame]) -> list[int]:
    return [int(f.id or 0) for f in received]


def signature(received: list[Frame]) -> list[tuple[str | None, str, str]]:
    """What a client sees: id, type, and the envelope (bytes, so any difference counts)."""
    return [(f.id, f.event, "\n".join(f.data_lines)) for f in received]


async def new_session(client: httpx.AsyncClient, base: str, locale: str = "en") -> str:
    created = await client.post(f"{base}/api/sessions", json={"locale": locale})
    assert created.status_code == 201
    return str(created.json()["session_id"])


async def start_turn(client: httpx.AsyncClient, base: str, session_id: str, message: str) -> None:
    """Post a turn through chat/stream and leave as soon as it is accepted."""
    async with client.stream(
        "POST", f"{base}/api/sessions/{session_id}/chat/stream", json={"message": message}
    ) as response:
        assert response.status_code == 200
        async for _ in frames(response):
            break  # first event arrived: the turn runs without this client from here


async def wait_idle(client: httpx.AsyncClient, base: str, session_id: str) -> dict[str, Any]:
    async with asyncio.timeout(30):
        while True:
            status = (await client.get(f"{base}/api/sessions/{session_id}/status")).json()
            if status["status"] == "idle" and status["last_seq"] > 0:
                return dict(status)
            await asyncio.sleep(0.05)


async def full_replay(client: httpx.AsyncClient, base: str, session_id: str) -> list[Frame]:
    last = (await client.get(f"{base}/api/sessions/{session_id}/status")).json()["last_seq"]
    received = await read_events(client, base, session_id, limit=last)
    assert ids(received) == list(range(1, last + 1))
    return received


async def test_a_reader_that_keeps_dropping_sees_exactly_what_a_steady_reader_sees(
    stack: Stack,
) -> None:
    """Property: for random drop points k, switching replica on every reconnect."""
    rng = random.Random(20261124)
    async with httpx.AsyncClient(timeout=30) as client:
        for turn in range(3):
            base = stack.url(REPLICAS[turn % 2])
            session_id = await new_session(client, base)
            steady_task = asyncio.create_task(
                read_events(client, stack.url("gateway-b"), session_id, until_type="turn.completed")
            )
            await asyncio.sleep(0.2)  # the steady reader is subscribed before the turn starts
            await start_turn(client, base, session_id, f"Hello, turn {turn}")
            dropping: list[Frame] = []
            cursor: str | None = None
            reconnects = 0
            while not dropping or dropping[-1].event != "turn.completed":
                k = rng.randint(1, 6)
                replica = REPLICAS[reconnects % 2]
                dropping += await read_events(
                    client,
                    stack.url(replica),
                    session_id,
                    cursor=cursor,
                    as_query=reconnects % 3 == 0 and cursor is not None,
                    limit=k,
                    until_type="turn.completed",
                )
                cursor = dropping[-1].id
                reconnects += 1
            steady = await steady_task
            assert reconnects >= 5, "the drops should land mid-stream"
            assert signature(dropping) == signature(steady)
            assert signature(dropping) == signature(await full_replay(client, base, session_id))


async def test_a_gateway_killed_mid_stream_is_resumed_without_a_gap(stack: Stack) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        base = stack.url("gateway")
        session_id = await new_session(client, base, "zh")
        before: list[Frame] = []
        async with client.stream(
            "POST", f"{base}/api/sessions/{session_id}/chat/stream", json={"message": "你好"}
        ) as response:
            async for frame in frames(response):
                before.append(frame)
                if len(before) == 4:
                    stack.kill("gateway")  # SIGKILL, mid-stream
                    break
        # The standby replica takes over the journal shards: the turn is journaled meanwhile.
        await wait_idle(client, stack.url("gateway-b"), session_id)
        stack.start_one("gateway")
        stack.wait_ready(timeout=60, names=("gateway",))
        after = await read_events(
            client, base, session_id, cursor=before[-1].id, until_type="turn.completed"
        )
        whole = before + after
        assert ids(whole) == list(range(1, len(whole) + 1))
        assert signature(whole) == signature(await full_replay(client, base, session_id))
        tokens = "".join(f.data["text"] for f in whole if f.event == "token")
        assert whole[-1].data["reply"] == tokens


async def test_a_turn_nobody_watched_is_in_the_snapshot_and_the_replay(stack: Stack) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        base = stack.url("gateway-b")
        created = await client.post(f"{base}/api/sessions", json={"message": "Hello"})
        session_id = created.json()["session_id"]
        await wait_idle(client, base, session_id)
        snapshot = (await client.get(f"{stack.url('gateway')}/api/sessions/{session_id}")).json()
        replay = await full_replay(client, stack.url("gateway"), session_id)
    assert replay[-1].event == "turn.completed"
    tokens = "".join(f.data["text"] for f in replay if f.event == "token")
    assert snapshot["history"] == [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": tokens},
    ]
    assert snapshot["last_seq"] == len(replay)
    assert snapshot["streaming"] is None


@pytest.mark.parametrize(
    ("cursor", "as_query", "reason"),
    [
        ("not-a-number", False, "malformed_cursor"),
        ("-1", True, "malformed_cursor"),
        ("someone-else:2", False, "cursor_from_another_session"),
        ("99999", False, "cursor_ahead_of_session"),
        ("99999", True, "cursor_ahead_of_session"),
    ],
)
async def test_a_cursor_that_cannot_be_honoured_gets_a_reset_then_the_live_tail(
    stack: Stack, cursor: str, as_query: bool, reason: str
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        base = stack.url("gateway")
        session_id = await new_session(client, base)
        await start_turn(client, base, session_id, "Hello")
        await wait_idle(client, base, session_id)
        last = (await client.get(f"{base}/api/sessions/{session_id}/status")).json()["last_seq"]

        reader = asyncio.create_task(
            read_events(client, base, session_id, cursor=cursor, as_query=as_query, limit=2)
        )
        await asyncio.sleep(0.5)
        await start_turn(client, base, session_id, "I studied law")
        received = await reader
    assert received[0].event == "reset"
    assert received[0].data["reason"] == reason
    assert received[0].id == str(last)
    assert received[0].data["snapshot"]["last_seq"] == last
    assert len(received[0].data["snapshot"]["history"]) == 2
    assert received[1].id == str(last + 1), "then the live tail, right after the snapshot"


async def test_a_cursor_older_than_retention_gets_a_reset(stack: Stack) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        base = stack.url("gateway")
        session_id = await new_session(client, base)
        await start_turn(client, base, session_id, "Hello")
        status = await wait_idle(client, base, session_id)
        # What the retention sweep does once events are old enough.
        store = Store.open(stack.env["DATABASE_URL"])
        try:
            view = await store.sessions.get(session_id)
            assert view is not None
            await store.events.prune(view.updated_at)
        finally:
            await store.close()
        for cursor in ("1", None):
            received = await read_events(client, base, session_id, cursor=cursor, limit=1)
            assert received[0].event == "reset"
            assert received[0].data["reason"] == "cursor_older_than_retention"
            assert received[0].id == str(status["last_seq"])
        snapshot = (await client.get(f"{base}/api/sessions/{session_id}")).json()
        assert snapshot["history"][-1]["role"] == "assistant", "the projection outlives the events"
