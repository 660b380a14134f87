"""Session rows copied into read-only records, as the rest of the gateway sees them."""

from __future__ import annotations

from datetime import UTC, datetime

from careerstream.contracts import Locale
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store.models import SessionRow
from careerstream.gateway.journal.store.records import SessionRecord, aware


def test_a_naive_time_is_read_as_utc_and_an_aware_one_kept() -> None:
    naive = datetime(2026, 11, 24, 9, 0)
    assert aware(naive) == naive.replace(tzinfo=UTC)
    moment = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert aware(moment) is moment


def test_a_row_becomes_a_record_with_typed_values() -> None:
    row = SessionRow(
        id="s1",
        owner=None,
        locale="zh",
        created_at=datetime(2026, 11, 24, 9, 0),
        updated_at=datetime(2026, 11, 24, 9, 5),
        last_seq=3,
        first_seq=1,
        status="analyzing",
        stage="parse",
        progress=0.0,
        status_message="",
        history=[{"role": "user", "content": "你好"}],
        collected_info={},
        interview_asked=None,
        pipeline_run_id="r1",
        pipeline_source="resume",
        pipeline_locale="en",
        start_pending_at=datetime(2026, 11, 24, 9, 5),
        inputs=None,
        results={},
    )
    record = SessionRecord.of(row)
    assert record.locale is Locale.ZH
    assert record.status is SessionStatus.ANALYZING
    assert record.pipeline_locale is Locale.EN
    assert record.start_pending_at == datetime(2026, 11, 24, 9, 5, tzinfo=UTC)
    assert record.created_at.tzinfo is UTC
    assert (record.asked, record.inputs) == ([], {})
    row.history.append({"role": "assistant", "content": "?"})
    assert len(record.history) == 1, "a copy, not the row's own list"
