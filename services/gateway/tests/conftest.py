from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from careerstream.gateway.journal.store import Store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = Store.open(database_url)
    try:
        yield opened
    finally:
        await opened.close()
