"""One delivery of a request to an agent: the events it publishes and the request it forwards.

Every consumer of a stage queue — the guide's turn and each pipeline stage — runs
through this harness, so they all keep the same rules:

* **Identity.** Every message a run publishes gets an id derived from the request's
  idempotency key, the delivery attempt and its position in the run. A request that
  reaches a worker twice in the same attempt (the previous stage was redelivered and
  forwarded it again) publishes the same ids again, and the journal keeps only the
  first copy.
* **Attempts.** The harness counts them itself and settles every delivery (the
  subscriber's ack policy is manual). A handler that raises gets its request
  republished as the next attempt (`ATTEMPT_HEADER`), confirmed before the failed
  copy is acknowledged; a worker that died mid-run never settled its delivery, and
  RabbitMQ's redelivery of it counts as an attempt too. Every attempt after the first
  publishes `stage.retrying` first (clients drop what they saw of that stage), then
  starts over under the new attempt's ids.
* **Poison.** The last of `MAX_DELIVERIES` attempts that fails first tells the session
  (a typed `error`, `stage_failed`), then rejects the request, so the queue
  dead-letters it. A body that is not a request of the handler's kind is rejected at
  once (retrying cannot mend it), after a typed `error` (`request_undecodable`) to the
  session its headers name.
* **Progress.** A pipeline stage announces `stage.started`; blocking domain work runs
  in a thread (`in_thread`) and its `progress(fraction, message)` calls become
  `stage.progress` events as they happen, mapped onto the whole pipeline's bar.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
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
from careerstream.contracts.topology import (
    ATTEMPT_HEADER,
    MAX_DELIVERIES,
    RUN_HEADER,
    SESSION_HEADER,
    STAGE_ROUTES,
    StageRoute,
)
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event, publish_request

log = logging.getLogger("careerstream.stage")

T = TypeVar("T")
R = TypeVar("R", bound=StageRequest)

# Set by RabbitMQ quorum queues on a message that went back to the queue. RabbitMQ 4.x
# counts only deliveries cut off (a consumer gone), not explicit requeues; the harness never
# requeues a failure, so for it the count means exactly that on 3.x and 4.x alike.
DELIVERY_COUNT_HEADER = "x-delivery-count"


def attempt_of(message: RabbitMessage) -> int:
    """Which attempt this delivery is: the copy's own attempt (`ATTEMPT_HEADER`), plus
    each earlier delivery of that copy that a worker took and never settled.

    The two add up: a copy republished as attempt 3 whose first delivery died with its
    worker is attempt 4 the second time. Without a count (a classic queue), RabbitMQ's
    `redelivered` flag says at least one delivery was cut off.
    """
    headers = message.headers or {}
    own = headers.get(ATTEMPT_HEADER)
    attempt = own if isinstance(own, int) and own >= 1 else 1
    count = headers.get(DELIVERY_COUNT_HEADER)
    if isinstance(count, int) and count > 0:
        return attempt + count
    return attempt + (1 if message.raw_message.redelivered else 0)


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
        # Closed however this ends (a deadline may cancel it mid-publish), so the coalescer
        # closes the source at once: a model's stream holds an HTTP connection.
        async with contextlib.aclosing(
            coalesce(pieces, window_s=self.token_window_s, max_chars=self.token_max_chars)
        ) as texts:
            async for text in texts:
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
    kind: type[R],
    stage: Stage,
    work: Callable[[R, StageRun], Awaitable[None]],
    *,
    route: StageRoute | None = None,
    **options: Any,
) -> None:
    """Decode, run and settle one delivery with the bus's identity, retry and poison rules.

    `route` is where a retry is republished: the queue the request came from (by default
    the stage's own).
    """
    try:
        await _run_delivery(
            broker, message, kind, stage, work, route or STAGE_ROUTES[stage], options
        )
    except BaseException:
        # Publishing failed (the broker is in trouble) or the worker is stopping: the
        # request goes back untouched and RabbitMQ's count says it was cut off.
        if message.committed is None:
            with contextlib.suppress(Exception):
                await message.nack(requeue=True)
        raise


async def _run_delivery(
    broker: RabbitBroker,
    message: RabbitMessage,
    kind: type[R],
    stage: Stage,
    work: Callable[[R, StageRun], Awaitable[None]],
    route: StageRoute,
    options: dict[str, Any],
) -> None:
    request = await decode_request(broker, message, kind, stage)
    if request is None:
        await message.reject(requeue=False)
        return
    attempt = attempt_of(message)
    run = StageRun(broker, request, stage, attempt=attempt, **options)
    if attempt > MAX_DELIVERIES:
        # Every attempt was cut off (e.g. the request kills its worker): no more tries.
        log.error("%s gave up on session %s after %d attempts", stage, request.session_id, attempt)
        await run.failed(
            "stage_failed", f"The {stage.value} stage did not finish in {MAX_DELIVERIES} attempts."
        )
        await message.reject(requeue=False)
        return
    try:
        if attempt > 1:
            await run.retrying("the request is being processed again")
        if stage in PIPELINE_STAGES:
            await run.started()
        await work(request, run)
    except Exception as exc:
        if attempt >= MAX_DELIVERIES:
            log.exception("%s failed for the last time on session %s", stage, request.session_id)
            await run.failed("stage_failed", f"The {stage.value} stage failed: {exc}")
            await message.reject(requeue=False)
            return
        log.warning(
            "%s failed on session %s (attempt %d: %s); retrying",
            stage,
            request.session_id,
            attempt,
            exc,
        )
        # The next attempt is confirmed before this copy is acknowledged, so a crash in
        # between leaves two copies of one attempt: they publish the same ids.
        await publish_request(broker, route, request, attempt=attempt + 1)
    await message.ack()


async def decode_request(
    broker: RabbitBroker, message: RabbitMessage, kind: type[R], stage: Stage
) -> R | None:
    """The request in the body, or None after telling its session (if the headers name
    one) that it cannot be read."""
    try:
        return kind.model_validate_json(message.body)
    except ValueError as exc:  # not JSON, or not this kind (pydantic's ValidationError)
        problem = " ".join(str(exc).split())[:300]
    headers = message.headers or {}
    session = headers.get(SESSION_HEADER) or message.correlation_id
    run_id = headers.get(RUN_HEADER)
    log.error(
        "undecodable %s request %s (session %s, run %s) dead-lettered: %s",
        stage,
        message.message_id,
        session,
        run_id,
        problem,
    )
    try:
        error = ErrorRaised(
            event_id=derive_id(message.message_id or message.body, "undecodable"),
            session_id=session,
            turn_id=run_id if isinstance(run_id, str) else None,
            stage=stage,
            code="request_undecodable",
            message=f"The {stage.value} stage could not read its request.",
            retryable=False,
        )
    except ValueError:  # no session named, or not a session id: nobody to tell
        return None
    await publish_event(broker, error)
    return None
