"""Matcher settings (environment prefix `MATCHER_`; `ONET_DIR` and `RABBITMQ_URL` without)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.onet import OnetSettings
from careerstream.runtime.settings import WorkerSettings


class MatcherSettings(WorkerSettings, OnetSettings):
    model_config = SettingsConfigDict(env_prefix="MATCHER_", extra="ignore", populate_by_name=True)

    cache_dir: Path | None = Field(
        default=Path("var/cache/matcher"),
        description="Where occupation vectors are cached between starts; empty disables it.",
    )
    top_n: int = Field(default=10, ge=1, le=50, description="Occupations in a result.")
