from __future__ import annotations

import json

import pytest

from careerstream.contracts import TokenStreamed
from careerstream.gateway.api.sse import Cursor, CursorKind, frame, parse_cursor, reset_reason
from tests.support.records import make_record


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
    [
        (None, Cursor(CursorKind.NONE)),
        ("", Cursor(CursorKind.NONE)),
        (" 12 ", Cursor(CursorKind.SEQ, 12)),
        ("0", Cursor(CursorKind.SEQ, 0)),
        ("s1:7", Cursor(CursorKind.SEQ, 7)),
        ("other:7", Cursor(CursorKind.FOREIGN)),
        ("abc", Cursor(CursorKind.MALFORMED)),
        ("-3", Cursor(CursorKind.MALFORMED)),
        ("1.5", Cursor(CursorKind.MALFORMED)),
        ("9" * 40, Cursor(CursorKind.MALFORMED)),
        ("١٢", Cursor(CursorKind.MALFORMED)),  # digits, but not ASCII ones
    ],
)
def test_cursor_parsing(raw: str | None, cursor: Cursor) -> None:
    assert parse_cursor(raw, "s1") == cursor


@pytest.mark.parametrize(
    ("cursor", "first_seq", "reason"),
    [
        (Cursor(CursorKind.NONE), 1, None),
        (Cursor(CursorKind.SEQ, 0), 1, None),
        (Cursor(CursorKind.SEQ, 5), 1, None),
        (Cursor(CursorKind.SEQ, 6), 1, "cursor_ahead_of_session"),
        (Cursor(CursorKind.MALFORMED), 1, "malformed_cursor"),
        (Cursor(CursorKind.FOREIGN), 1, "cursor_from_another_session"),
        (Cursor(CursorKind.SEQ, 2), 4, "cursor_older_than_retention"),
        (Cursor(CursorKind.SEQ, 3), 4, None),
        (Cursor(CursorKind.NONE), 4, "cursor_older_than_retention"),
    ],
)
def test_reset_decisions(cursor: Cursor, first_seq: int, reason: str | None) -> None:
    record = make_record(last_seq=5, first_seq=first_seq)
    assert reset_reason(cursor, record) == reason
