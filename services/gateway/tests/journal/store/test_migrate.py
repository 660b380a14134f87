from __future__ import annotations

import sqlalchemy as sa

from careerstream.gateway.journal.store.db import create_engine, normalise_url
from careerstream.gateway.journal.store.migrate import upgrade


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
    assert version == "0003"
    assert {"sessions", "events"} <= tables
    assert {"inputs", "pipeline_run_id", "report", "report_pdf"} <= columns
