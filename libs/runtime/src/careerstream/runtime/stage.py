"""One delivery of a request to an agent: the events it publishes and the request it forwards.

Every consumer of a stage queue — the guide's turn and each pipeline stage — runs
through this harness, so they all keep the same rules:

* **Identity.** Every message a run publishes gets an id derived from the request's
  idempotency key, the delivery attempt and its position in the run. A request that
  reaches a worker twice in the same attempt (the previous stage was redelivered and
  forwarded it again) publishes the same ids again, and the journal keeps only the
  first copy.
* **Redelivery.** A request that RabbitMQ delivers again because a worker died
  mid-run is a new attempt: it first publishes `stage.retrying` (clients drop what
  they saw of that stage), then starts over under the new attempt's ids.
* **Poison.** A handler that raises sends the request back to its queue; on the last
  delivery the quorum queue allows, the session first gets a typed `error`
  (`stage_failed`), because RabbitMQ then dead-letters the request.
* **Progress.** A pipeline stage announces `stage.started`; blocking domain work runs
  in a thread (`in_thread`) and its `progress(fraction, message)` calls become
  `stage.progress` events as they happen, mapped onto the whole pipeline's bar.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from faststream.rabbit import RabbitBroker, RabbitMessage

from careerstream.contracts import (
    PIPELINE_STAGES,
    ErrorRaised,
    SessionMessage,
    Stage,
    StageCompleted,
    StageProgressed,
    StageRequest,
    StageRetrying,
    StageStarted,
    TokenStreamed,
    derive_id,
    overall_progress,
    stage_key,
)
from careerstream.contracts.progress import scale
from careerstream.contracts.topology import MAX_DELIVERIES, STAGE_ROUTES
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event, publish_request

log = logging.getLogger("careerstream.stage")

T = TypeVar("T")
R = TypeVar("R", bound=StageRequest)

# Set by RabbitMQ quorum queues: how many times the message went back to the queue.
DELIVERY_COUNT_HEADER = "x-delivery-count"


def deliveries_before(message: RabbitMessage) -> int:
    """How many earlier deliveries of this message failed or were cut off."""
    count = (message.headers or {}).get(DELIVERY_COUNT_HEADER)
    if isinstance(count, int):
        return count
    return 1 if message.raw_message.redelivered else 0


class StageRun:
    """What one delivery of a request publishes, with the session, the run and the stage."""

    def __init__(
        self,
        broker: RabbitBroker,
        request: StageRequest,
        stage: Stage,
        *,
        attempt: int = 1,
        token_window_s: float = 0.04,
        token_max_chars: int = 48,
    ) -> None:
        self.broker = broker
        self.request = request
        self.stage = stage
        self.attempt = attempt
        self.token_window_s = token_window_s
        self.token_max_chars = token_max_chars
        self.tokens_published = 0
        self._published = 0
        self._last_progress: tuple[float, str] | None = None

    def derived_id(self, *purpose: object) -> str:
        """An id of this request that every delivery of it agrees on (e.g. a run it asks for)."""
        return derive_id(self.request.idempotency_key, *purpose)

    async def publish(self, kind: type[SessionMessage], **fields: Any) -> None:
        self._published += 1
        identity: dict[str, Any] = {
            "event_id": self.derived_id(self.attempt, self._published),
            "session_id": self.request.session_id,
            "turn_id": self.request.run_id,
            "stage": self.stage,
        }
        await publish_event(self.broker, kind(**identity, **fields))

    async def started(self) -> None:
        await self.publish(StageStarted, progress=overall_progress(self.stage, 0.0))

    async def progress(self, fraction: float, message: str) -> None:
        overall = overall_progress(self.stage, fraction)
        if self._last_progress == (overall, message):
            return
        self._last_progress = (overall, message)
        await self.publish(StageProgressed, progress=overall, message=message)

    async def completed(self, result: dict[str, Any] | None = None) -> None:
        await self.publish(
            StageCompleted, progress=overall_progress(self.stage, 1.0), result=result
        )

    async def stream(self, pieces: AsyncIterator[str]) -> str:
        """Publish text as coalesced tokens of this stage; returns the whole text."""
        parts: list[str] = []
        async for text in coalesce(
            pieces, window_s=self.token_window_s, max_chars=self.token_max_chars
        ):
            parts.append(text)
            await self.publish(TokenStreamed, text=text)
            self.tokens_published += 1
        return "".join(parts)

    async def retrying(self, reason: str, *, attempt: int | None = None) -> None:
        """Clients drop this stage's partial output: it starts over as `attempt`."""
        await self.publish(StageRetrying, attempt=attempt or self.attempt, reason=reason)

    async def failed(self, code: str, message: str, *, retryable: bool = False) -> None:
        await self.publish(ErrorRaised, code=code, message=message, retryable=retryable)

    async def in_thread(
        self,
        work: Callable[..., T],
        *args: Any,
        share: tuple[float, float] = (0.0, 1.0),
        **kwargs: Any,
    ) -> T:
        """`work(*args, progress=…, **kwargs)` in a thread; its progress calls become events,
        in order, reported into `share` of this stage's own bar."""
        loop = asyncio.get_running_loop()
        reports: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

        def report(fraction: float, message: str) -> None:
            loop.call_soon_threadsafe(reports.put_nowait, (scale(fraction, *share), message))

        task = asyncio.ensure_future(asyncio.to_thread(work, *args, progress=report, **kwargs))
        while True:
            waiter = asyncio.ensure_future(reports.get())
            done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if waiter in done:
                await self.progress(*waiter.result())
                continue
            waiter.cancel()
            break
        # The thread is done: the reports it left behind still go out, before the result.
        while not reports.empty():
            await self.progress(*reports.get_nowait())
        return task.result()

    async def forward(self, kind: type[R], **fields: Any) -> R:
        """Ask the stage that consumes `kind` for the next step of this run."""
        run_id = self.request.run_id
        identity: dict[str, Any] = {
            "session_id": self.request.session_id,
            "run_id": run_id,
            "idempotency_key": stage_key(run_id, kind.consumer),
            "locale": self.request.locale,
        }
        request = kind(**{**identity, **fields})
        await publish_request(self.broker, STAGE_ROUTES[kind.consumer], request)
        return request


async def run_stage(
    broker: RabbitBroker,
    message: RabbitMessage,
    request: StageRequest,
    stage: Stage,
    work: Callable[[StageRun], Any],
    **options: Any,
) -> None:
    """Run one delivery of a request with the bus's identity, retry and poison rules."""
    before = deliveries_before(message)
    run = StageRun(broker, request, stage, attempt=before + 1, **options)
    if before > 0:
        await run.retrying("the request is being processed again")
    try:
        if stage in PIPELINE_STAGES:
            await run.started()
        await work(run)
    except Exception as exc:
        if before >= MAX_DELIVERIES:
            log.exception("%s failed for the last time on session %s", stage, request.session_id)
            await run.failed("stage_failed", f"The {stage.value} stage failed: {exc}")
        else:
            log.warning("%s failed on session %s (%s); retrying", stage, request.session_id, exc)
        raise
