"""`GET /events` with the session and its journal stood in for: replay, resets, the end."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from careerstream.contracts import SessionEvent, TokenStreamed
from careerstream.gateway.api import events
from careerstream.gateway.api.deps import wing
from careerstream.gateway.api.errors import install_error_handlers
from careerstream.gateway.journal.feeds import Listener
from careerstream.gateway.journal.replay import Replay
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.sessions.errors import session_not_found
from careerstream.gateway.sessions.service import SessionService
from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import GatewayUnderTest, new_session
from tests.support.records import make_record
from tests.support.served import served
from tests.support.sse import Frame, frames


class Sessions:
    def __init__(self, record: SessionRecord) -> None:
        self.record = record

    async def get(self, session_id: str) -> SessionRecord:
        if session_id != self.record.session_id:
            raise session_not_found(session_id)
        return self.record


class Journal:
    """Five journaled tokens; the live tail ends at once, as for a client cut off."""

    def __init__(self) -> None:
        self.journaled = [
            TokenStreamed(session_id="s1", text=str(seq)).numbered(seq) for seq in range(1, 6)
        ]
        self.log: list[str] = []

    @asynccontextmanager
    async def listen(self, session_id: str) -> AsyncIterator[Listener]:
        self.log.append("listen")
        yield Listener(session_id, buffer=10)

    async def after(self, listener: Listener, seq: int) -> AsyncGenerator[SessionEvent]:
        self.log.append(f"after {seq}")
        for event in self.journaled:
            if (event.seq or 0) > seq:
                yield event


async def read(
    record: SessionRecord, path: str, **request: Any
) -> tuple[int, list[Frame], list[str]]:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(events.router)
    journal = Journal()
    app.dependency_overrides[wing(SessionService)] = lambda: Sessions(record)
    app.dependency_overrides[wing(Replay)] = lambda: journal
    app.dependency_overrides[wing(GatewaySettings)] = lambda: GatewaySettings()
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://gateway") as client,
        client.stream("GET", path, **request) as response,
    ):
        received = [frame async for frame in frames(response)]
    return response.status_code, received, journal.log


async def test_without_a_cursor_everything_is_replayed_then_the_end_is_said() -> None:
    status, received, log = await read(make_record(last_seq=5), "/api/sessions/s1/events")
    assert status == 200
    assert log == ["listen", "after 0"], "subscribed before the journal is read"
    assert [f.id for f in received[:-1]] == ["1", "2", "3", "4", "5"]
    assert [f.data["text"] for f in received[:-1]] == ["1", "2", "3", "4", "5"]
    assert received[-1].event == "error"
    assert received[-1].data["code"] == "client_lagging"


@pytest.mark.parametrize(
    "request_args",
    [{"headers": {"Last-Event-ID": "3"}}, {"params": {"last_event_id": "s1:3"}}],
    ids=["header", "query"],
)
async def test_a_cursor_resumes_after_it(request_args: dict[str, Any]) -> None:
    _, received, _ = await read(make_record(last_seq=5), "/api/sessions/s1/events", **request_args)
    assert [f.id for f in received[:-1]] == ["4", "5"]


async def test_the_header_wins_over_the_query() -> None:
    _, received, _ = await read(
        make_record(last_seq=5),
        "/api/sessions/s1/events?last_event_id=1",
        headers={"Last-Event-ID": "4"},
    )
    assert [f.id for f in received[:-1]] == ["5"]


async def test_a_cursor_that_cannot_be_honoured_gets_a_reset_then_the_tail() -> None:
    _, received, _ = await read(
        make_record(last_seq=5), "/api/sessions/s1/events", headers={"Last-Event-ID": "other:2"}
    )
    reset = received[0]
    assert reset.event == "reset"
    assert reset.id == "5"
    assert reset.data["reason"] == "cursor_from_another_session"
    assert reset.data["snapshot"]["last_seq"] == 5
    assert [f.event for f in received[1:]] == ["error"], "nothing after the snapshot yet"


async def test_a_reset_of_a_session_without_events_is_numbered_zero() -> None:
    _, received, _ = await read(make_record(), "/api/sessions/s1/events?last_event_id=x")
    assert (received[0].event, received[0].id) == ("reset", "0")


async def test_an_unknown_session_is_a_404_before_any_stream() -> None:
    status, _, log = await read(make_record(), "/api/sessions/nope/events")
    assert status == 404
    assert log == []


async def test_a_client_that_stops_reading_is_cut_off_and_its_listener_released(
    gateway: GatewayUnderTest,
) -> None:
    gateway.service(GatewaySettings).sse_send_timeout_s = 0.5
    session_id = await new_session(gateway.http)
    feeds = gateway.service(Replay).feeds
    async with served(gateway.app) as port:
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.setblocking(False)
        loop = asyncio.get_running_loop()
        try:
            await loop.sock_connect(stalled, ("127.0.0.1", port))
            request = f"GET /api/sessions/{session_id}/events HTTP/1.1\r\nHost: x\r\n\r\n"
            await loop.sock_sendall(stalled, request.encode())
            async with asyncio.timeout(10):
                while feeds.session_count == 0:  # noqa: ASYNC110 - the feed exposes a count
                    await asyncio.sleep(0.01)
            # Fed until the socket buffers are full and a write stalls (bounded in count).
            async with asyncio.timeout(20):
                for seq in range(1, 2001):
                    if not feeds.session_count:
                        break
                    feeds.dispatch(
                        TokenStreamed(session_id=session_id, text="x" * 65_536).numbered(seq)
                    )
                    await asyncio.sleep(0.005)
                while feeds.session_count:  # noqa: ASYNC110 - the feed exposes a count
                    await asyncio.sleep(0.05)
        finally:
            stalled.close()
    assert feeds.lock_count == 0
