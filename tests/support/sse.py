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
