"""The stage harness: event identity, progress from a worker thread, retries and poison."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from careerstream.contracts import Stage, StageRequest, parse_session_event
from careerstream.contracts.topology import MAX_DELIVERIES, PARSE_REQUESTS
from careerstream.runtime.stage import Progress, StageRun, run_stage


class RecordingBroker:
    """Stands in for the broker: keeps what was published, in order."""

    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    async def publish(self, message: dict[str, Any], **options: Any) -> None:
        self.published.append({"body": message, **options})

    def events(self) -> list[Any]:
        return [parse_session_event(p["body"]) for p in self.published if "type" in p["body"]]


class Delivery:
    def __init__(self, before: int) -> None:
        self.headers = {"x-delivery-count": before} if before else {}
        self.raw_message = type("Raw", (), {"redelivered": before > 0})()


REQUEST = StageRequest(session_id="s1", run_id="run-1", idempotency_key="run-1:parse")


def new_run(broker: RecordingBroker, *, retried: bool = False) -> StageRun:
    return StageRun(broker, REQUEST, Stage.PARSE, retried=retried)  # type: ignore[arg-type]


async def test_the_same_request_publishes_the_same_event_ids() -> None:
    first, second, retried = RecordingBroker(), RecordingBroker(), RecordingBroker()
    for broker, again in ((first, False), (second, False), (retried, True)):
        run = new_run(broker, retried=again)
        await run.started()
        await run.progress(0.5, "half")
        await run.completed({"x": 1})
    ids = [[e.event_id for e in b.events()] for b in (first, second, retried)]
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
    assert [(e.type, e.progress) for e in broker.events()] == [
        ("stage.started", 0.0),
        ("stage.progress", 0.05),
        ("stage.completed", 0.1),
    ]


async def test_work_in_a_thread_reports_progress_in_order_and_returns() -> None:
    broker = RecordingBroker()
    run = new_run(broker)
    threads: set[int] = set()

    def work(progress: Progress) -> str:
        threads.add(threading.get_ident())
        for step in range(1, 5):
            progress(step / 4, f"step {step}")
        return "done"

    assert await run.in_thread(work) == "done"
    assert threading.get_ident() not in threads
    assert [e.message for e in broker.events()] == [f"step {n}" for n in range(1, 5)]


async def test_a_failure_in_the_thread_reaches_the_caller() -> None:
    def work(progress: Progress) -> None:
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
    tokens = broker.events()
    assert [t.text for t in tokens] == ["Hello there, ", "this is a report."]
    assert {t.stage for t in tokens} == {Stage.REPORT}


async def test_a_redelivered_request_announces_the_retry() -> None:
    broker = RecordingBroker()

    async def work(run: StageRun) -> None:
        await run.started()

    await run_stage(broker, Delivery(before=1), REQUEST, Stage.PARSE, work)  # type: ignore[arg-type]
    retry, started = broker.events()
    assert retry.type == "stage.retrying"
    assert retry.attempt == 2
    assert started.type == "stage.started"


@pytest.mark.parametrize(("before", "error_sent"), [(0, False), (MAX_DELIVERIES, True)])
async def test_a_failure_is_raised_again_and_the_last_one_tells_the_session(
    before: int, error_sent: bool
) -> None:
    broker = RecordingBroker()

    async def work(run: StageRun) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await run_stage(broker, Delivery(before), REQUEST, Stage.PARSE, work)  # type: ignore[arg-type]
    errors = [e for e in broker.events() if e.type == "error"]
    assert bool(errors) is error_sent
    if errors:
        assert errors[0].code == "stage_failed"
        assert errors[0].retryable is False


async def test_forwarded_requests_carry_the_run_and_a_key_per_stage() -> None:
    broker = RecordingBroker()
    run = new_run(broker)
    fields = run.next_request(Stage.ANALYZE)
    assert fields["run_id"] == "run-1"
    assert fields["idempotency_key"] == "run-1:analyze"
    await run.forward(PARSE_REQUESTS, StageRequest(**fields))
    (sent,) = broker.published
    assert sent["routing_key"] == PARSE_REQUESTS.routing_key
    assert sent["mandatory"] is True
