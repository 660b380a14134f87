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


class WorkerSettings(BusSettings):
    """Settings of a worker that consumes a stage queue (the guide and each pipeline stage)."""

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")


class StreamingSettings(BaseSettings):
    """Mixed into the settings of a worker that streams text as `token` events."""

    token_flush_ms: float = Field(default=40.0, ge=0, description="Coalescing window.")
    token_flush_chars: int = Field(default=48, ge=1, description="Coalescing size bound.")
    typing_pace_ms: float = Field(
        default=0.0, ge=0, description="Pause per written piece, for demos. 0 in tests."
    )

    def coalescing(self) -> dict[str, float]:
        """The stage harness's token bounds (`StageRun` options)."""
        return {
            "token_window_s": self.token_flush_ms / 1000,
            "token_max_chars": self.token_flush_chars,
        }
