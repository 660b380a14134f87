"""The gateway's consumers on the real broker: order kept, redeliveries absorbed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from careerstream.contracts import (
    Locale,
    SessionCompleted,
    Stage,
    TokenStreamed,
)
from careerstream.gateway.journal.bus import JournalBus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.settings import GatewaySettings
from careerstream.runtime.publishing import publish_event
from tests.support.reports import PDF, report_rendered

pytestmark = pytest.mark.broker


@pytest.fixture
async def bus(rabbitmq_url: str, store: Store) -> AsyncIterator[JournalBus]:
    running = JournalBus(GatewaySettings(rabbitmq_url=rabbitmq_url), store.events)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


async def wait_for_seq(store: Store, session_id: str, seq: int) -> None:
    async with asyncio.timeout(30):
        while True:
            view = await store.sessions.get(session_id)
            if view is not None and view.last_seq >= seq:
                return
            await asyncio.sleep(0.05)


async def test_a_burst_is_journaled_in_publishing_order(bus: JournalBus, store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    count = 400
    for i in range(count):
        await publish_event(bus.broker, TokenStreamed(session_id=session.session_id, text=str(i)))
    await wait_for_seq(store, session.session_id, count)
    events = await store.events.events_after(session.session_id, 0, limit=count)
    assert [getattr(e, "text", None) for e in events] == [str(i) for i in range(count)]
    assert bus.writer.batches < count, "a burst is written in batches"


async def test_a_republished_event_is_not_journaled_twice_and_reaches_listeners_once(
    bus: JournalBus, store: Store
) -> None:
    session = await store.sessions.create(Locale.EN)
    first = TokenStreamed(session_id=session.session_id, text="a")
    second = TokenStreamed(session_id=session.session_id, text="b")
    async with bus.feeds.listen(session.session_id) as listener:
        for event in (first, first, second):  # a worker retried its publish
            await publish_event(bus.broker, event)
        await wait_for_seq(store, session.session_id, 2)
        received = [await asyncio.wait_for(listener.events.get(), 10) for _ in range(3)]
    assert [e.seq for e in received] == [1, 1, 2]  # clients drop the repeat by seq
    view = await store.sessions.get(session.session_id)
    assert view is not None
    assert view.last_seq == 2


async def test_a_stored_only_report_changes_the_session_and_is_never_numbered(
    bus: JournalBus, store: Store
) -> None:
    session = await store.sessions.create(Locale.EN)
    _, started = await store.sessions.record_start(
        session.session_id, {}, source="assessment", admit=Admission(60).start
    )
    run_id = started.pipeline_run_id
    assert run_id is not None
    sid = session.session_id
    rendered = report_rendered(sid, run_id)
    await publish_event(bus.broker, rendered)
    await publish_event(
        bus.broker, SessionCompleted(stage=Stage.REPORT, session_id=sid, turn_id=run_id)
    )
    await wait_for_seq(store, session.session_id, 1)
    (completed,) = await store.events.events_after(session.session_id, 0)
    assert completed.type == "session.completed"
    assert await store.sessions.report_pdf(session.session_id) == PDF
