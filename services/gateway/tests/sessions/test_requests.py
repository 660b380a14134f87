"""The stage requests built from a session: everything the stateless worker needs."""

from __future__ import annotations

import pytest

from careerstream.contracts import Locale, Stage, stage_key
from careerstream.gateway.sessions.requests import HistoryBound, pipeline_request, turn_request
from tests.support.records import make_record

HISTORY = [
    {"role": "user", "content": "I studied law"},
    {"role": "assistant", "content": "What did you enjoy?"},
]
INPUTS = {
    "resume": {"filename": "cv.txt", "kind": "txt", "pages": 1, "text": "Jane Doe"},
    "answers": {"R01": 4},
}


def test_a_turn_carries_the_session_as_it_was_before_the_message() -> None:
    before = make_record(
        locale=Locale.ZH,
        history=HISTORY,
        collected_info={"skills": ["negotiation"]},
        asked=["education"],
        inputs=INPUTS,
    )
    request = turn_request(before, "I liked debating")
    assert request.session_id == "s1"
    assert request.locale is Locale.ZH
    assert request.message == "I liked debating"
    assert [m.content for m in request.history] == [m["content"] for m in HISTORY]
    assert request.collected_info.skills == ["negotiation"]
    assert [t.value for t in request.asked] == ["education"]
    assert request.report is None
    assert request.inputs.resume is not None
    assert request.inputs.resume.text == "Jane Doe"
    assert request.idempotency_key == stage_key(request.run_id, Stage.GUIDE)


def test_each_turn_is_a_new_one() -> None:
    before = make_record()
    assert turn_request(before, "a").run_id != turn_request(before, "a").run_id


def test_with_a_report_the_turn_carries_its_digest() -> None:
    before = make_record(report={"holland_code": "SAE", "markdown": "# Report"})
    request = turn_request(before, "Why teaching?")
    assert request.report is not None
    assert request.report.holland_code == "SAE"


def test_a_run_carries_the_conversation_facts_and_inputs() -> None:
    record = make_record(
        history=HISTORY,
        collected_info={"skills": ["negotiation"]},
        inputs=INPUTS,
        pipeline_run_id="run-1",
        pipeline_source="resume",
    )
    request = pipeline_request(record)
    assert request.run_id == "run-1"
    assert request.idempotency_key == stage_key("run-1", Stage.PARSE)
    assert request.source == "resume"
    assert request.locale is Locale.EN
    assert [m.content for m in request.conversation] == [m["content"] for m in HISTORY]
    assert request.collected_info.skills == ["negotiation"]
    assert request.inputs.answers == {"R01": 4}


def test_the_same_run_is_requested_the_same_way_twice() -> None:
    record = make_record(pipeline_run_id="run-1", history=HISTORY)
    assert pipeline_request(record) == pipeline_request(record)


def test_a_session_without_a_run_has_nothing_to_request() -> None:
    with pytest.raises(ValueError, match="no run"):
        pipeline_request(make_record())


def _chat(count: int, size: int) -> list[dict[str, str]]:
    roles = ("user", "assistant")
    return [{"role": roles[n % 2], "content": f"{n:04d}" + "x" * (size - 4)} for n in range(count)]


def test_a_long_chat_sends_only_its_newest_messages_within_the_bounds() -> None:
    before = make_record(history=_chat(500, 100))
    by_count = turn_request(before, "next", history=HistoryBound(messages=40, chars=1_000_000))
    assert [m.content[:4] for m in by_count.history] == [f"{n:04d}" for n in range(460, 500)]
    by_size = turn_request(before, "next", history=HistoryBound(messages=40, chars=1_000))
    assert [m.content[:4] for m in by_size.history] == [f"{n:04d}" for n in range(490, 500)]


def test_the_default_bound_keeps_a_short_chat_whole() -> None:
    before = make_record(history=HISTORY)
    assert [m.content for m in turn_request(before, "a").history] == [m["content"] for m in HISTORY]


def test_the_newest_message_travels_even_when_it_alone_exceeds_the_character_bound() -> None:
    before = make_record(history=_chat(3, 500))
    request = turn_request(before, "a", history=HistoryBound(messages=40, chars=100))
    assert [m.content[:4] for m in request.history] == ["0002"]
