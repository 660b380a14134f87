"""When a session takes a message or a run: the 409s, decided without a database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Refused
from tests.support.records import CREATED, make_record


def admission(quiet_for_s: float) -> Admission:
    """A turn timeout of 60 s, `quiet_for_s` after the session last changed."""
    return Admission(60, clock=lambda: CREATED + timedelta(seconds=quiet_for_s))


@pytest.mark.parametrize("status", [SessionStatus.ANALYZING, SessionStatus.RUNNING])
def test_nothing_new_while_a_run_is_under_way(status: SessionStatus) -> None:
    record = make_record(status=status)
    with pytest.raises(Refused, match="report is ready") as message:
        admission(1000).message(record)
    assert message.value.code == "pipeline_running"
    with pytest.raises(Refused, match="already running") as start:
        admission(1000).start(record)
    assert start.value.code == "pipeline_running"


def test_a_turn_in_progress_refuses_a_message_and_a_run() -> None:
    record = make_record(status=SessionStatus.REPLYING)
    for check in (admission(59).message, admission(59).start):
        with pytest.raises(Refused) as refused:
            check(record)
        assert refused.value.code == "turn_in_progress"


def test_a_turn_quiet_for_longer_than_the_timeout_frees_the_session() -> None:
    record = make_record(status=SessionStatus.REPLYING)
    admission(60).message(record)
    admission(60).start(record)


@pytest.mark.parametrize(
    "status", [SessionStatus.IDLE, SessionStatus.COMPLETED, SessionStatus.FAILED]
)
def test_a_settled_session_takes_both(status: SessionStatus) -> None:
    record = make_record(status=status)
    admission(0).message(record)
    admission(0).start(record)
