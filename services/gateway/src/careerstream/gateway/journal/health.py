"""Whether this replica can do its part: what `/readyz` reports."""

from __future__ import annotations

from careerstream.gateway.journal.bus import JournalBus
from careerstream.gateway.journal.store import Store


class JournalHealth:
    def __init__(self, bus: JournalBus, store: Store) -> None:
        self.bus = bus
        self.store = store

    async def checks(self) -> dict[str, bool]:
        """The broker and this replica's consumers, the database, the journal writer."""
        return {
            "broker": await self.bus.ready(),
            "database": await self.store.ping(),
            "journal": self.bus.writer.healthy,
        }
