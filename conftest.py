"""Fixtures every test tier shares: a real RabbitMQ broker, isolated per run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.rabbit import BrokerUnderTest, provide_broker


@pytest.fixture(scope="session")
def rabbit() -> Iterator[BrokerUnderTest]:
    """A real broker in a virtual host of its own, removed after the run."""
    with provide_broker() as broker:
        yield broker


@pytest.fixture(scope="session")
def rabbitmq_url(rabbit: BrokerUnderTest) -> str:
    return rabbit.url
