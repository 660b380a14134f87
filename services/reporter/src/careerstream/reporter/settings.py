"""Reporter settings (environment prefix `REPORTER_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


class ReporterSettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTER_", extra="ignore")

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")
