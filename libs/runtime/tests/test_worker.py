"""The worker factory: one broker per build, the handlers included, start-up hooks kept."""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.contracts.topology import DEAD_LETTER_WATCH_QUEUE
from careerstream.runtime.settings import WorkerSettings
from careerstream.runtime.worker import Subscribers, Worker


class DemoSettings(WorkerSettings):
    pass


def test_a_worker_from_a_router_gets_its_name_and_handlers() -> None:
    built: list[WorkerSettings] = []

    def subscribers(settings: DemoSettings) -> RabbitRouter:
        built.append(settings)
        router = RabbitRouter()

        @router.subscriber("some.queue")
        async def handle(body: str) -> None: ...

        return router

    worker = Worker("demo", DemoSettings, subscribers)
    settings = DemoSettings(prefetch=3)
    broker = worker.broker(settings)
    assert built == [settings]
    queues = {sub.queue.name for sub in broker.subscribers}  # type: ignore[attr-defined]
    assert queues == {"some.queue", DEAD_LETTER_WATCH_QUEUE}, "its handlers and the watch"
    assert broker.config.app_id == "careerstream.demo"
    assert worker.broker() is not broker  # each build is a broker of its own


async def test_hooks_and_given_parts_reach_the_app() -> None:
    calls: list[str] = []

    async def warm() -> None:
        calls.append("warm")

    def subscribers(settings: DemoSettings, *, label: str) -> Subscribers:
        calls.append(label)
        return Subscribers(RabbitRouter(), after_startup=[warm])

    app = Worker("demo", DemoSettings, subscribers).app(label="given")
    assert calls == ["given"]
    for hook in app._after_startup_calling:
        await hook()
    assert calls == ["given", "warm"]
