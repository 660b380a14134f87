"""The stage requests the gateway sends, built from the session they are for.

The only place a `TurnRequested` or a `PipelineRequested` is made: the worker is
stateless, so everything the session knows that the stage needs travels with it.
Idempotency keys come from `stage_key`, so a request sent again is known again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerstream.contracts import (
    ChatMessage,
    CollectedInfo,
    PipelineInputs,
    PipelineRequested,
    ReportDigest,
    Stage,
    Topic,
    TurnRequested,
    new_id,
    stage_key,
)
from careerstream.gateway.journal.store.records import SessionRecord


def chat_history(record: SessionRecord) -> list[ChatMessage]:
    return [ChatMessage.model_validate(m) for m in record.history]


@dataclass(frozen=True)
class HistoryBound:
    """How much of the conversation a turn carries: the newest messages, within both limits.

    The guide is stateless, so without a bound a long chat would send ever larger
    requests; what it knows of older turns is in `collected_info` anyway.
    """

    messages: int = 40
    chars: int = 24_000


def recent(history: Sequence[ChatMessage], bound: HistoryBound) -> list[ChatMessage]:
    """The newest messages that fit `bound`, in order (the newest one always)."""
    kept: list[ChatMessage] = []
    used = 0
    for message in reversed(history[-bound.messages :] if bound.messages else ()):
        used += len(message.content)
        if kept and used > bound.chars:
            break
        kept.append(message)
    return kept[::-1]


def turn_request(
    before: SessionRecord, message: str, *, history: HistoryBound | None = None
) -> TurnRequested:
    """A turn for the guide: the message, and the session as it was before it."""
    turn_id = new_id()
    return TurnRequested(
        session_id=before.session_id,
        run_id=turn_id,
        idempotency_key=stage_key(turn_id, Stage.GUIDE),
        locale=before.locale,
        message=message,
        history=recent(chat_history(before), history or HistoryBound()),
        collected_info=CollectedInfo.model_validate(before.collected_info),
        asked=[Topic(t) for t in before.asked],
        # Once a report exists the chat is about it: the guide gets its digest.
        report=ReportDigest.model_validate(before.report) if before.report else None,
        inputs=PipelineInputs.model_validate(before.inputs),
    )


def pipeline_request(record: SessionRecord) -> PipelineRequested:
    """The session's current run, for the parser: the conversation and every input.

    Built the same way from the same session every time, so a start published twice
    (the outbox sweep of another replica) is the same request, known by its key.
    """
    run_id = record.pipeline_run_id
    if run_id is None:
        raise ValueError(f"session {record.session_id} has no run to request")
    return PipelineRequested(
        session_id=record.session_id,
        run_id=run_id,
        idempotency_key=stage_key(run_id, Stage.PARSE),
        locale=record.pipeline_locale or record.locale,
        conversation=chat_history(record),
        collected_info=CollectedInfo.model_validate(record.collected_info),
        source=record.pipeline_source or "conversation",
        inputs=PipelineInputs.model_validate(record.inputs),
    )
