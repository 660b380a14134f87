"""The analyzer worker: `faststream run careerstream.analyzer.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.analyzer.handlers import build_router
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: AnalyzerSettings) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="analyzer", log_level=settings.log_level)
    broker.include_router(build_router(settings))
    return broker


def create_app(settings: AnalyzerSettings | None = None) -> AsgiFastStream:
    return create_worker_app(create_broker(settings or AnalyzerSettings()))


app = create_app()
