from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from careerstream.runtime.onet import OnetSettings
from careerstream.runtime.settings import DEFAULT_RABBITMQ_URL, StreamingSettings, WorkerSettings


class DemoSettings(WorkerSettings, StreamingSettings, OnetSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", extra="ignore", populate_by_name=True)


def test_the_broker_url_is_shared_and_the_rest_takes_the_prefix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert DemoSettings().rabbitmq_url == DEFAULT_RABBITMQ_URL
    monkeypatch.setenv("RABBITMQ_URL", "amqp://u:p@broker:5672/")
    monkeypatch.setenv("DEMO_PREFETCH", "9")
    monkeypatch.setenv("DEMO_TOKEN_FLUSH_CHARS", "7")
    settings = DemoSettings()
    assert settings.rabbitmq_url == "amqp://u:p@broker:5672/"
    assert (settings.prefetch, settings.coalescing()["token_max_chars"]) == (9, 7)


def test_onet_dir_must_hold_the_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONET_DIR", str(tmp_path))
    with pytest.raises(ValidationError, match="does not hold the O\\*NET text release"):
        DemoSettings()
    (tmp_path / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\n")
    assert DemoSettings().onet_dir == tmp_path


def test_a_prefetch_below_one_is_refused() -> None:
    with pytest.raises(ValidationError):
        DemoSettings(prefetch=0)
