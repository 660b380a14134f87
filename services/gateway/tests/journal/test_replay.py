"""Replay decisions and the gap-free live tail."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from careerstream.contracts import Locale, TokenStreamed
from careerstream.gateway.api.sse import Cursor, CursorKind
from careerstream.gateway.journal.feeds import Listener
from careerstream.gateway.journal.replay import journal_after, live_tail, make_reset, reset_reason
from careerstream.gateway.journal.store.sessions import SessionStore, SessionView


async def view_with(store: SessionStore, events: int) -> SessionView:
    session = await store.create(Locale.EN)
    await store.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i)) for i in range(events)]
    )
    view = await store.get(session.session_id)
    assert view is not None
    return view


@pytest.mark.parametrize(
    ("cursor", "first_seq", "reason"),
    [
        (Cursor(CursorKind.NONE), 1, None),
        (Cursor(CursorKind.SEQ, 0), 1, None),
        (Cursor(CursorKind.SEQ, 5), 1, None),
        (Cursor(CursorKind.SEQ, 6), 1, "cursor_ahead_of_session"),
        (Cursor(CursorKind.MALFORMED), 1, "malformed_cursor"),
        (Cursor(CursorKind.FOREIGN), 1, "cursor_from_another_session"),
        (Cursor(CursorKind.SEQ, 2), 4, "cursor_older_than_retention"),
        (Cursor(CursorKind.SEQ, 3), 4, None),
        (Cursor(CursorKind.NONE), 4, "cursor_older_than_retention"),
    ],
)
async def test_which_cursors_are_replayed(
    store: SessionStore, cursor: Cursor, first_seq: int, reason: str | None
) -> None:
    view = dataclasses.replace(await view_with(store, 5), first_seq=first_seq)
    assert reset_reason(cursor, view) == reason


async def test_a_reset_carries_the_snapshot_at_the_last_seq(store: SessionStore) -> None:
    view = await view_with(store, 3)
    reset = make_reset(view, "malformed_cursor")
    assert reset.seq == 3
    assert reset.snapshot["last_seq"] == 3
    assert reset.snapshot["streaming"]["text"] == "012"


async def test_paged_replay_reads_everything_in_order(store: SessionStore) -> None:
    view = await view_with(store, 11)
    seqs = [e.seq async for e in journal_after(store, view.session_id, 2, page=3)]
    assert seqs == list(range(3, 12))
    bounded = [e.seq async for e in journal_after(store, view.session_id, 2, until=6, page=3)]
    assert bounded == [3, 4, 5, 6]


async def test_the_live_tail_fills_gaps_from_the_journal_and_drops_repeats(
    store: SessionStore,
) -> None:
    view = await view_with(store, 6)
    journaled = await store.events_after(view.session_id, 0)
    listener = Listener(view.session_id, buffer=100)
    # Live delivery lost 3 and 4, and repeats 2 and 5.
    for seq in (2, 5, 5, 6):
        listener.offer(journaled[seq - 1])
    tail = live_tail(store, listener, 2, page=10)
    received = [await asyncio.wait_for(anext(tail), 5) for _ in range(4)]
    await tail.aclose()
    assert [e.seq for e in received] == [3, 4, 5, 6]
