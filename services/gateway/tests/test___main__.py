"""`python -m careerstream.gateway [serve|migrate]`."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from careerstream.gateway.__main__ import main


def test_an_unknown_command_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nonsense"]) == 2
    assert "serve" in capsys.readouterr().err


def test_migrate_brings_the_schema_up_and_exits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    assert main(["migrate"]) == 0
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()
    assert {"sessions", "events", "alembic_version"} <= tables
