"""Settings every service shares: where the broker is."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_RABBITMQ_URL = "amqp://guest:guest@127.0.0.1:5672/"


class BusSettings(BaseSettings):
    """Base of each service's settings; subclasses set their own `env_prefix`.

    `RABBITMQ_URL` is read without a prefix: one variable serves the whole stack.
    """

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    rabbitmq_url: str = Field(default=DEFAULT_RABBITMQ_URL, validation_alias="RABBITMQ_URL")
    log_level: str = "INFO"


class PipelineSettings(BusSettings):
    """Settings of a pipeline worker (parser, analyzer, matcher, reporter)."""

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")
