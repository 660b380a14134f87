"""The FastStream application every worker runs: its broker, topology and health routes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.runtime.health import health_routes
from careerstream.runtime.topology import declare_topology


def create_worker_app(
    broker: RabbitBroker, *, after_startup: Sequence[Callable[[], Any]] = ()
) -> AsgiFastStream:
    """`/healthz` and `/readyz` are served on the port given to `faststream run`.

    `after_startup` hooks run once the subscribers consume (e.g. to warm a cache).
    """

    async def declare() -> None:
        # Declared before the subscribers start, so a fresh broker gets every queue at once.
        await broker.connect()
        await declare_topology(broker)

    return AsgiFastStream(
        broker,
        asgi_routes=health_routes(broker),
        on_startup=[declare],
        after_startup=list(after_startup),
    )
