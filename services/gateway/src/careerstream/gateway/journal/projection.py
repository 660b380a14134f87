"""How each journal entry changes a session's projection: a state machine, no I/O.

The journal applies every entry in the same transaction that stores it, so the
snapshot always matches the events up to `last_seq`; the stored-only report
(`report.rendered`) goes through here like any event. The API's own changes
(a message, a run started) go through here too, under the row lock.

A run start, from a turn or from the API, is recorded with an outbox mark
(`start_pending_at`) in the same change that makes the session wait for it; the
sessions wing publishes the request afterwards and clears the mark.

Which entries count: a pipeline entry only while it is of the current run and
that run has not completed (a stage redelivered after `session.completed` reruns
under fresh ids, and an earlier run's stragglers must not move this one); a
guide entry only while its turn is unanswered (a turn redelivered after
`turn.completed` answers again under fresh ids). Anything else is a straggler
that changes nothing.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from careerstream.contracts import PIPELINE_STAGES, JournalEntry, ReportRendered, events
from careerstream.gateway.journal.status import SessionStatus


class Projection(Protocol):
    """The session row's fields this module reads and writes."""

    locale: str
    status: str
    stage: str | None
    progress: float
    status_message: str
    history: list[Any]
    collected_info: dict[str, Any]
    interview_asked: list[Any]
    pipeline_run_id: str | None
    pipeline_source: str | None
    pipeline_locale: str | None
    pipeline_completed: bool
    start_pending_at: datetime | None
    inputs: dict[str, Any]
    results: dict[str, Any]
    streaming: dict[str, Any] | None
    last_error: dict[str, Any] | None
    report: dict[str, Any] | None
    report_pdf: bytes | None


def apply(state: Projection, entry: JournalEntry) -> bool:
    """Apply `entry` if it counts (`counts`); returns whether it did."""
    # Fields are reassigned, never mutated in place: JSON columns only notice new values.
    if not counts(state, entry):
        return False
    match entry:
        case events.TokenStreamed():
            _token(state, entry)
        case events.TurnCompleted():
            _turn_completed(state, entry)
        case events.StageStarted() | events.StageProgressed() | events.StageCompleted():
            _stage(state, entry)
        case events.StageRetrying():
            if state.streaming is not None and state.streaming.get("stage") == _stage_of(entry):
                state.streaming = None  # clients drop that stage's partial output too
            state.status_message = entry.reason
        case events.SessionCompleted():
            state.status = SessionStatus.COMPLETED
            state.pipeline_completed = True
            state.progress = 1.0
            state.streaming = None
        case events.ErrorRaised():
            _error(state, entry)
        case ReportRendered():
            state.report = entry.report.model_dump(mode="json")
            state.report_pdf = base64.b64decode(entry.pdf_base64)
    return True


def counts(state: Projection, entry: JournalEntry) -> bool:
    """Whether `entry` is of the turn or run the session is at (see the module's doc)."""
    if not of_run(entry):
        return not answered(state, entry.turn_id)
    return entry.turn_id == state.pipeline_run_id and not state.pipeline_completed


def of_run(entry: JournalEntry) -> bool:
    """A pipeline run's entry (its `turn_id` is the run id); the others are a turn's."""
    if isinstance(entry, ReportRendered | events.SessionCompleted):
        return True
    return entry.stage in PIPELINE_STAGES


def answered(state: Projection, turn_id: str | None) -> bool:
    """The guide's reply to `turn_id` is in the history already."""
    return turn_id is not None and any(
        m.get("role") == "assistant" and m.get("turn_id") == turn_id for m in state.history
    )


def _stage_of(event: events.EventBase) -> str | None:
    return event.stage.value if event.stage is not None else None


def _error(state: Projection, event: events.ErrorRaised) -> None:
    if not of_run(event):
        if state.status != SessionStatus.REPLYING:
            return  # the turn is over already; whatever else runs is not its to end
        state.status = SessionStatus.IDLE
    elif SessionStatus(state.status).runs_pipeline:
        state.status = SessionStatus.FAILED
    state.last_error = {"code": event.code, "message": event.message, "stage": _stage_of(event)}
    state.streaming = None


def _token(state: Projection, event: events.TokenStreamed) -> None:
    stage = _stage_of(event)
    current = state.streaming or {}
    same = current.get("turn_id") == event.turn_id and current.get("stage") == stage
    text = (current.get("text", "") if same else "") + event.text
    state.streaming = {"turn_id": event.turn_id, "stage": stage, "text": text}


def _turn_completed(state: Projection, event: events.TurnCompleted) -> None:
    # The turn id marks the turn answered (see `answered`); ChatMessage ignores it.
    reply = {"role": "assistant", "content": event.reply, "turn_id": event.turn_id}
    state.history = [*state.history, reply]
    state.streaming = None
    if event.collected_info is not None:
        state.collected_info = event.collected_info.model_dump(mode="json")
        state.interview_asked = [topic.value for topic in event.asked]
    if event.pipeline_run_id is not None:
        # The guide asks for the analysis, in the language it wrote in.
        locale = event.locale.value if event.locale is not None else state.locale
        start_pipeline(state, event.pipeline_run_id, "conversation", locale=locale, at=event.ts)
    elif state.status == SessionStatus.REPLYING:
        state.status = SessionStatus.IDLE


def _stage(
    state: Projection, event: events.StageStarted | events.StageProgressed | events.StageCompleted
) -> None:
    stage = _stage_of(event)
    state.status = SessionStatus.RUNNING
    state.stage = stage
    state.progress = event.progress
    state.status_message = event.message if isinstance(event, events.StageProgressed) else ""
    if isinstance(event, events.StageCompleted) and event.result is not None and stage:
        state.results = {**state.results, stage: event.result}


# What recording a run changes (inputs too: the API merges new ones in just before).
_RUN_FIELDS = (
    "status",
    "stage",
    "progress",
    "status_message",
    "results",
    "last_error",
    "inputs",
    "pipeline_run_id",
    "pipeline_source",
    "pipeline_locale",
    "pipeline_completed",
    "start_pending_at",
)


@dataclass(frozen=True)
class StartUndo:
    """The session as it was before a run was recorded, to take back a start never sent."""

    run_id: str
    fields: dict[str, Any]


def start_pipeline(
    state: Projection, run_id: str, source: str, *, locale: str, at: datetime
) -> bool:
    """A run was asked for: marked to be published; the session waits, chat is closed.

    Returns False, changing nothing, when `run_id` is the current run already (a turn
    delivered again asks for the same run): its progress and results must stay.
    """
    if state.pipeline_run_id == run_id:
        return False
    state.pipeline_run_id = run_id
    state.pipeline_source = source
    state.pipeline_locale = locale
    state.start_pending_at = at
    state.pipeline_completed = False
    state.status = SessionStatus.ANALYZING
    state.stage = "parse"
    state.progress = 0.0
    state.status_message = f"waiting for the analysis to start ({source})"
    state.results = {}
    state.last_error = None
    return True


def undo_for(state: Projection, run_id: str) -> StartUndo:
    """Taken just before the API records `run_id` and changes the inputs."""
    return StartUndo(run_id, {name: getattr(state, name) for name in _RUN_FIELDS})


def withdraw_start(state: Projection, undo: StartUndo) -> bool:
    """Take back a start that was never published; False if it has been since (or moved on)."""
    if state.pipeline_run_id != undo.run_id or state.start_pending_at is None:
        return False
    for name, value in undo.fields.items():
        setattr(state, name, value)
    return True


def add_user_message(state: Projection, text: str) -> None:
    state.history = [*state.history, {"role": "user", "content": text}]
    state.status = SessionStatus.REPLYING
    state.last_error = None


def withdraw_user_message(
    state: Projection, text: str, *, status: str, last_error: dict[str, Any] | None
) -> bool:
    """Undo `add_user_message` for a turn that never reached the guide.

    Only while nothing has happened since (the message is still the last word and
    the turn still open); returns whether it was undone.
    """
    last = state.history[-1] if state.history else None
    if state.status != SessionStatus.REPLYING or last != {"role": "user", "content": text}:
        return False
    state.history = state.history[:-1]
    state.status = status
    state.last_error = last_error
    return True
