"""One run of a pipeline stage: its events, its progress and the request it forwards.

Every event a stage publishes gets an id derived from the request's idempotency
key and its position in the run. A request that reaches a worker twice (the
previous stage was redelivered and forwarded again) therefore publishes the
same ids again, and the journal keeps only the first copy. A request that is
*redelivered* because a worker died mid-run starts over under fresh ids, after
a `stage.retrying` event that tells clients to drop what they saw of it.

CPU-bound work runs in a thread (`in_thread`), so the event loop keeps the
broker connection alive, and reports progress through a callback whose calls
become `stage.progress` events as they happen.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitRouter
from faststream.rabbit.subscriber import RabbitSubscriber

from careerstream.contracts import (
    ErrorRaised,
    EventBase,
    Stage,
    StageCompleted,
    StageProgressed,
    StageRequest,
    StageRetrying,
    StageStarted,
    TokenStreamed,
    new_id,
    overall_progress,
    stage_key,
)
from careerstream.contracts.topology import MAX_DELIVERIES, StageRoute
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event, publish_request
from careerstream.runtime.topology import stage_queue, stages_exchange

log = logging.getLogger("careerstream.stage")

T = TypeVar("T")
Progress = Callable[[float, str], None]

# Set by RabbitMQ quorum queues: how many times the message went back to the queue.
DELIVERY_COUNT_HEADER = "x-delivery-count"


def stage_subscriber(router: RabbitRouter, route: StageRoute, *, prefetch: int) -> RabbitSubscriber:
    """Decorator subscribing a handler to an agent's queue, as the bus wants it.

    Competing consumers with a bounded prefetch; a request is acknowledged only when
    its handler returns (after every event and forwarded request was confirmed), and
    a handler that raises sends it back to the queue.
    """
    return router.subscriber(
        stage_queue(route),
        stages_exchange,
        channel=Channel(prefetch_count=prefetch),
        ack_policy=AckPolicy.NACK_ON_ERROR,
    )


def deliveries_before(message: RabbitMessage) -> int:
    """How many earlier deliveries of this message failed or were cut off."""
    count = (message.headers or {}).get(DELIVERY_COUNT_HEADER)
    if isinstance(count, int):
        return count
    return 1 if message.raw_message.redelivered else 0


class StageRun:
    def __init__(
        self,
        broker: RabbitBroker,
        request: StageRequest,
        stage: Stage,
        *,
        retried: bool = False,
        token_window_s: float = 0.04,
        token_max_chars: int = 48,
    ) -> None:
        self.broker = broker
        self.request = request
        self.stage = stage
        self.token_window_s = token_window_s
        self.token_max_chars = token_max_chars
        self.meta: dict[str, Any] = {
            "session_id": request.session_id,
            "turn_id": request.run_id,
            "stage": stage,
        }
        self._salt = new_id() if retried else ""
        self._published = 0
        self._last_progress: tuple[float, str] | None = None

    def _event_id(self) -> str:
        self._published += 1
        raw = f"{self.request.idempotency_key}|{self._salt}|{self._published}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    async def publish(self, event_type: type[EventBase], **fields: Any) -> None:
        event = event_type(event_id=self._event_id(), **self.meta, **fields)
        await publish_event(self.broker, event)

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
        return "".join(parts)

    async def in_thread(self, work: Callable[[Progress], T]) -> T:
        """Run blocking work in a thread; its progress calls become events, in order."""
        loop = asyncio.get_running_loop()
        reports: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

        def report(fraction: float, message: str) -> None:
            loop.call_soon_threadsafe(reports.put_nowait, (fraction, message))

        task = asyncio.ensure_future(asyncio.to_thread(work, report))
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

    def next_request(self, stage: Stage) -> dict[str, Any]:
        """The identity fields of the request this run forwards to `stage`."""
        return {
            "session_id": self.request.session_id,
            "run_id": self.request.run_id,
            "idempotency_key": stage_key(self.request.run_id, stage),
            "locale": self.request.locale,
        }

    async def forward(self, route: StageRoute, request: StageRequest) -> None:
        await publish_request(self.broker, route, request)

    async def retrying(self, attempt: int, reason: str) -> None:
        await self.publish(StageRetrying, attempt=attempt, reason=reason)

    async def failed(self, code: str, message: str) -> None:
        await self.publish(ErrorRaised, code=code, message=message, retryable=False)


async def run_stage(
    broker: RabbitBroker,
    message: RabbitMessage,
    request: StageRequest,
    stage: Stage,
    work: Callable[[StageRun], Any],
    **options: Any,
) -> None:
    """Run one delivery of a stage request, with the retry and poison rules of the bus.

    A redelivery announces itself with `stage.retrying`. A failure is raised again so
    the message goes back to its queue; on its last allowed delivery the session gets
    a typed `error` first, because RabbitMQ then moves the request to the dead letters.
    """
    before = deliveries_before(message)
    run = StageRun(broker, request, stage, retried=before > 0, **options)
    if before > 0:
        await run.retrying(before + 1, "the request is being processed again")
    try:
        await work(run)
    except Exception as exc:
        if before >= MAX_DELIVERIES:
            log.exception("%s failed for the last time on session %s", stage, request.session_id)
            await run.failed("stage_failed", f"The {stage.value} stage failed: {exc}")
        else:
            log.warning("%s failed on session %s (%s); retrying", stage, request.session_id, exc)
        raise
