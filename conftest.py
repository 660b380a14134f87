"""Fixtures every test tier shares: a real RabbitMQ broker and both databases."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.database import postgres_database, sqlite_database
from tests.support.rabbit import BrokerUnderTest, provide_broker


@pytest.fixture(scope="session")
def rabbit() -> Iterator[BrokerUnderTest]:
    """A real broker in a virtual host of its own, removed after the run."""
    with provide_broker() as broker:
        yield broker


@pytest.fixture(scope="session")
def rabbitmq_url(rabbit: BrokerUnderTest) -> str:
    return rabbit.url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Each test that needs the database runs once on SQLite and once on PostgreSQL."""
    from careerstream.gateway.journal.store.migrate import upgrade

    if request.param == "sqlite":
        context = sqlite_database(Path(tmp_path_factory.mktemp("sqlite")))
    else:
        context = postgres_database()
    with context as url:
        asyncio.run(upgrade(url))
        yield url
