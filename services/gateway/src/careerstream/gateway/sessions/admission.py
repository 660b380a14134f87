"""When a session takes a new message or a new run.

Checked under the session's row lock (see `SessionRepository`), so of two racing
requests only one is admitted. A turn counts as in progress until the guide
answers or `turn_timeout_s` passes without news, so a lost turn frees itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from careerstream.contracts import utc_now
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.sessions.errors import Refused


class Admission:
    def __init__(self, turn_timeout_s: float, clock: Callable[[], datetime] = utc_now) -> None:
        self.turn_timeout_s = turn_timeout_s
        self.clock = clock

    def _answering(self, record: SessionRecord) -> bool:
        quiet_for = (self.clock() - record.updated_at).total_seconds()
        return record.status is SessionStatus.REPLYING and quiet_for < self.turn_timeout_s

    def message(self, record: SessionRecord) -> None:
        if record.status.runs_pipeline:
            raise Refused(
                "pipeline_running",
                "Your analysis is running; you can chat again once the report is ready.",
            )
        if self._answering(record):
            raise Refused("turn_in_progress", "The guide is still answering your previous message.")

    def start(self, record: SessionRecord) -> None:
        if record.status.runs_pipeline:
            raise Refused("pipeline_running", "An analysis is already running for this session.")
        if self._answering(record):
            raise Refused(
                "turn_in_progress", "The guide is still answering; try again in a moment."
            )
