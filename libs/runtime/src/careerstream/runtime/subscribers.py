"""Declaring an agent's handler: `@stage_handler(router, settings)` over `handler(request, run)`.

The handler's `request` annotation says which request it consumes; the request kind
names the stage whose queue it travels on (`StageRequest.consumer`), so a handler
cannot subscribe to one queue while its senders publish to another. Decoding,
acknowledging and the bus's retry rules are the harness's; a handler only calls its
domain and publishes through `run`.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar, get_type_hints

from faststream import Context
from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitRouter
from faststream.rabbit.subscriber import RabbitSubscriber

from careerstream.contracts import StageRequest
from careerstream.contracts.topology import STAGE_ROUTES, StageRoute
from careerstream.runtime.settings import StreamingSettings, WorkerSettings
from careerstream.runtime.stage import StageRun, run_stage
from careerstream.runtime.topology import stage_queue, stages_exchange

R = TypeVar("R", bound=StageRequest)
Handler = Callable[[R, StageRun], Awaitable[None]]


def stage_subscriber(router: RabbitRouter, route: StageRoute, *, prefetch: int) -> RabbitSubscriber:
    """Subscribe to an agent's queue as the bus wants it.

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
    run_options: dict[str, float] = (
        settings.coalescing() if isinstance(settings, StreamingSettings) else {}
    )

    def declare(handler: Handler[R]) -> Handler[R]:
        kind = request_kind(handler)
        stage = kind.consumer

        async def consume(request: Any, message: RabbitMessage, broker: Any) -> None:
            async def work(run: StageRun) -> None:
                await handler(request, run)

            await run_stage(broker, message, request, stage, work, **run_options)

        # FastStream decodes the body into the annotated model and injects the rest.
        consume.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter(
                    "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=kind
                ),
                inspect.Parameter(
                    "message", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=RabbitMessage
                ),
                inspect.Parameter(
                    "broker",
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    annotation=Annotated[RabbitBroker, Context("broker")],
                ),
            ]
        )
        consume.__name__ = consume.__qualname__ = handler.__name__
        consume.__doc__ = handler.__doc__
        stage_subscriber(router, STAGE_ROUTES[stage], prefetch=settings.prefetch)(consume)
        return handler

    return declare
