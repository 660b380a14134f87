from __future__ import annotations

import pytest

from careerstream.gateway.journal.status import SessionStatus


def test_clients_read_the_same_words_as_ever() -> None:
    assert [s.value for s in SessionStatus] == [
        "idle",
        "replying",
        "analyzing",
        "running",
        "completed",
        "failed",
    ]


@pytest.mark.parametrize(
    ("status", "runs"),
    [
        (SessionStatus.IDLE, False),
        (SessionStatus.REPLYING, False),
        (SessionStatus.ANALYZING, True),
        (SessionStatus.RUNNING, True),
        (SessionStatus.COMPLETED, False),
        (SessionStatus.FAILED, False),
    ],
)
def test_a_run_is_under_way_while_analyzing_or_running(status: SessionStatus, runs: bool) -> None:
    assert status.runs_pipeline is runs
