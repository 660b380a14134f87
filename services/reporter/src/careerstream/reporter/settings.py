"""Reporter settings (environment prefix `REPORTER_`; `RABBITMQ_URL` without)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import StreamingSettings, WorkerSettings


class ReporterSettings(WorkerSettings, StreamingSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTER_", extra="ignore", populate_by_name=True)
