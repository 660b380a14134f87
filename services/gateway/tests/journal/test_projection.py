"""The projection as a state machine: each journal entry's change, with no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from careerstream.contracts import (
    CollectedInfo,
    JournalEntry,
    Locale,
    ReportRendered,
    Stage,
    Topic,
    events,
)
from careerstream.gateway.journal import projection
from careerstream.gateway.journal.status import SessionStatus
from tests.support.reports import PDF, report_rendered


@dataclass
class State:
    """What a fresh session row holds."""

    locale: str = "en"
    status: str = SessionStatus.IDLE
    stage: str | None = None
    progress: float = 0.0
    status_message: str = ""
    history: list[Any] = field(default_factory=list)
    collected_info: dict[str, Any] = field(default_factory=dict)
    interview_asked: list[Any] = field(default_factory=list)
    pipeline_run_id: str | None = None
    pipeline_source: str | None = None
    pipeline_locale: str | None = None
    pipeline_completed: bool = False
    start_pending_at: datetime | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    streaming: dict[str, Any] | None = None
    last_error: dict[str, Any] | None = None
    report: dict[str, Any] | None = None
    report_pdf: bytes | None = None


SID = "s1"
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def running(run_id: str = "run-1") -> State:
    state = State()
    projection.start_pipeline(state, run_id, "resume", locale="en", at=NOW)
    projection.apply(
        state, events.StageStarted(stage=Stage.PARSE, progress=0.0, turn_id=run_id, session_id=SID)
    )
    return state


def report(run_id: str) -> ReportRendered:
    return report_rendered(SID, run_id)


def test_a_message_opens_a_turn_and_clears_the_last_error() -> None:
    state = State(last_error={"code": "x", "message": "", "stage": None})
    projection.add_user_message(state, "hello")
    assert state.history == [{"role": "user", "content": "hello"}]
    assert state.status == SessionStatus.REPLYING
    assert state.last_error is None


def test_tokens_build_the_text_being_written_per_turn_and_stage() -> None:
    state = State(pipeline_run_id="r1")
    for text in ("hi", " there"):
        projection.apply(
            state, events.TokenStreamed(turn_id="t1", stage=Stage.GUIDE, text=text, session_id=SID)
        )
    assert state.streaming == {"turn_id": "t1", "stage": "guide", "text": "hi there"}
    projection.apply(
        state, events.TokenStreamed(turn_id="r1", stage=Stage.REPORT, text="#", session_id=SID)
    )
    assert state.streaming == {"turn_id": "r1", "stage": "report", "text": "#"}


def test_a_completed_turn_keeps_the_reply_and_what_was_learned() -> None:
    state = State()
    projection.add_user_message(state, "I studied law")
    completed = events.TurnCompleted(
        reply="Noted.",
        is_sufficient=False,
        collected_info=CollectedInfo(skills=["negotiation"]),
        asked=[Topic.EDUCATION],
        turn_id="t1",
        session_id=SID,
    )
    projection.apply(state, completed)
    assert state.history[-1] == {"role": "assistant", "content": "Noted.", "turn_id": "t1"}
    assert state.collected_info["skills"] == ["negotiation"]
    assert state.interview_asked == ["education"]
    assert state.streaming is None
    assert state.status == SessionStatus.IDLE


def test_a_turn_about_a_report_leaves_the_facts_alone() -> None:
    state = State(collected_info={"skills": ["x"]}, status=SessionStatus.COMPLETED)
    projection.apply(
        state, events.TurnCompleted(reply="Because…", is_sufficient=True, session_id=SID)
    )
    assert state.collected_info == {"skills": ["x"]}
    assert state.status == SessionStatus.COMPLETED


def test_a_turn_that_asks_for_the_analysis_starts_it() -> None:
    state = State(results={"match": {}}, last_error={"code": "x", "message": "", "stage": None})
    projection.add_user_message(state, "that is all")
    turn = events.TurnCompleted(
        reply="Let me look.", is_sufficient=True, pipeline_run_id="run-9", session_id=SID, ts=NOW
    )
    projection.apply(state, turn)
    assert state.pipeline_run_id == "run-9"
    assert (state.pipeline_source, state.pipeline_locale) == ("conversation", "en")
    assert state.start_pending_at == NOW, "marked for the outbox in the same change"
    assert (state.status, state.stage, state.progress) == (SessionStatus.ANALYZING, "parse", 0.0)
    assert state.status_message == "waiting for the analysis to start (conversation)"
    assert state.results == {}
    assert state.last_error is None


def test_stage_events_move_the_current_run_and_keep_results() -> None:
    state = running()
    projection.apply(
        state,
        events.StageProgressed(
            stage=Stage.PARSE, progress=0.05, message="reading", turn_id="run-1", session_id=SID
        ),
    )
    assert (state.status, state.stage, state.progress) == (SessionStatus.RUNNING, "parse", 0.05)
    assert state.status_message == "reading"
    done = events.StageCompleted(
        stage=Stage.PARSE, progress=0.1, result={"skills": 3}, turn_id="run-1", session_id=SID
    )
    projection.apply(state, done)
    assert state.results == {"parse": {"skills": 3}}
    assert state.status_message == ""


@pytest.mark.parametrize(
    "straggler",
    [
        events.StageStarted(stage=Stage.REPORT, progress=0.9, turn_id="old", session_id=SID),
        events.SessionCompleted(stage=Stage.REPORT, turn_id="old", session_id=SID),
        report("old"),
        events.ErrorRaised(
            stage=Stage.MATCH, code="stage_failed", message="x", turn_id="old", session_id=SID
        ),
        events.StageRetrying(
            stage=Stage.REPORT, attempt=2, reason="again", turn_id="old", session_id=SID
        ),
        events.TokenStreamed(stage=Stage.REPORT, text="# Old", turn_id="old", session_id=SID),
    ],
    ids=["stage", "completed", "report", "error", "retrying", "token"],
)
def test_an_earlier_runs_stragglers_change_nothing(straggler: JournalEntry) -> None:
    state = running()
    before = State(**vars(state))
    projection.apply(state, straggler)
    assert state == before


def test_a_retried_stage_drops_its_partial_text() -> None:
    state = running()
    projection.apply(
        state,
        events.TokenStreamed(stage=Stage.REPORT, text="# Re", turn_id="run-1", session_id=SID),
    )
    retry = events.StageRetrying(
        stage=Stage.REPORT, attempt=2, reason="redelivered", turn_id="run-1", session_id=SID
    )
    projection.apply(state, retry)
    assert state.streaming is None
    assert state.status_message == "redelivered"
    other = State(streaming={"turn_id": "t", "stage": "guide", "text": "hi"})
    projection.apply(other, retry)
    assert other.streaming is not None, "another stage's text stays"


def test_the_report_is_stored_and_the_run_completes() -> None:
    state = running()
    projection.apply(state, report("run-1"))
    assert state.report is not None
    assert state.report["holland_code"] == "IRC"
    assert state.report_pdf == PDF
    projection.apply(
        state, events.SessionCompleted(stage=Stage.REPORT, turn_id="run-1", session_id=SID)
    )
    assert (state.status, state.progress) == (SessionStatus.COMPLETED, 1.0)


def rerun_of_a_finished_stage(run_id: str) -> list[JournalEntry]:
    """What a reporter redelivered after `session.completed` publishes, under fresh ids."""
    at: dict[str, Any] = {"stage": Stage.REPORT, "turn_id": run_id, "session_id": SID}
    return [
        events.StageRetrying(attempt=2, reason="the request is being processed again", **at),
        events.StageStarted(progress=0.55, **at),
        events.TokenStreamed(text="# Report", **at),
        events.StageProgressed(progress=0.8, message="writing", **at),
        events.StageCompleted(progress=1.0, result={"again": True}, **at),
        events.ErrorRaised(code="stage_failed", message="x", **at),
    ]


def test_a_completed_run_stays_completed_when_a_finished_stage_reruns() -> None:
    state = running()
    projection.apply(state, report("run-1"))
    projection.apply(
        state, events.SessionCompleted(stage=Stage.REPORT, turn_id="run-1", session_id=SID)
    )
    completed = State(**vars(state))
    for entry in rerun_of_a_finished_stage("run-1"):
        projection.apply(state, entry)
    assert state == completed


def test_a_completed_run_stays_over_after_a_chat_about_its_report() -> None:
    state = running()
    projection.apply(
        state, events.SessionCompleted(stage=Stage.REPORT, turn_id="run-1", session_id=SID)
    )
    projection.add_user_message(state, "why?")
    projection.apply(
        state,
        events.TurnCompleted(
            reply="Because…", is_sufficient=True, turn_id="t2", stage=Stage.GUIDE, session_id=SID
        ),
    )
    assert state.status == SessionStatus.IDLE
    for entry in rerun_of_a_finished_stage("run-1"):
        projection.apply(state, entry)
    assert (state.status, state.last_error, state.streaming) == (SessionStatus.IDLE, None, None)


def test_a_new_run_after_a_completed_one_moves_again() -> None:
    state = running()
    projection.apply(
        state, events.SessionCompleted(stage=Stage.REPORT, turn_id="run-1", session_id=SID)
    )
    projection.start_pipeline(state, "run-2", "assessment", locale="en", at=NOW)
    projection.apply(
        state, events.StageStarted(stage=Stage.PARSE, progress=0.0, turn_id="run-2", session_id=SID)
    )
    assert state.status == SessionStatus.RUNNING


def test_a_turns_error_leaves_a_running_pipeline_alone() -> None:
    state = running()
    before = State(**vars(state))
    projection.apply(
        state,
        events.ErrorRaised(
            stage=Stage.GUIDE, code="model_error", message="y", turn_id="t9", session_id=SID
        ),
    )
    assert state == before


def test_an_error_fails_a_running_pipeline_and_frees_a_turn() -> None:
    failed = running()
    projection.apply(
        failed,
        events.ErrorRaised(
            stage=Stage.PARSE, code="stage_failed", message="x", turn_id="run-1", session_id=SID
        ),
    )
    assert failed.status == SessionStatus.FAILED
    assert failed.last_error == {"code": "stage_failed", "message": "x", "stage": "parse"}
    turn = State()
    projection.add_user_message(turn, "hi")
    projection.apply(
        turn, events.ErrorRaised(stage=Stage.GUIDE, code="model_error", message="y", session_id=SID)
    )
    assert turn.status == SessionStatus.IDLE


def test_a_message_whose_turn_never_started_is_taken_back() -> None:
    error = {"code": "model_error", "message": "", "stage": "guide"}
    state = State(history=[{"role": "assistant", "content": "hi"}], last_error=error)
    projection.add_user_message(state, "hello")
    undone = projection.withdraw_user_message(
        state, "hello", status=SessionStatus.IDLE, last_error=error
    )
    assert undone
    assert state == State(history=[{"role": "assistant", "content": "hi"}], last_error=error)


def test_a_message_the_guide_already_answered_stays() -> None:
    state = State()
    projection.add_user_message(state, "hello")
    projection.apply(state, events.TurnCompleted(reply="Hi!", is_sufficient=False, session_id=SID))
    kept = State(**vars(state))
    assert not projection.withdraw_user_message(
        state, "hello", status=SessionStatus.IDLE, last_error=None
    )
    assert state == kept


def test_a_run_asked_for_in_another_language_runs_in_it() -> None:
    state = State(locale="en")
    turn = events.TurnCompleted(
        reply="好的", is_sufficient=True, pipeline_run_id="r", locale=Locale.ZH, session_id=SID
    )
    projection.apply(state, turn)
    assert state.pipeline_locale == "zh"


def test_recording_the_current_run_again_changes_nothing() -> None:
    state = running()
    done = events.StageCompleted(
        stage=Stage.PARSE, progress=0.1, result={"skills": 3}, turn_id="run-1", session_id=SID
    )
    projection.apply(state, done)
    before = State(**vars(state))
    assert not projection.start_pipeline(state, "run-1", "conversation", locale="en", at=NOW)
    again = events.TurnCompleted(
        reply="ok", is_sufficient=True, pipeline_run_id="run-1", session_id=SID
    )
    projection.apply(state, again)
    assert (state.status, state.results, state.progress, state.start_pending_at) == (
        before.status,
        before.results,
        before.progress,
        before.start_pending_at,
    )


def test_a_start_never_published_is_taken_back_whole() -> None:
    state = State(
        status=SessionStatus.COMPLETED,
        pipeline_run_id="old",
        results={"match": {"n": 1}},
        inputs={"answers": {"R01": 3}},
    )
    before = State(**vars(state))
    undo = projection.undo_for(state, "new")
    state.inputs = {**state.inputs, "resume": {"text": "cv"}}
    assert projection.start_pipeline(state, "new", "resume", locale="en", at=NOW)
    assert projection.withdraw_start(state, undo)
    assert state == before


def test_a_start_already_published_is_not_taken_back() -> None:
    state = State()
    undo = projection.undo_for(state, "new")
    projection.start_pipeline(state, "new", "resume", locale="en", at=NOW)
    state.start_pending_at = None  # another replica's sweep sent it and cleared the mark
    assert not projection.withdraw_start(state, undo)
    assert state.pipeline_run_id == "new"


def redelivered_turn(turn_id: str, reply: str, **fields: Any) -> list[JournalEntry]:
    """What a guide redelivered after `turn.completed` (before its ack) publishes again."""
    at: dict[str, Any] = {"stage": Stage.GUIDE, "turn_id": turn_id, "session_id": SID}
    return [
        events.StageRetrying(attempt=2, reason="the request is being processed again", **at),
        events.TokenStreamed(text=reply, **at),
        events.TurnCompleted(reply=reply, is_sufficient=False, **at, **fields),
    ]


def test_a_turn_answered_twice_is_kept_once() -> None:
    state = State()
    projection.add_user_message(state, "I studied law")
    *_, completed = redelivered_turn("t1", "Noted.", collected_info=CollectedInfo(skills=["x"]))
    projection.apply(state, completed)
    answered = State(**vars(state))
    for entry in redelivered_turn("t1", "Noted!", collected_info=CollectedInfo(skills=["y"])):
        projection.apply(state, entry)
    assert state == answered
    assert [m["role"] for m in state.history] == ["user", "assistant"]


def test_a_late_second_answer_does_not_touch_the_next_turn() -> None:
    state = State()
    projection.add_user_message(state, "hello")
    projection.apply(state, redelivered_turn("t1", "Hi!")[-1])
    projection.add_user_message(state, "I like maths")
    projection.apply(
        state,
        events.TokenStreamed(stage=Stage.GUIDE, text="Nice", turn_id="t2", session_id=SID),
    )
    for entry in redelivered_turn("t1", "Hi!"):
        projection.apply(state, entry)
    assert state.status == SessionStatus.REPLYING, "t2 is still being answered"
    assert state.streaming == {"turn_id": "t2", "stage": "guide", "text": "Nice"}
    assert [m["content"] for m in state.history] == ["hello", "Hi!", "I like maths"]
