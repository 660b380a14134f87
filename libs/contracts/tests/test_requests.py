from __future__ import annotations

import pytest
from pydantic import ValidationError

from careerstream.contracts import ChatMessage, ChatRole, Locale, PipelineRequested, TurnRequested


def test_turn_request_round_trips() -> None:
    request = TurnRequested(
        session_id="s1",
        locale=Locale.ZH,
        message="你好",
        history=[ChatMessage(role=ChatRole.ASSISTANT, content="欢迎")],
    )
    back = TurnRequested.model_validate_json(request.model_dump_json())
    assert back == request
    assert back.attempt == 1
    assert back.run_id != back.idempotency_key


def test_each_request_gets_fresh_ids() -> None:
    first, second = (TurnRequested(session_id="s1", message="hi") for _ in range(2))
    assert first.run_id != second.run_id
    assert first.idempotency_key != second.idempotency_key


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"session_id": "s1", "message": ""}, "message"),
        ({"session_id": "s1"}, "message"),
        ({"session_id": "s 1", "message": "x"}, "session_id"),
        ({"session_id": "s1", "message": "x", "attempt": 0}, "attempt"),
        ({"session_id": "s1", "message": "x", "locale": "fr"}, "locale"),
    ],
)
def test_malformed_requests_are_rejected(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TurnRequested.model_validate(fields)
    assert problem in str(caught.value)


def test_pipeline_request_defaults() -> None:
    request = PipelineRequested(session_id="s1")
    assert request.conversation == []
    assert PipelineRequested.model_validate_json(request.model_dump_json()) == request
