"""The gateway's settings: `GATEWAY_` names, the two shared ones without a prefix."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from careerstream.gateway.settings import GatewaySettings


def test_defaults_need_nothing_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = GatewaySettings()
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.outbox_sweep_s == 5.0
    assert settings.resolved_database_url().startswith("sqlite+aiosqlite:///")
    assert settings.resolved_database_url().endswith("var/careerstream.db")
    assert GatewaySettings().replica_id != settings.replica_id, "each process its own"


def test_the_environment_sets_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GATEWAY_OUTBOX_SWEEP_S", "0.5")
    monkeypatch.setenv("GATEWAY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    settings = GatewaySettings()
    assert settings.outbox_sweep_s == 0.5
    assert settings.data_dir == tmp_path
    assert settings.resolved_database_url() == "postgresql://u@h/db"


@pytest.mark.parametrize(
    "change",
    [{"outbox_sweep_s": 0}, {"port": 0}, {"replica_id": "no spaces"}, {"journal_batch_max": 0}],
)
def test_values_that_cannot_work_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        GatewaySettings.model_validate(change)
