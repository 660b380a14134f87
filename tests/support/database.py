"""Databases for the tests: SQLite and PostgreSQL, each a throwaway per run.

PostgreSQL is found like RabbitMQ: `DATABASE_URL` (when it names a PostgreSQL
server) from the environment; else testcontainers when a Docker engine answers;
else the machine's server on 127.0.0.1:5432 (trust auth). A fresh database is
created on that server for the run and dropped after it.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.support.rabbit import docker_answers

MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def _say(message: str) -> None:
    print(f"[tests] {message}", file=sys.stderr)


@contextmanager
def sqlite_database(directory: Path) -> Iterator[str]:
    yield f"sqlite+aiosqlite:///{directory / 'careerstream-test.db'}"


@contextmanager
def postgres_database() -> Iterator[str]:
    env_url = os.environ.get("DATABASE_URL", "")
    if env_url.startswith(("postgresql", "postgres")):
        _say("using the PostgreSQL server of DATABASE_URL")
        yield from _throwaway(env_url)
        return
    if docker_answers():
        _say("DATABASE_URL unset and a Docker engine answers: starting a testcontainers PostgreSQL")
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16-alpine", driver=None) as container:
            yield from _throwaway(container.get_connection_url())
        return
    _say(f"DATABASE_URL unset, no Docker engine: the machine's PostgreSQL ({MACHINE_POSTGRES})")
    yield from _throwaway(MACHINE_POSTGRES)


def _throwaway(server_url: str) -> Iterator[str]:
    import asyncpg  # type: ignore[import-untyped]

    admin = make_url(server_url).set(drivername="postgresql")
    name = f"careerstream_test_{uuid.uuid4().hex[:10]}"

    async def run(sql: str) -> None:
        connection = await asyncpg.connect(admin.render_as_string(hide_password=False))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    try:
        _say(f"throwaway database {name}")
        yield admin.set(drivername="postgresql+asyncpg", database=name).render_as_string(
            hide_password=False
        )
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
