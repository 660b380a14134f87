"""The journal writer: batches, acknowledges after commit, survives trouble."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from sqlalchemy.exc import OperationalError

from careerstream.contracts import Locale, SessionEvent, TokenStreamed, TurnCompleted
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.events import Journaled, Written
from careerstream.gateway.journal.writer import JournalWriter


class FakeDelivery:
    def __init__(self, log: list[str], name: str) -> None:
        self.log = log
        self.name = name

    async def ack(self) -> None:
        self.log.append(f"ack {self.name}")

    async def reject(self) -> None:
        self.log.append(f"reject {self.name}")


class Live:
    def __init__(self, log: list[str]) -> None:
        self.log = log
        self.events: list[SessionEvent] = []

    async def __call__(self, journaled: Sequence[Journaled]) -> None:
        self.events.extend(j.event for j in journaled)
        self.log.append(f"live {len(journaled)}")


async def send_token(writer: JournalWriter, log: list[str], session_id: str, text: str) -> None:
    """A token whose delivery is named by its text in the log."""
    await writer.submit(FakeDelivery(log, text), TokenStreamed(session_id=session_id, text=text))


async def drain(writer: JournalWriter, log: list[str], acks: int) -> None:
    async with asyncio.timeout(10):
        while sum(entry.startswith(("ack", "reject")) for entry in log) < acks:  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def refusing_bad_text(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new session, and a journal that fails every batch holding a token "bad"."""
    session = await store.sessions.create(Locale.EN)
    real = store.events.journal

    async def picky(entries: list[SessionEvent]) -> Written:
        if any(getattr(e, "text", "") == "bad" for e in entries):
            raise ValueError("cannot store this one")
        return await real(entries)

    monkeypatch.setattr(store.events, "journal", picky)
    return session.session_id


async def test_a_burst_is_written_in_few_batches_and_acked_after_live(
    store: Store,
) -> None:
    session = await store.sessions.create(Locale.EN)
    log: list[str] = []
    live = Live(log)
    writer = JournalWriter(store.events, live, max_batch=50, max_wait_s=0.05)
    for i in range(120):
        await writer.submit(
            FakeDelivery(log, str(i)), TokenStreamed(session_id=session.session_id, text=str(i))
        )
    writer.start()
    try:
        await drain(writer, log, 120)
    finally:
        await writer.stop()
    assert writer.batches <= 5
    assert [e.seq for e in live.events] == list(range(1, 121))
    assert log.index("live 50") < log.index("ack 0"), "acknowledged only after live publication"


async def test_a_database_outage_is_waited_out(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await store.sessions.create(Locale.EN)
    real = store.events.journal
    failures = iter([True, True, False])
    healthy_on_each_try: list[bool] = []

    async def flaky(events: list[SessionEvent]) -> Written:
        healthy_on_each_try.append(writer.healthy)
        if next(failures):
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("down"))
        return await real(events)

    monkeypatch.setattr(store.events, "journal", flaky)
    log: list[str] = []
    writer = JournalWriter(store.events, Live(log), retry_s=0.01)
    writer.start()
    try:
        await send_token(writer, log, session.session_id, "a")
        await drain(writer, log, 1)
        assert writer.healthy
    finally:
        await writer.stop()
    assert log == ["live 1", "ack a"]
    assert healthy_on_each_try == [True, False, False], "not ready while the database is down"


async def test_one_bad_event_is_dead_lettered_and_the_rest_is_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = await refusing_bad_text(store, monkeypatch)
    log: list[str] = []
    writer = JournalWriter(store.events, Live(log), max_wait_s=0.05)
    for text in ("ok1", "bad", "ok2"):
        await send_token(writer, log, session_id, text)
    writer.start()
    try:
        await drain(writer, log, 3)
    finally:
        await writer.stop()
    assert sorted(e for e in log if not e.startswith("live")) == [
        "ack ok1",
        "ack ok2",
        "reject bad",
    ]
    assert [e.seq for e in await store.events.events_after(session_id, 0)] == [1, 2]


async def test_a_lone_bad_event_is_dead_lettered_and_the_writer_keeps_serving(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At low traffic a batch is one event: its failure must not end the writer."""
    session_id = await refusing_bad_text(store, monkeypatch)
    log: list[str] = []
    writer = JournalWriter(store.events, Live(log))
    writer.start()
    try:
        await send_token(writer, log, session_id, "bad")
        await drain(writer, log, 1)
        await send_token(writer, log, session_id, "ok")
        await drain(writer, log, 2)
        assert writer.healthy
    finally:
        await writer.stop()
    assert [e for e in log if not e.startswith("live")] == ["reject bad", "ack ok"]
    assert [e.seq for e in await store.events.events_after(session_id, 0)] == [1]


class Fatal(BaseException):
    """Something no handler may swallow: it ends the writer's task."""


async def test_a_writer_whose_task_ended_is_not_healthy(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    reached = asyncio.Event()

    async def dies(journaled: Sequence[Journaled]) -> None:
        reached.set()
        raise Fatal  # in the same step: the task has ended when the test wakes up

    writer = JournalWriter(store.events, dies)
    writer.start()
    try:
        assert writer.healthy
        await writer.submit(
            FakeDelivery([], "a"), TokenStreamed(session_id=session.session_id, text="a")
        )
        await asyncio.wait_for(reached.wait(), 10)
        assert not writer.healthy, "readiness goes red once the writer is gone"
    finally:
        await writer.stop()


async def test_a_recorded_start_is_told_after_the_commit_and_the_ack(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    log: list[str] = []
    writer = JournalWriter(store.events, Live(log))

    def broken(session_ids: Sequence[str]) -> None:
        raise RuntimeError("a listener that fails tells nothing")

    writer.on_starts(broken)
    writer.on_starts(lambda session_ids: log.append(f"starts {list(session_ids)}"))
    asks = TurnCompleted(
        session_id=session.session_id, reply="ok", is_sufficient=True, pipeline_run_id="r1"
    )
    writer.start()
    try:
        await writer.submit(FakeDelivery(log, "turn"), asks)
        async with asyncio.timeout(10):
            while len(log) < 3:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        assert writer.healthy
    finally:
        await writer.stop()
    assert log == ["live 1", "ack turn", f"starts {[session.session_id]}"]
