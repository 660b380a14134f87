"""Analyzer settings (environment prefix `ANALYZER_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


class AnalyzerSettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="ANALYZER_", extra="ignore")

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")
