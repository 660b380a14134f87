"""What clients read about a session, key for key as the API has always answered."""

from __future__ import annotations

from datetime import timedelta

from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.sessions.views import (
    SessionSummary,
    Snapshot,
    StatusView,
    reset_event,
)
from tests.support.records import CREATED, make_record

LATER = CREATED + timedelta(seconds=90)


def test_the_status_view() -> None:
    record = make_record(
        status=SessionStatus.RUNNING,
        stage="match",
        progress=0.4,
        status_message="ranking",
        last_seq=12,
        updated_at=LATER,
    )
    assert StatusView.of(record).model_dump(mode="json") == {
        "session_id": "s1",
        "status": "running",
        "stage": "match",
        "progress": 0.4,
        "message": "ranking",
        "last_seq": 12,
        "updated_at": "2026-11-24T09:01:30+00:00",
    }


def test_the_snapshot_adds_the_projection_in_order() -> None:
    record = make_record(
        history=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
        collected_info={"skills": ["python"]},
        results={"parse": {"skills": 1}},
        pipeline_run_id="r1",
        inputs={"answers": {"R01": 3}},
        streaming={"turn_id": "r1", "stage": "report", "text": "# Rep"},
        last_error={"code": "stage_failed", "message": "x", "stage": None},
        report={"holland_code": "IRC"},
    )
    body = Snapshot.of(record).model_dump(mode="json")
    assert list(body) == [
        "session_id",
        "status",
        "stage",
        "progress",
        "message",
        "last_seq",
        "updated_at",
        "locale",
        "created_at",
        "history",
        "collected_info",
        "results",
        "pipeline_run_id",
        "has_resume",
        "has_assessment",
        "streaming",
        "last_error",
        "has_report",
    ]
    assert body["history"] == record.history
    assert body["created_at"] == "2026-11-24T09:00:00+00:00"
    assert body["streaming"] == record.streaming
    assert body["last_error"] == record.last_error
    assert (body["has_resume"], body["has_assessment"], body["has_report"]) == (False, True, True)


def test_a_new_session_snapshot_is_empty() -> None:
    body = Snapshot.of(make_record()).model_dump(mode="json")
    assert body["history"] == []
    assert body["streaming"] is None
    assert body["last_error"] is None
    assert body["has_report"] is False


def test_a_listing_line_is_titled_by_the_first_thing_said() -> None:
    record = make_record(
        history=[
            {"role": "assistant", "content": "welcome"},
            {"role": "user", "content": "x" * 100},
        ],
        updated_at=LATER,
    )
    assert SessionSummary.of(record).model_dump(mode="json") == {
        "session_id": "s1",
        "locale": "en",
        "created_at": "2026-11-24T09:00:00+00:00",
        "updated_at": "2026-11-24T09:01:30+00:00",
        "status": "idle",
        "title": "x" * 80,
    }


def test_a_reset_carries_the_snapshot_at_the_last_seq() -> None:
    record = make_record(last_seq=3, streaming={"turn_id": None, "stage": None, "text": "012"})
    reset = reset_event(record, "malformed_cursor")
    assert reset.seq == 3
    assert reset.reason == "malformed_cursor"
    assert reset.snapshot == Snapshot.of(record).model_dump(mode="json")
    assert reset.snapshot["streaming"]["text"] == "012"


def test_a_reset_of_a_session_without_events_has_no_id() -> None:
    assert reset_event(make_record(), "cursor_ahead_of_session").seq is None
