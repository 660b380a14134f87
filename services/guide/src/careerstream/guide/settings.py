"""Guide settings (environment prefix `GUIDE_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


class GuideSettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="GUIDE_", extra="ignore")

    model: str = Field(
        default="offline/guide",
        description="litellm model; `offline/guide` is the built-in engine (no key, no network).",
    )
    model_timeout_s: float = Field(default=60.0, gt=0)
    token_flush_ms: float = Field(default=40.0, ge=0, description="Coalescing window.")
    token_flush_chars: int = Field(default=24, ge=1, description="Coalescing size bound.")
    typing_pace_ms: float = Field(
        default=0.0, ge=0, description="Offline engine: pause per token, for demos. 0 in tests."
    )
    prefetch: int = Field(default=8, ge=1, description="Unacknowledged turns per replica.")
