"""The matcher worker: `faststream run careerstream.matcher.app:app --host H --port P`."""

from __future__ import annotations

from faststream.asgi import AsgiFastStream
from faststream.rabbit import RabbitBroker

from careerstream.matcher.handlers import IndexHolder, build_router
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.worker import create_worker_app


def create_broker(settings: MatcherSettings, holder: IndexHolder | None = None) -> RabbitBroker:
    broker = make_broker(settings.rabbitmq_url, service="matcher", log_level=settings.log_level)
    broker.include_router(build_router(settings, holder or IndexHolder(settings)))
    return broker


def create_app(settings: MatcherSettings | None = None) -> AsgiFastStream:
    settings = settings or MatcherSettings()
    holder = IndexHolder(settings)
    # Embedding 923 O*NET occupations the first time takes tens of seconds: start at once.
    return create_worker_app(create_broker(settings, holder), after_startup=[holder.warm])


app = create_app()
