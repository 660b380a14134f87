"""Guide settings (environment prefix `GUIDE_`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import StreamingSettings, WorkerSettings

OFFLINE_MODEL = "offline/guide"


class GuideSettings(WorkerSettings, StreamingSettings):
    model_config = SettingsConfigDict(env_prefix="GUIDE_", extra="ignore", populate_by_name=True)

    model: str = Field(
        default=OFFLINE_MODEL,
        description="litellm model; `offline/guide` is the built-in engine (no key, no network).",
    )
    api_base: str | None = Field(default=None, description="Endpoint of the model, if not default.")
    api_key: str | None = Field(default=None, description="Key for the model's provider.")
    fallback_models: list[str] = Field(
        default_factory=list,
        description="Models tried in order when `model` fails before streaming (JSON list).",
    )
    model_retries: int = Field(default=1, ge=0, le=5)
    model_timeout_s: float = Field(default=60.0, gt=0, description="Bound on each model read.")
    # A trickling model passes every per-read bound; only a total one ends its turn. Below the
    # gateway's turn timeout (GATEWAY_TURN_TIMEOUT_S, 120 s), so the guide has ended the turn,
    # its model call closed, before the gateway gives up and lets the session start another.
    turn_deadline_s: float = Field(
        default=110.0, gt=0, description="Longest one turn may take, model calls included."
    )
    extract_with_model: bool = Field(
        default=True, description="Ask a configured model for the facts too (offline still checks)."
    )
    # Shorter tokens than the reporter's: a chat reply should appear as it is written.
    token_flush_chars: int = Field(default=24, ge=1, description="Coalescing size bound.")
    prefetch: int = Field(default=8, ge=1, description="Unacknowledged turns per replica.")

    @property
    def uses_offline_model(self) -> bool:
        return self.model == OFFLINE_MODEL
