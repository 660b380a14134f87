"""Gateway session records made in memory, for tests of what is built from them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from careerstream.contracts import Locale
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.records import SessionRecord

CREATED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def make_record(**changes: Any) -> SessionRecord:
    """A new, idle English session, with `changes` applied."""
    fields: dict[str, Any] = {
        "session_id": "s1",
        "owner": None,
        "locale": Locale.EN,
        "created_at": CREATED,
        "updated_at": CREATED,
        "last_seq": 0,
        "first_seq": 1,
        "status": SessionStatus.IDLE,
        "stage": None,
        "progress": 0.0,
        "status_message": "",
        "history": [],
        "collected_info": {},
        "asked": [],
        "pipeline_run_id": None,
        "pipeline_source": None,
        "pipeline_locale": None,
        "start_pending_at": None,
        "inputs": {},
        "results": {},
        "streaming": None,
        "last_error": None,
        "report": None,
    }
    return SessionRecord(**(fields | changes))
