"""The journal and projection on both databases."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    Stage,
    StageStarted,
    TokenStreamed,
    TurnCompleted,
)
from careerstream.gateway.journal.store.sessions import SessionStore


async def test_events_are_numbered_from_one_per_session(store: SessionStore) -> None:
    a = await store.create(Locale.EN)
    b = await store.create(Locale.ZH)
    journaled = await store.journal(
        [
            TokenStreamed(session_id=a.session_id, text="1"),
            TokenStreamed(session_id=b.session_id, text="x"),
            TokenStreamed(session_id=a.session_id, text="2"),
            TokenStreamed(session_id=a.session_id, text="3"),
        ]
    )
    assert [(j.event.session_id == a.session_id, j.event.seq) for j in journaled] == [
        (True, 1),
        (False, 1),
        (True, 2),
        (True, 3),
    ], "numbered per session, returned in arrival order"
    view = await store.get(a.session_id)
    assert view is not None
    assert view.last_seq == 3


async def test_a_redelivered_event_is_journaled_once(store: SessionStore) -> None:
    session = await store.create(Locale.EN)
    event = TokenStreamed(session_id=session.session_id, text="x")
    first = await store.journal([event])
    again = await store.journal([event, event])
    assert first[0].new
    assert [j.new for j in again] == [False, False]
    assert again[0].event == first[0].event
    assert [e.seq for e in await store.events_after(session.session_id, 0)] == [1]


async def test_replay_after_a_cursor_in_pages(store: SessionStore) -> None:
    session = await store.create(Locale.EN)
    await store.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i)) for i in range(7)]
    )
    assert [e.seq for e in await store.events_after(session.session_id, 3)] == [4, 5, 6, 7]
    assert [e.seq for e in await store.events_after(session.session_id, 3, limit=2)] == [4, 5]
    assert await store.events_after(session.session_id, 7) == []


async def test_events_of_an_unknown_session_are_dropped(store: SessionStore) -> None:
    assert await store.journal([TokenStreamed(session_id="nobody", text="x")]) == []


async def test_the_projection_follows_the_journal(store: SessionStore) -> None:
    session = await store.create(Locale.EN)
    sid = session.session_id
    before = await store.add_user_message(sid, "hello", turn_timeout_s=60)
    assert before.history == []
    await store.journal(
        [
            TokenStreamed(session_id=sid, turn_id="t1", stage=Stage.GUIDE, text="hi"),
            TokenStreamed(session_id=sid, turn_id="t1", stage=Stage.GUIDE, text=" there"),
        ]
    )
    mid = await store.get(sid)
    assert mid is not None
    assert mid.status == "replying"
    assert mid.streaming == {"turn_id": "t1", "stage": "guide", "text": "hi there"}
    await store.journal(
        [TurnCompleted(session_id=sid, turn_id="t1", reply="hi there", is_sufficient=False)]
    )
    done = await store.get(sid)
    assert done is not None
    assert done.history == [
        {"role": "user", "content": "hello"},
        {"role": "assistant", "content": "hi there"},
    ]
    assert done.streaming is None
    assert done.status == "idle"
    await store.journal(
        [
            StageStarted(session_id=sid, stage=Stage.PARSE, progress=0.0),
            ErrorRaised(session_id=sid, stage=Stage.PARSE, code="parse_failed", message="x"),
        ]
    )
    failed = await store.get(sid)
    assert failed is not None
    assert failed.status == "failed"
    assert failed.last_error == {"code": "parse_failed", "message": "x", "stage": "parse"}


async def test_concurrent_writers_never_share_a_seq(store: SessionStore) -> None:
    session = await store.create(Locale.EN)
    batches = [
        [TokenStreamed(session_id=session.session_id, text=f"{w}.{i}") for i in range(10)]
        for w in range(5)
    ]
    await asyncio.gather(*(store.journal(batch) for batch in batches))
    seqs = [e.seq for e in await store.events_after(session.session_id, 0, limit=100)]
    assert seqs == list(range(1, 51))


async def test_pruning_keeps_the_projection_and_moves_the_first_seq(store: SessionStore) -> None:
    session = await store.create(Locale.EN)
    old = datetime.now(UTC) - timedelta(days=40)
    await store.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i), ts=old) for i in range(3)]
        + [TurnCompleted(session_id=session.session_id, reply="kept", is_sufficient=False)]
    )
    assert await store.prune(datetime.now(UTC) - timedelta(days=30)) >= 3
    view = await store.get(session.session_id)
    assert view is not None
    assert view.first_seq == 4
    assert view.last_seq == 4
    assert view.history[-1]["content"] == "kept"
    assert [e.seq for e in await store.events_after(session.session_id, 0)] == [4]


async def test_listing_a_users_sessions_newest_first_in_pages(store: SessionStore) -> None:
    owner = f"user-{id(store)}-{datetime.now(UTC).timestamp()}"
    created = [await store.create(Locale.EN, owner) for _ in range(5)]
    await store.create(Locale.EN, "someone-else")
    first = await store.list_for_owner(owner, 2, None)
    assert first.next_cursor is not None
    second = await store.list_for_owner(owner, 2, first.next_cursor)
    third = await store.list_for_owner(owner, 2, second.next_cursor)
    listed = [v.session_id for v in first.sessions + second.sessions + third.sessions]
    assert listed == [v.session_id for v in reversed(created)]
    assert third.next_cursor is None


async def test_a_foreign_page_cursor_is_refused(store: SessionStore) -> None:
    with pytest.raises(ValueError, match="page cursor"):
        await store.list_for_owner("x", 2, "not-a-cursor")


async def test_two_racing_messages_start_one_turn(store: SessionStore) -> None:
    from careerstream.gateway.journal.store.sessions import TurnRefused

    session = await store.create(Locale.EN)
    outcomes = await asyncio.gather(
        *(store.add_user_message(session.session_id, f"m{i}", turn_timeout_s=60) for i in range(4)),
        return_exceptions=True,
    )
    refused = [o for o in outcomes if isinstance(o, TurnRefused)]
    assert len(refused) == 3
    assert {r.code for r in refused} == {"turn_in_progress"}
    view = await store.get(session.session_id)
    assert view is not None
    assert len(view.history) == 1
