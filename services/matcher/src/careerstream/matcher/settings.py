"""Matcher settings (environment prefix `MATCHER_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


class MatcherSettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="MATCHER_", extra="ignore")

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")
