"""The stage harness: event identity, progress from a worker thread, retries and poison."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from types import SimpleNamespace
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
from careerstream.contracts.topology import (
    ANALYZE_REQUESTS,
    ATTEMPT_HEADER,
    MAX_DELIVERIES,
    PARSE_REQUESTS,
    RUN_HEADER,
    SESSION_HEADER,
)
from careerstream.runtime.stage import StageRun, attempt_of, run_stage
from tests.support.recording import RecordingBroker
from tests.support.reports import minimal_report

REQUEST = StageRequest(session_id="s1", run_id="run-1", idempotency_key="run-1:parse")


class Delivery:
    """What the harness reads of a RabbitMQ delivery, and how it settled it (with how
    many messages the broker had confirmed by then)."""

    def __init__(
        self,
        broker: RecordingBroker,
        *,
        body: bytes | None = None,
        headers: dict[str, Any] | None = None,
        redelivered: bool = False,
        correlation_id: str | None = "s1",
    ) -> None:
        self.broker = broker
        self.body = REQUEST.model_dump_json().encode() if body is None else body
        self.headers = headers or {}
        self.raw_message = SimpleNamespace(redelivered=redelivered)
        self.message_id = REQUEST.idempotency_key
        self.correlation_id = correlation_id
        self.committed: str | None = None
        self.settled: list[tuple[str, int]] = []

    def _settle(self, how: str) -> None:
        assert self.committed is None, "settled twice"
        self.committed = how
        self.settled.append((how, len(self.broker.published)))

    async def ack(self) -> None:
        self._settle("ack")

    async def nack(self, requeue: bool = True) -> None:
        self._settle("requeue" if requeue else "nack")

    async def reject(self, requeue: bool = False) -> None:
        self._settle("requeue" if requeue else "reject")


async def deliver(delivery: Delivery, work: Any) -> None:
    await run_stage(delivery.broker, delivery, StageRequest, Stage.PARSE, work)  # type: ignore[arg-type]


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


@pytest.mark.parametrize(
    ("headers", "redelivered", "attempt"),
    [
        ({}, False, 1),
        ({}, True, 2),  # cut off, and the queue keeps no count (a classic queue)
        ({"x-delivery-count": 2}, True, 3),
        ({ATTEMPT_HEADER: 3}, False, 3),  # a retry the harness republished
        ({ATTEMPT_HEADER: 3}, True, 4),  # ... whose first delivery died with its worker
        ({ATTEMPT_HEADER: 3, "x-delivery-count": 2}, True, 5),
    ],
)
def test_the_attempt_adds_the_harness_count_and_the_deliveries_cut_off(
    headers: dict[str, Any], redelivered: bool, attempt: int
) -> None:
    delivery = Delivery(RecordingBroker(), headers=headers, redelivered=redelivered)
    assert attempt_of(delivery) == attempt  # type: ignore[arg-type]


async def test_a_stream_cancelled_while_publishing_closes_its_source() -> None:
    closed = asyncio.Event()
    publishing = asyncio.Event()

    class Stuck(RecordingBroker):
        async def publish(self, message: dict[str, Any], **options: Any) -> None:
            publishing.set()
            await asyncio.Event().wait()  # a confirm that never comes

    async def source() -> AsyncIterator[str]:
        try:
            for n in range(100):
                yield f"{n} "
        finally:
            closed.set()

    run = StageRun(Stuck(), REQUEST, Stage.GUIDE, token_window_s=0, token_max_chars=1)  # type: ignore[arg-type]
    task = asyncio.ensure_future(run.stream(source()))
    await publishing.wait()
    task.cancel()  # e.g. the turn's deadline
    with pytest.raises(asyncio.CancelledError):
        await task
    assert closed.is_set()


async def test_a_redelivered_request_announces_the_retry_then_starts_over() -> None:
    first, again = Delivery(RecordingBroker()), Delivery(RecordingBroker(), redelivered=True)

    async def work(request: StageRequest, run: StageRun) -> None:
        await run.completed()

    await deliver(first, work)
    await deliver(again, work)
    assert [e.type for e in first.broker.entries()] == ["stage.started", "stage.completed"]
    retry, started, completed = again.broker.entries()
    assert (retry.type, retry.attempt) == ("stage.retrying", 2)
    assert (started.type, completed.type) == ("stage.started", "stage.completed")
    # A new attempt publishes under new ids, so the journal keeps it beside the first.
    assert not {e.event_id for e in first.broker.entries()} & {
        e.event_id for e in again.broker.entries()
    }
    assert first.settled == [("ack", 2)], "acknowledged after its events were confirmed"


async def test_only_pipeline_stages_announce_their_start() -> None:
    delivery = Delivery(RecordingBroker())

    async def work(request: StageRequest, run: StageRun) -> None:
        await run.failed("model_error", "the model failed", retryable=True)

    await run_stage(delivery.broker, delivery, StageRequest, Stage.GUIDE, work)  # type: ignore[arg-type]
    (error,) = delivery.broker.entries()
    assert (error.type, error.stage, error.retryable) == ("error", Stage.GUIDE, True)


async def failing(request: StageRequest, run: StageRun) -> None:
    raise RuntimeError("boom")


async def test_a_failure_is_republished_as_the_next_attempt_before_it_is_acknowledged() -> None:
    delivery = Delivery(RecordingBroker(), headers={ATTEMPT_HEADER: 2})
    await deliver(delivery, failing)
    *events, retry = delivery.broker.published
    assert [e["body"]["type"] for e in events] == ["stage.retrying", "stage.started"]
    assert retry["routing_key"] == PARSE_REQUESTS.routing_key
    assert retry["headers"][ATTEMPT_HEADER] == 3
    assert StageRequest.model_validate(retry["body"]) == REQUEST
    assert delivery.settled == [("ack", 3)], "the next attempt was confirmed first"


async def test_the_last_attempt_tells_the_session_then_dead_letters() -> None:
    delivery = Delivery(RecordingBroker(), headers={ATTEMPT_HEADER: MAX_DELIVERIES})
    await deliver(delivery, failing)
    entries = delivery.broker.entries()
    assert [e.type for e in entries] == ["stage.retrying", "stage.started", "error"]
    assert (entries[-1].code, entries[-1].retryable) == ("stage_failed", False)
    assert len(delivery.broker.published) == 3, "no further attempt"
    assert delivery.settled == [("reject", 3)]


async def test_a_request_cut_off_in_every_attempt_is_not_run_again() -> None:
    delivery = Delivery(
        RecordingBroker(), headers={ATTEMPT_HEADER: MAX_DELIVERIES}, redelivered=True
    )
    ran: list[int] = []

    async def work(request: StageRequest, run: StageRun) -> None:
        ran.append(run.attempt)

    await deliver(delivery, work)
    assert ran == []
    (error,) = delivery.broker.entries()
    assert (error.type, error.code, error.retryable) == ("error", "stage_failed", False)
    assert delivery.settled == [("reject", 1)]


@pytest.mark.parametrize(
    "body", [b"{not json", b'{"run_id": "run-1"}', b"\xff\xfe"], ids=["json", "model", "bytes"]
)
async def test_an_undecodable_request_tells_the_session_its_headers_name_and_is_rejected(
    body: bytes,
) -> None:
    headers = {SESSION_HEADER: "s9", RUN_HEADER: "run-9"}
    delivery = Delivery(RecordingBroker(), body=body, headers=headers, redelivered=True)
    await deliver(delivery, failing)
    (error,) = delivery.broker.entries()
    assert (error.session_id, error.turn_id, error.stage) == ("s9", "run-9", Stage.PARSE)
    assert (error.code, error.retryable) == ("request_undecodable", False)
    assert delivery.settled == [("reject", 1)], "at once: retrying cannot mend it"
    again = Delivery(RecordingBroker(), body=body, headers=headers)
    await deliver(again, failing)
    assert again.broker.entries()[0].event_id == error.event_id, "a copy is the same event"


@pytest.mark.parametrize("session", [None, "not a session id!"])
async def test_an_undecodable_request_of_no_known_session_is_only_rejected(
    session: str | None,
) -> None:
    delivery = Delivery(RecordingBroker(), body=b"nonsense", correlation_id=session)
    await deliver(delivery, failing)
    assert delivery.broker.published == []
    assert delivery.settled == [("reject", 0)]


async def test_when_publishing_fails_the_request_goes_back_untouched() -> None:
    class Down(RecordingBroker):
        async def publish(self, message: dict[str, Any], **options: Any) -> None:
            raise ConnectionError("broker gone")

    delivery = Delivery(Down())

    async def work(request: StageRequest, run: StageRun) -> None:
        await run.completed()

    with pytest.raises(ConnectionError):
        await deliver(delivery, work)
    assert delivery.settled == [("requeue", 0)]


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
