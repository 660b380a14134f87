"""The opaque cursor of a session listing: where the previous page stopped."""

from __future__ import annotations

import base64
from datetime import datetime

from careerstream.gateway.journal.store.records import PageKey, aware


def encode_cursor(key: PageKey) -> str:
    raw = f"{aware(key.created_at).isoformat()}|{key.session_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> PageKey:
    """Raises ValueError on anything that is not a cursor `encode_cursor` made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, session_id = raw.split("|", 1)
        return PageKey(datetime.fromisoformat(moment), session_id)
    except Exception as exc:
        raise ValueError("not a page cursor") from exc
