from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from careerstream.gateway.journal.store.db import create_engine
from careerstream.gateway.journal.store.sessions import SessionStore


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SessionStore]:
    engine = create_engine(database_url)
    try:
        yield SessionStore(engine)
    finally:
        await engine.dispose()
