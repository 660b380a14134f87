"""The reporter worker: `faststream run careerstream.reporter.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.reporter.handlers import build_router
from careerstream.reporter.settings import ReporterSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: ReporterSettings) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="reporter", log_level=settings.log_level)
    broker.include_router(build_router(settings))
    return broker


def create_app(settings: ReporterSettings | None = None) -> AsgiFastStream:
    return create_worker_app(create_broker(settings or ReporterSettings()))


app = create_app()
