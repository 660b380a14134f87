"""Reporter settings (environment prefix `REPORTER_`; `RABBITMQ_URL` without)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import PipelineSettings


class ReporterSettings(PipelineSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTER_", extra="ignore", populate_by_name=True)

    token_flush_ms: float = Field(default=40.0, ge=0, description="Coalescing window.")
    token_flush_chars: int = Field(default=48, ge=1, description="Coalescing size bound.")
    typing_pace_ms: float = Field(
        default=0.0, ge=0, description="Pause per written piece, for demos. 0 in tests."
    )
