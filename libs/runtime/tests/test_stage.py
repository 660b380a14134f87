"""The stage harness: event identity, progress from a worker thread, retries and poison."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from careerstream.contracts import (
    AnalyzeRequested,
    Profile,
    Progress,
    ReportRendered,
    Stage,
    StageRequest,
)
from careerstream.contracts.topology import ANALYZE_REQUESTS, MAX_DELIVERIES
from careerstream.runtime.stage import StageRun, run_stage
from tests.support.recording import RecordingBroker
from tests.support.reports import minimal_report


class Delivery:
    def __init__(self, before: int) -> None:
        self.headers = {"x-delivery-count": before} if before else {}
        self.raw_message = type("Raw", (), {"redelivered": before > 0})()


REQUEST = StageRequest(session_id="s1", run_id="run-1", idempotency_key="run-1:parse")


def new_run(broker: RecordingBroker, *, attempt: int = 1) -> StageRun:
    return StageRun(broker, REQUEST, Stage.PARSE, attempt=attempt)  # type: ignore[arg-type]


async def test_the_same_request_publishes_the_same_event_ids() -> None:
    first, second, retried = RecordingBroker(), RecordingBroker(), RecordingBroker()
    for broker, attempt in ((first, 1), (second, 1), (retried, 2)):
        run = new_run(broker, attempt=attempt)
        await run.started()
        await run.progress(0.5, "half")
        await run.completed({"x": 1})
    ids = [[e.event_id for e in b.entries()] for b in (first, second, retried)]
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 3
    assert not set(ids[0]) & set(ids[2])


async def test_progress_maps_onto_the_stage_slice_and_repeats_are_dropped() -> None:
    broker = RecordingBroker()
    run = new_run(broker)
    await run.started()
    await run.progress(0.5, "half")
    await run.progress(0.5, "half")
    await run.completed()
    assert [(e.type, e.progress) for e in broker.entries()] == [
        ("stage.started", 0.0),
        ("stage.progress", 0.05),
        ("stage.completed", 0.1),
    ]


async def test_work_in_a_thread_reports_progress_in_order_and_returns() -> None:
    broker = RecordingBroker()
    run = new_run(broker)
    threads: set[int] = set()

    def work(steps: int, *, progress: Progress, done: str) -> str:
        threads.add(threading.get_ident())
        for step in range(1, steps + 1):
            progress(step / steps, f"step {step}")
        return done

    assert await run.in_thread(work, 4, done="done", share=(0.5, 1.0)) == "done"
    assert threading.get_ident() not in threads
    events = broker.entries()
    assert [e.message for e in events] == [f"step {n}" for n in range(1, 5)]
    # The work's own 0..1 went into the second half of the parse stage's slice (0..0.1).
    assert [e.progress for e in events] == [0.0625, 0.075, 0.0875, 0.1]


async def test_a_failure_in_the_thread_reaches_the_caller() -> None:
    def work(*, progress: Progress) -> None:
        progress(0.1, "started")
        raise ValueError("bad profile")

    with pytest.raises(ValueError, match="bad profile"):
        await new_run(RecordingBroker()).in_thread(work)


async def test_streamed_text_is_coalesced_into_tokens_of_the_stage() -> None:
    broker = RecordingBroker()
    run = StageRun(broker, REQUEST, Stage.REPORT, token_window_s=10, token_max_chars=10)  # type: ignore[arg-type]

    async def pieces() -> Any:
        for word in ["Hello ", "there, ", "this is ", "a report."]:
            yield word
            await asyncio.sleep(0)

    assert await run.stream(pieces()) == "Hello there, this is a report."
    tokens = broker.entries()
    assert [t.text for t in tokens] == ["Hello there, ", "this is a report."]
    assert {t.stage for t in tokens} == {Stage.REPORT}


async def test_a_redelivered_request_announces_the_retry_then_starts_over() -> None:
    first, again = RecordingBroker(), RecordingBroker()

    async def work(run: StageRun) -> None:
        await run.completed()

    await run_stage(first, Delivery(before=0), REQUEST, Stage.PARSE, work)  # type: ignore[arg-type]
    await run_stage(again, Delivery(before=1), REQUEST, Stage.PARSE, work)  # type: ignore[arg-type]
    assert [e.type for e in first.entries()] == ["stage.started", "stage.completed"]
    retry, started, completed = again.entries()
    assert (retry.type, retry.attempt) == ("stage.retrying", 2)
    assert (started.type, completed.type) == ("stage.started", "stage.completed")
    # A new attempt publishes under new ids, so the journal keeps it beside the first.
    assert not {e.event_id for e in first.entries()} & {e.event_id for e in again.entries()}


async def test_only_pipeline_stages_announce_their_start() -> None:
    broker = RecordingBroker()

    async def work(run: StageRun) -> None:
        await run.failed("model_error", "the model failed", retryable=True)

    await run_stage(broker, Delivery(before=0), REQUEST, Stage.GUIDE, work)  # type: ignore[arg-type]
    (error,) = broker.entries()
    assert (error.type, error.stage, error.retryable) == ("error", Stage.GUIDE, True)


@pytest.mark.parametrize(("before", "error_sent"), [(0, False), (MAX_DELIVERIES, True)])
async def test_a_failure_is_raised_again_and_the_last_one_tells_the_session(
    before: int, error_sent: bool
) -> None:
    broker = RecordingBroker()

    async def work(run: StageRun) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await run_stage(broker, Delivery(before), REQUEST, Stage.PARSE, work)  # type: ignore[arg-type]
    errors = [e for e in broker.entries() if e.type == "error"]
    assert bool(errors) is error_sent
    if errors:
        assert errors[0].code == "stage_failed"
        assert errors[0].retryable is False


async def test_forwarded_requests_carry_the_run_and_a_key_per_stage() -> None:
    broker = RecordingBroker()
    run = new_run(broker)
    forwarded = await run.forward(AnalyzeRequested, source="resume", profile=Profile())
    assert (forwarded.run_id, forwarded.idempotency_key) == ("run-1", "run-1:analyze")
    assert forwarded.session_id == "s1"
    (sent,) = broker.published
    assert sent["routing_key"] == ANALYZE_REQUESTS.routing_key  # the kind names its queue
    assert sent["mandatory"] is True
    assert AnalyzeRequested.model_validate(sent["body"]) == forwarded


async def test_a_stored_record_travels_with_the_runs_identity() -> None:
    broker = RecordingBroker()
    document = minimal_report()
    await new_run(broker).publish(ReportRendered, report=document, pdf_base64="JQ==")
    (record,) = broker.entries()
    assert isinstance(record, ReportRendered)
    assert (record.session_id, record.turn_id) == ("s1", "run-1")


def test_an_id_asked_for_by_purpose_is_the_same_in_every_delivery() -> None:
    assert new_run(RecordingBroker()).derived_id("pipeline") == new_run(
        RecordingBroker(), attempt=3
    ).derived_id("pipeline")
