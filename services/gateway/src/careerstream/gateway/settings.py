"""Gateway settings (environment prefix `GATEWAY_`)."""

from __future__ import annotations

import socket
import uuid

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.settings import BusSettings


def _replica_id() -> str:
    return f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"


class GatewaySettings(BusSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    replica_id: str = Field(default_factory=_replica_id, pattern=r"^[A-Za-z0-9_.-]{1,80}$")
    turn_timeout_s: float = Field(default=120.0, gt=0, description="Longest wait for one turn.")
    heartbeat_s: float = Field(default=15.0, gt=0, description="SSE comment interval when idle.")
    max_message_chars: int = Field(default=8000, ge=1)
    listener_buffer: int = Field(
        default=10_000, ge=100, description="Events held per slow SSE client before it is cut off."
    )
