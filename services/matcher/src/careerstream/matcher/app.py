"""The matcher worker: `faststream run careerstream.matcher.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.matcher.handlers import build_router
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: MatcherSettings) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="matcher", log_level=settings.log_level)
    broker.include_router(build_router(settings))
    return broker


def create_app(settings: MatcherSettings | None = None) -> AsgiFastStream:
    return create_worker_app(create_broker(settings or MatcherSettings()))


app = create_app()
