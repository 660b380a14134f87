"""Fixtures of the gateway's tests: a store on each database, the app in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from careerstream.contracts import StageRequest
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.turns import Turns
from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import GatewayUnderTest, running_gateway


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = Store.open(database_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def gateway(rabbitmq_url: str, database_url: str) -> AsyncIterator[GatewayUnderTest]:
    settings = GatewaySettings(
        rabbitmq_url=rabbitmq_url,
        database_url=database_url,
        max_message_chars=50,
        max_upload_bytes=100_000,
        max_upload_pages=3,
        turn_timeout_s=3,
    )
    async with running_gateway(settings) as running:
        yield running


@pytest.fixture
def client(gateway: GatewayUnderTest) -> httpx.AsyncClient:
    return gateway.http


@pytest.fixture
def sent(gateway: GatewayUnderTest, monkeypatch: pytest.MonkeyPatch) -> list[StageRequest]:
    """Turn and pipeline requests kept here instead of reaching a worker (one of another
    test tier may consume this virtual host's queues): no turn is answered, no run starts."""
    requests = gateway.service(Turns).requests
    kept: list[StageRequest] = []

    async def keep(request: StageRequest) -> None:
        kept.append(request)

    monkeypatch.setattr(requests, "turn", keep)
    monkeypatch.setattr(requests, "pipeline", keep)
    return kept


@pytest.fixture
def broker_refuses(gateway: GatewayUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every turn and pipeline request fails to publish, as with the broker gone."""
    requests = gateway.service(Turns).requests

    async def refuse(request: StageRequest) -> None:
        raise ConnectionError("broker gone")

    monkeypatch.setattr(requests, "turn", refuse)
    monkeypatch.setattr(requests, "pipeline", refuse)
