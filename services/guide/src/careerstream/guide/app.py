"""The guide worker: `faststream run careerstream.guide.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.guide.handlers import build_router
from careerstream.guide.llm import GuideModel
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: GuideSettings) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="guide", log_level=settings.log_level)
    broker.include_router(build_router(settings, GuideModel(settings)))
    return broker


def create_app(settings: GuideSettings | None = None) -> AsgiFastStream:
    return create_worker_app(create_broker(settings or GuideSettings()))


app = create_app()
