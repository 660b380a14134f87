from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from careerstream.contracts import Stage, events, parse_session_event

EXAMPLES: list[events.EventBase] = [
    events.TokenStreamed(session_id="s1", stage=Stage.GUIDE, turn_id="t1", text="你好"),
    events.TurnCompleted(
        session_id="s1", reply="Hello", is_sufficient=False, missing=["education"]
    ),
    events.StageStarted(session_id="s1", stage=Stage.PARSE, progress=0.0),
    events.StageProgressed(session_id="s1", stage=Stage.ANALYZE, progress=0.4, message="scoring"),
    events.StageCompleted(session_id="s1", stage=Stage.MATCH, progress=0.75),
    events.StageRetrying(session_id="s1", stage=Stage.REPORT, attempt=2, reason="worker stopped"),
    events.SessionCompleted(session_id="s1"),
    events.ErrorRaised(session_id="s1", code="model_error", message="boom", retryable=True),
    events.SessionReset(session_id="s1", snapshot={"history": []}, reason="malformed cursor"),
]


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda e: e.type)
def test_every_event_round_trips_through_json(event: events.EventBase) -> None:
    wire = event.model_dump_json()
    back = parse_session_event(wire)
    assert type(back) is type(event)
    assert back == event
    assert json.loads(wire)["type"] == event.type


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda e: e.type)
def test_envelope_carries_the_fields_clients_rely_on(event: events.EventBase) -> None:
    data = json.loads(event.numbered(7).model_dump_json())
    assert {"type", "session_id", "seq", "ts", "stage", "schema_version"} <= set(data)
    assert data["seq"] == 7


def test_numbering_does_not_change_the_original() -> None:
    event = EXAMPLES[0]
    assert event.numbered(3).seq == 3
    assert event.seq is None


def test_unknown_fields_are_ignored_for_additive_evolution() -> None:
    raw: dict[str, Any] = {"type": "token", "session_id": "s1", "text": "x", "added_later": 1}
    assert isinstance(parse_session_event(raw), events.TokenStreamed)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"type": "token", "session_id": "s1"}, "text"),
        ({"type": "token", "session_id": "s1", "text": ""}, "text"),
        ({"type": "nonsense", "session_id": "s1"}, "does not match any of the expected tags"),
        ({"session_id": "s1", "text": "x"}, "Unable to extract tag using discriminator 'type'"),
        ({"type": "token", "session_id": "a.b", "text": "x"}, "session_id"),
        ({"type": "token", "session_id": "s1", "text": "x", "seq": 0}, "seq"),
        ({"type": "stage.started", "session_id": "s1", "progress": 1.5}, "progress"),
        ({"type": "stage.retrying", "session_id": "s1", "attempt": 0, "reason": "r"}, "attempt"),
        ({"type": "turn.completed", "session_id": "s1", "reply": "x"}, "is_sufficient"),
    ],
)
def test_malformed_events_are_rejected_with_a_clear_reason(
    raw: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_session_event(raw)
    assert problem in str(caught.value)


def test_malformed_json_is_rejected() -> None:
    with pytest.raises(ValidationError, match="Invalid JSON"):
        parse_session_event(b"{not json")
