"""The parser worker: `faststream run careerstream.parser.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.parser.handlers import build_router
from careerstream.parser.settings import ParserSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: ParserSettings) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="parser", log_level=settings.log_level)
    broker.include_router(build_router(settings))
    return broker


def create_app(settings: ParserSettings | None = None) -> AsgiFastStream:
    return create_worker_app(create_broker(settings or ParserSettings()))


app = create_app()
