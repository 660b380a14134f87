from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from careerstream.gateway.journal.store.db import create_engine
from careerstream.gateway.journal.store.migrate import alembic_config, upgrade


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
    assert version == ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    assert {"sessions", "events"} <= tables
    assert {
        "inputs",
        "pipeline_run_id",
        "pipeline_completed",
        "start_pending_at",
        "report",
        "report_pdf",
    } <= columns


async def test_a_session_completed_before_0005_keeps_its_run_completed(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0004")
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for sid, status in (("done", "completed"), ("busy", "running")):
                await connection.execute(
                    sa.text(
                        "INSERT INTO sessions (id, locale, created_at, updated_at, last_seq,"
                        " first_seq, status, progress, status_message, history, collected_info,"
                        " results) VALUES (:id, 'en', '2026-01-01', '2026-01-01', 0, 1,"
                        " :status, 0, '', '[]', '{}', '{}')"
                    ),
                    {"id": sid, "status": status},
                )
        await upgrade(url)
        async with engine.connect() as connection:
            rows = await connection.execute(sa.text("SELECT id, pipeline_completed FROM sessions"))
            completed = {sid: bool(flag) for sid, flag in rows.all()}
    finally:
        await engine.dispose()
    assert completed == {"done": True, "busy": False}
