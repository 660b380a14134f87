"""How each journaled event changes a session's projection (pure: no I/O).

The journal applies these in the same transaction that stores the event, so
the snapshot always matches the events up to `last_seq`.
"""

from __future__ import annotations

import base64
from typing import Any, Protocol

from careerstream.contracts import (
    ErrorRaised,
    ReportRendered,
    SessionCompleted,
    SessionEvent,
    StageCompleted,
    StageProgressed,
    StageRetrying,
    StageStarted,
    TokenStreamed,
    TurnCompleted,
)
from careerstream.gateway.journal.status import SessionStatus


class Projection(Protocol):
    status: str
    stage: str | None
    progress: float
    status_message: str
    history: list[Any]
    collected_info: dict[str, Any]
    interview_asked: list[Any]
    pipeline_run_id: str | None
    results: dict[str, Any]
    streaming: dict[str, Any] | None
    last_error: dict[str, Any] | None
    report: dict[str, Any] | None
    report_pdf: bytes | None


def apply(state: Projection, event: SessionEvent) -> None:
    stage = event.stage.value if event.stage is not None else None
    if isinstance(event, TokenStreamed):
        current = state.streaming or {}
        same = current.get("turn_id") == event.turn_id and current.get("stage") == stage
        text = (current.get("text", "") if same else "") + event.text
        # Reassigned, not mutated: JSON columns only notice new values.
        state.streaming = {"turn_id": event.turn_id, "stage": stage, "text": text}
    elif isinstance(event, TurnCompleted):
        state.history = [*state.history, {"role": "assistant", "content": event.reply}]
        state.streaming = None
        if event.collected_info is not None:
            state.collected_info = event.collected_info.model_dump(mode="json")
            state.interview_asked = [topic.value for topic in event.asked]
        if event.pipeline_run_id is not None:
            # The guide started the analysis: the session waits for it, chat is closed.
            start_pipeline(state, event.pipeline_run_id, "conversation")
        elif state.status == SessionStatus.REPLYING:
            state.status = SessionStatus.IDLE
    elif isinstance(event, StageStarted | StageProgressed | StageCompleted):
        if event.turn_id != state.pipeline_run_id:
            return  # a straggler of an earlier run must not move this run's progress
        state.status = SessionStatus.RUNNING
        state.stage = stage
        state.progress = event.progress
        state.status_message = event.message if isinstance(event, StageProgressed) else ""
        if isinstance(event, StageCompleted) and event.result is not None and stage:
            state.results = {**state.results, stage: event.result}
    elif isinstance(event, StageRetrying):
        if state.streaming is not None and state.streaming.get("stage") == stage:
            state.streaming = None
        state.status_message = event.reason
    elif isinstance(event, SessionCompleted):
        if event.turn_id != state.pipeline_run_id:
            return
        state.status = SessionStatus.COMPLETED
        state.progress = 1.0
        state.streaming = None
    elif isinstance(event, ErrorRaised):
        state.last_error = {"code": event.code, "message": event.message, "stage": stage}
        state.streaming = None
        state.status = (
            SessionStatus.FAILED if state.status == SessionStatus.RUNNING else SessionStatus.IDLE
        )


def start_pipeline(state: Projection, run_id: str, source: str) -> None:
    """A run was asked for: the session waits for it, chat is closed, old results go."""
    state.pipeline_run_id = run_id
    state.status = SessionStatus.ANALYZING
    state.stage = "parse"
    state.progress = 0.0
    state.status_message = f"waiting for the analysis to start ({source})"
    state.results = {}
    state.last_error = None


def store_report(state: Projection, rendered: ReportRendered) -> None:
    """The finished report of the current run, with its PDF (not a client event)."""
    if rendered.turn_id != state.pipeline_run_id:
        return
    state.report = rendered.report.model_dump(mode="json")
    state.report_pdf = base64.b64decode(rendered.pdf_base64)


def add_user_message(state: Projection, text: str) -> None:
    state.history = [*state.history, {"role": "user", "content": text}]
    state.status = SessionStatus.REPLYING
    state.last_error = None
