"""Migrations that add columns: down to the first revision and up again, same schema."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from careerstream.gateway.journal.store.db import create_engine
from careerstream.gateway.journal.store.migrate import alembic_config, upgrade


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
