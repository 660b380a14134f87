"""Gateway settings: prefix `GATEWAY_`; `DATABASE_URL` and `RABBITMQ_URL` without one."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from careerstream.gateway.journal.store.db import default_sqlite_url
from careerstream.runtime.onet import OnetSettings
from careerstream.runtime.settings import BusSettings


def _replica_id() -> str:
    return f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"


class GatewaySettings(BusSettings, OnetSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    replica_id: str = Field(default_factory=_replica_id, pattern=r"^[A-Za-z0-9_.-]{1,80}$")

    database_url: str | None = Field(
        default=None,
        validation_alias="DATABASE_URL",
        description="SQLAlchemy URL; unset means SQLite in `data_dir`.",
    )
    data_dir: Path = Field(default=Path("var"), description="Where the SQLite file lives.")
    migrate_on_start: bool = True

    turn_timeout_s: float = Field(default=120.0, gt=0, description="Longest wait for one turn.")
    heartbeat_s: float = Field(default=15.0, gt=0, description="SSE comment interval when idle.")
    max_message_chars: int = Field(default=8000, ge=1)
    turn_history_messages: int = Field(
        default=40, ge=1, description="Most earlier messages a turn request carries (newest kept)."
    )
    turn_history_chars: int = Field(
        default=24_000, ge=1, description="Most characters of earlier messages in a turn request."
    )
    max_upload_bytes: int = Field(default=5 * 1024 * 1024, ge=1, description="Largest résumé file.")
    max_upload_pages: int = Field(default=20, ge=1, description="Most pages of a résumé PDF.")
    sse_send_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="Longest wait for one SSE write; a client that stops reading is cut off.",
    )
    listener_buffer: int = Field(
        default=10_000, ge=100, description="Events held per slow SSE client before it is cut off."
    )

    journal_batch_max: int = Field(default=200, ge=1, description="Events per journal transaction.")
    journal_batch_ms: float = Field(default=5.0, ge=0, description="Wait to fill a batch.")
    journal_prefetch: int = Field(default=256, ge=1, description="Unacked events per shard.")
    event_retention_s: float = Field(
        default=30 * 24 * 3600, ge=0, description="Age at which events are pruned; 0 keeps all."
    )
    retention_sweep_s: float = Field(default=600.0, gt=0, description="How often to prune.")
    replay_page: int = Field(default=500, ge=1, description="Events read per replay query.")
    outbox_sweep_s: float = Field(
        default=5.0,
        gt=0,
        description="How often run starts left unpublished are sent, once that old.",
    )

    def resolved_database_url(self) -> str:
        return self.database_url or default_sqlite_url(self.data_dir)
