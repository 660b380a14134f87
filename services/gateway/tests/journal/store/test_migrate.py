from __future__ import annotations

import sqlalchemy as sa

from careerstream.gateway.journal.store.db import create_engine
from careerstream.gateway.journal.store.migrate import upgrade


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
