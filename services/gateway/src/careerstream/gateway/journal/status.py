"""Where a session stands: the status every projection change moves between."""

from __future__ import annotations

from enum import StrEnum


class SessionStatus(StrEnum):
    IDLE = "idle"  # nothing runs: the person may chat or start a run
    REPLYING = "replying"  # the guide is answering a message
    ANALYZING = "analyzing"  # a run was asked for and no stage has reported yet
    RUNNING = "running"  # a stage of the current run has reported
    COMPLETED = "completed"  # the current run finished
    FAILED = "failed"  # the current run ended with an error

    @property
    def runs_pipeline(self) -> bool:
        """A run is under way: chat and a second start wait for it."""
        return self in (SessionStatus.ANALYZING, SessionStatus.RUNNING)
