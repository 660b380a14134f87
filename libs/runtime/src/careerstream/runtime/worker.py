"""Every worker's FastStream application from three facts: its name, its settings, its handlers.

A worker's `app.py` is one `Worker(...)` line; `faststream run careerstream.<name>.app:app`
points at the application it makes. The application serves `/healthz` and `/readyz` on
the port given to `faststream run`, and declares the whole topology before the
subscribers start, so a fresh broker gets every queue at once. Every worker also runs
the dead-letter watch (`deadletters.py`): it logs each dead letter and `/readyz`
reports the count.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker, RabbitRouter

from careerstream.runtime.broker import make_broker
from careerstream.runtime.deadletters import DeadLetterWatch
from careerstream.runtime.health import health_routes
from careerstream.runtime.settings import BusSettings
from careerstream.runtime.topology import declare_topology

S = TypeVar("S", bound=BusSettings)
StartupHook = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class Subscribers:
    """A worker's handlers, and what should start once they consume (e.g. warming a cache)."""

    router: RabbitRouter
    after_startup: Sequence[StartupHook] = field(default_factory=tuple)


def create_worker_app(
    broker: RabbitBroker,
    *,
    after_startup: Sequence[StartupHook] = (),
    watch: DeadLetterWatch | None = None,
) -> AsgiFastStream:
    async def declare() -> None:
        await broker.connect()
        await declare_topology(broker)

    return AsgiFastStream(
        broker,
        asgi_routes=health_routes(broker, watch=watch),
        on_startup=[declare],
        after_startup=list(after_startup),
    )


@dataclass(frozen=True)
class Worker(Generic[S]):
    """One kind of worker: `broker()` for the in-memory tests, `app()` for `faststream run`.

    `subscribers(settings, **given)` builds the handlers (a router, or `Subscribers`).
    """

    service: str
    settings: Callable[[], S]
    subscribers: Callable[..., RabbitRouter | Subscribers]

    def _parts(
        self, settings: S | None, given: dict[str, Any]
    ) -> tuple[RabbitBroker, Subscribers, DeadLetterWatch]:
        settings = settings or self.settings()
        built = self.subscribers(settings, **given)
        parts = built if isinstance(built, Subscribers) else Subscribers(built)
        broker = make_broker(
            settings.rabbitmq_url, service=self.service, log_level=settings.log_level
        )
        broker.include_router(parts.router)
        watch = DeadLetterWatch()
        broker.include_router(watch.router())
        return broker, parts, watch

    # `given` reaches the handlers' builder, so a test can hand it a part (e.g. a cache).
    def broker(self, settings: S | None = None, **given: Any) -> RabbitBroker:
        return self._parts(settings, given)[0]

    def app(self, settings: S | None = None, **given: Any) -> AsgiFastStream:
        broker, parts, watch = self._parts(settings, given)
        return create_worker_app(broker, after_startup=parts.after_startup, watch=watch)
