"""Paged replay and the gap-free live tail."""

from __future__ import annotations

import asyncio

from careerstream.contracts import Locale, TokenStreamed
from careerstream.gateway.journal.feeds import Listener
from careerstream.gateway.journal.replay import journal_after, live_tail
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.records import SessionRecord


async def view_with(store: Store, events: int) -> SessionRecord:
    session = await store.sessions.create(Locale.EN)
    await store.events.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i)) for i in range(events)]
    )
    view = await store.sessions.get(session.session_id)
    assert view is not None
    return view


async def test_paged_replay_reads_everything_in_order(store: Store) -> None:
    view = await view_with(store, 11)
    seqs = [e.seq async for e in journal_after(store.events, view.session_id, 2, page=3)]
    assert seqs == list(range(3, 12))
    bounded = [
        e.seq async for e in journal_after(store.events, view.session_id, 2, until=6, page=3)
    ]
    assert bounded == [3, 4, 5, 6]


async def test_the_live_tail_fills_gaps_from_the_journal_and_drops_repeats(
    store: Store,
) -> None:
    view = await view_with(store, 6)
    journaled = await store.events.events_after(view.session_id, 0)
    listener = Listener(view.session_id, buffer=100)
    # Live delivery lost 3 and 4, and repeats 2 and 5.
    for seq in (2, 5, 5, 6):
        listener.offer(journaled[seq - 1])
    tail = live_tail(store.events, listener, 2, page=10)
    received = [await asyncio.wait_for(anext(tail), 5) for _ in range(4)]
    await tail.aclose()
    assert [e.seq for e in received] == [3, 4, 5, 6]
