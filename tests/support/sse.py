"""A small SSE reader for the tests (the wire format, parsed by hand)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Frame:
    event: str = "message"
    id: str | None = None
    data_lines: list[str] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads("\n".join(self.data_lines))
        return parsed


async def frames(response: httpx.Response) -> AsyncIterator[Frame]:
    """Yield each event frame; comments (heartbeats) are passed over."""
    current = Frame()
    seen_field = False
    async for line in response.aiter_lines():
        if line == "":
            if seen_field:
                yield current
            current, seen_field = Frame(), False
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        seen_field = True
        if name == "event":
            current.event = value
        elif name == "id":
            current.id = value
        elif name == "data":
            current.data_lines.append(value)
    if seen_field:
        yield current


async def read_events(
    client: httpx.AsyncClient,
    base_url: str,
    session_id: str,
    *,
    cursor: str | None = None,
    as_query: bool = False,
    limit: int | None = None,
    until_type: str | None = None,
    within_s: float = 30.0,
) -> list[Frame]:
    """Read `/events` from `base_url` until `limit` frames or a frame of `until_type`."""
    import asyncio

    url = f"{base_url}/api/sessions/{session_id}/events"
    headers: dict[str, str] = {}
    params: dict[str, str] = {}
    if cursor is not None:
        if as_query:
            params["last_event_id"] = cursor
        else:
            headers["Last-Event-ID"] = cursor
    received: list[Frame] = []
    async with asyncio.timeout(within_s):
        async with client.stream("GET", url, headers=headers, params=params) as response:
            assert response.status_code == 200, await response.aread()
            async for frame in frames(response):
                received.append(frame)
                if limit is not None and len(received) >= limit:
                    break
                if until_type is not None and frame.event == until_type:
                    break
    return received
