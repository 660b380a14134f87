"""The gateway's database: session rows (`sessions`) and the event journal (`events`)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from careerstream.gateway.journal.store.db import create_engine, session_factory
from careerstream.gateway.journal.store.events import EventJournal
from careerstream.gateway.journal.store.sessions import SessionRepository


class Store:
    """One engine, two sets of statements: the sessions and the journal."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        db = session_factory(engine)
        self.sessions = SessionRepository(db)
        self.events = EventJournal(db)

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(create_engine(url))

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(sa.text("SELECT 1"))
        except Exception:
            return False
        return True

    async def close(self) -> None:
        await self.engine.dispose()
