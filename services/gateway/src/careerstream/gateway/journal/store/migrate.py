"""Schema migrations (Alembic): at start-up, or `python -m careerstream.gateway migrate`."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from careerstream.gateway.journal.store.db import create_engine, normalise_url

_MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant works; replicas starting together on PostgreSQL take turns migrating.
_ADVISORY_LOCK = 0x63617265


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def upgrade_sync(url: str) -> None:
    command.upgrade(alembic_config(url), "head")


async def upgrade(url: str) -> None:
    """Bring the schema to the newest revision; safe with several replicas starting at once."""
    url = normalise_url(url)
    if not url.startswith("postgresql"):
        # SQLite: the first migration statement takes the file's write lock.
        await asyncio.to_thread(upgrade_sync, url)
        return
    engine = create_engine(url)
    try:
        async with engine.connect() as lock_connection:
            await lock_connection.execute(text(f"SELECT pg_advisory_lock({_ADVISORY_LOCK})"))
            try:
                await asyncio.to_thread(upgrade_sync, url)
            finally:
                await lock_connection.execute(text(f"SELECT pg_advisory_unlock({_ADVISORY_LOCK})"))
    finally:
        await engine.dispose()
