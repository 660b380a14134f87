"""Declaring an agent's handler: `@stage_handler(router, settings)` over `handler(request, run)`.

The handler's `request` annotation says which request it consumes; the request kind
names the stage whose queue it travels on (`StageRequest.consumer`), so a handler
cannot subscribe to one queue while its senders publish to another. Decoding,
acknowledging and the bus's retry rules are the harness's (`run_stage`); a handler
only calls its domain and publishes through `run`.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar, cast, get_type_hints

from faststream import Context
from faststream.message import StreamMessage
from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitQueue, RabbitRouter
from faststream.rabbit.subscriber import RabbitSubscriber

from careerstream.contracts import Stage, StageRequest
from careerstream.contracts.topology import STAGE_ROUTES, StageRoute
from careerstream.runtime.settings import StreamingSettings, WorkerSettings
from careerstream.runtime.stage import StageRun, run_stage
from careerstream.runtime.topology import stage_queue, stages_exchange

R = TypeVar("R", bound=StageRequest)
Handler = Callable[[R, StageRun], Awaitable[None]]


async def raw_body(message: StreamMessage[Any]) -> bytes:
    """FastStream's decoder, replaced: the harness decodes, so a body that is not JSON
    reaches it (and is dead-lettered at once) instead of failing inside FastStream."""
    return message.body


def stage_subscriber(
    router: RabbitRouter | RabbitBroker, queue: RabbitQueue, *, prefetch: int
) -> RabbitSubscriber:
    """Subscribe to an agent's queue as the bus wants it.

    Competing consumers with a bounded prefetch. The harness settles every delivery
    itself (`AckPolicy.MANUAL`): acknowledged once its handler returned (after every
    event and forwarded request was confirmed), republished as the next attempt when
    the handler raised, rejected into the dead-letter queue when it is poison.
    """
    return router.subscriber(
        queue,
        stages_exchange,
        channel=Channel(prefetch_count=prefetch),
        ack_policy=AckPolicy.MANUAL,
        decoder=raw_body,
    )


def consume_with(
    kind: type[R],
    stage: Stage,
    handler: Handler[R],
    *,
    route: StageRoute | None = None,
    **run_options: Any,
) -> Callable[..., Awaitable[None]]:
    """The subscriber function that runs `handler` on the harness for each delivery."""

    async def consume(
        message: RabbitMessage, broker: Annotated[RabbitBroker, Context("broker")]
    ) -> None:
        await run_stage(broker, message, kind, stage, handler, route=route, **run_options)

    consume.__name__ = consume.__qualname__ = getattr(handler, "__name__", "consume")
    consume.__doc__ = handler.__doc__
    return consume


def request_kind(handler: Callable[..., Any]) -> type[StageRequest]:
    kind = get_type_hints(handler).get("request")
    if not (inspect.isclass(kind) and issubclass(kind, StageRequest) and hasattr(kind, "consumer")):
        raise TypeError(f"{handler.__name__}: annotate `request` with a StageRequest kind")
    return kind


def stage_handler(
    router: RabbitRouter, settings: WorkerSettings
) -> Callable[[Handler[R]], Handler[R]]:
    """Subscribe `handler(request, run)` to the queue of the stage its request kind names,
    with the worker's prefetch and, for a worker that streams, its token bounds."""
    run_options: dict[str, Any] = (
        settings.coalescing() if isinstance(settings, StreamingSettings) else {}
    )

    def declare(handler: Handler[R]) -> Handler[R]:
        kind = cast("type[R]", request_kind(handler))
        stage = kind.consumer
        consume = consume_with(kind, stage, handler, **run_options)
        stage_subscriber(router, stage_queue(STAGE_ROUTES[stage]), prefetch=settings.prefetch)(
            consume
        )
        return handler

    return declare
