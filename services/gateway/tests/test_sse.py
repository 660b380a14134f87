from __future__ import annotations

import json

import pytest

from careerstream.contracts import TokenStreamed
from careerstream.gateway.sse import frame, parse_cursor


def test_a_frame_carries_seq_type_and_the_envelope() -> None:
    event = TokenStreamed(session_id="s1", text="你好").numbered(4)
    encoded = frame(event).encode().decode()
    assert "id: 4\r\n" in encoded
    assert "event: token\r\n" in encoded
    data = json.loads(encoded.split("data: ", 1)[1].split("\r\n", 1)[0])
    assert data["seq"] == 4
    assert data["text"] == "你好"
    assert data["session_id"] == "s1"


@pytest.mark.parametrize(
    ("raw", "cursor"),
    [(None, None), ("", None), (" 12 ", 12), ("0", 0), ("abc", -1), ("-3", -1), ("1.5", -1)],
)
def test_cursor_parsing(raw: str | None, cursor: int | None) -> None:
    assert parse_cursor(raw) == cursor
