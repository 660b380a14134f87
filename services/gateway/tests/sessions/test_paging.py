from __future__ import annotations

from datetime import UTC, datetime

import pytest

from careerstream.gateway.journal.store.records import PageKey
from careerstream.gateway.sessions.paging import decode_cursor, encode_cursor


def test_a_cursor_gives_back_where_the_page_stopped() -> None:
    key = PageKey(datetime(2026, 11, 24, 9, 30, 1, 250, tzinfo=UTC), "abc_123")
    cursor = encode_cursor(key)
    assert "=" not in cursor, "URL-safe without padding"
    assert decode_cursor(cursor) == key


def test_a_naive_time_from_sqlite_is_read_as_utc() -> None:
    naive = PageKey(datetime(2026, 11, 24, 9, 30), "s1")
    assert decode_cursor(encode_cursor(naive)).created_at == naive.created_at.replace(tzinfo=UTC)


@pytest.mark.parametrize("cursor", ["not-a-cursor", "", "zzz", "bm9waXBl"])
def test_anything_else_is_refused(cursor: str) -> None:
    with pytest.raises(ValueError, match="page cursor"):
        decode_cursor(cursor)
