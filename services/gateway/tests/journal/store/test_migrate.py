from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from careerstream.gateway.journal.store.db import create_engine, normalise_url
from careerstream.gateway.journal.store.migrate import alembic_config, upgrade


def test_plain_urls_get_async_drivers() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert normalise_url("postgres://u:p@h:5/db") == "postgresql+asyncpg://u:p@h:5/db"
    assert normalise_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert normalise_url("postgresql+asyncpg://h/db") == "postgresql+asyncpg://h/db"


async def test_upgrading_again_changes_nothing(database_url: str) -> None:
    await upgrade(database_url)  # the fixture already upgraded once
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            version = (
                await connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            ).scalar()
            tables = await connection.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
            columns = await connection.run_sync(
                lambda c: {col["name"] for col in sa.inspect(c).get_columns("sessions")}
            )
    finally:
        await engine.dispose()
    assert version == "0004"
    assert {"sessions", "events"} <= tables
    assert {"inputs", "pipeline_run_id", "start_pending_at", "report", "report_pdf"} <= columns


async def test_every_migration_goes_down_and_up_again(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'migrated.db'}"
    await upgrade(url)
    before = await _columns(url)
    await asyncio.to_thread(command.downgrade, alembic_config(url), "0001")
    first = await _columns(url)
    assert "inputs" not in first
    assert "pipeline_run_id" not in first
    assert "start_pending_at" not in first
    await upgrade(url)
    assert await _columns(url) == before


async def _columns(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda c: {col["name"] for col in sa.inspect(c).get_columns("sessions")}
            )
    finally:
        await engine.dispose()
