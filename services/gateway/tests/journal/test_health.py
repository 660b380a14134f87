"""What `/readyz` is told: the broker, the database and the journal writer, each checked."""

from __future__ import annotations

from careerstream.gateway.journal.bus import JournalBus
from careerstream.gateway.journal.health import JournalHealth
from careerstream.gateway.journal.store import Store
from careerstream.gateway.settings import GatewaySettings


async def test_an_unstarted_replica_is_not_ready_but_its_database_answers(store: Store) -> None:
    bus = JournalBus(GatewaySettings(), store.events)
    assert await JournalHealth(bus, store).checks() == {
        "broker": False,
        "database": True,
        "journal": False,
    }


async def test_the_journal_is_ready_while_its_writer_runs(store: Store) -> None:
    bus = JournalBus(GatewaySettings(), store.events)
    bus.writer.start()
    try:
        assert (await JournalHealth(bus, store).checks())["journal"] is True
    finally:
        await bus.writer.stop()
    assert (await JournalHealth(bus, store).checks())["journal"] is False


async def test_an_unreachable_database_is_reported() -> None:
    gone = Store.open("postgresql://nobody:x@127.0.0.1:1/none")  # nothing listens there
    try:
        bus = JournalBus(GatewaySettings(), gone.events)
        assert (await JournalHealth(bus, gone).checks())["database"] is False
    finally:
        await gone.close()
