from __future__ import annotations

import pytest
from pydantic import ValidationError

from careerstream.contracts import (
    ReportRendered,
    TokenStreamed,
    TurnCompleted,
    derive_id,
    parse_journal_entry,
)
from tests.support.reports import minimal_report


def report(session_id: str = "s1") -> ReportRendered:
    return ReportRendered(
        session_id=session_id, turn_id="run-1", report=minimal_report(), pdf_base64="JQ=="
    )


def test_one_decoder_reads_client_events_and_stored_records() -> None:
    token = TokenStreamed(session_id="s1", text="hi")
    assert parse_journal_entry(token.model_dump_json()) == token
    rendered = report()
    assert parse_journal_entry(rendered.model_dump(mode="json")) == rendered


def test_only_client_events_are_for_clients() -> None:
    assert TokenStreamed.for_clients
    assert TurnCompleted.for_clients
    assert not ReportRendered.for_clients


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_journal_entry({"type": "report.deleted", "session_id": "s1"})


def test_derived_ids_repeat_for_the_same_parts_only() -> None:
    assert derive_id("key", 1, 2) == derive_id("key", 1, 2)
    assert derive_id("key", 1, 2) != derive_id("key", 2, 1)
    assert len(derive_id("x")) == 32
