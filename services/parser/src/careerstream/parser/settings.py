"""Parser settings (environment prefix `PARSER_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


class ParserSettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="PARSER_", extra="ignore")

    prefetch: int = Field(default=4, ge=1, description="Unacknowledged requests per replica.")
