"""Analyzer settings (environment prefix `ANALYZER_`; `ONET_DIR` and `RABBITMQ_URL` without)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from careerstream.runtime.onet import OnetSettings
from careerstream.runtime.settings import WorkerSettings


class AnalyzerSettings(WorkerSettings, OnetSettings):
    model_config = SettingsConfigDict(env_prefix="ANALYZER_", extra="ignore", populate_by_name=True)
