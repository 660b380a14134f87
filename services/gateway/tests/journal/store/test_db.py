"""The engine: the URLs operators write, the SQLite file and its settings."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from careerstream.gateway.journal.store.db import create_engine, default_sqlite_url, normalise_url


def test_plain_urls_get_async_drivers() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert normalise_url("postgres://u:p@h:5/db") == "postgresql+asyncpg://u:p@h:5/db"
    assert normalise_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert normalise_url("postgresql+asyncpg://h/db") == "postgresql+asyncpg://h/db"


async def test_the_sqlite_file_gets_its_folder_and_write_ahead_logging(tmp_path: Path) -> None:
    url = default_sqlite_url(tmp_path / "data" / "deeper")
    assert url.endswith("/data/deeper/careerstream.db")
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            mode = (await connection.execute(sa.text("PRAGMA journal_mode"))).scalar()
            keys = (await connection.execute(sa.text("PRAGMA foreign_keys"))).scalar()
    finally:
        await engine.dispose()
    assert (tmp_path / "data" / "deeper").is_dir()
    assert (mode, keys) == ("wal", 1)
