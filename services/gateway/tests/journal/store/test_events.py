"""The event journal on both databases: numbering, redeliveries, replay, pruning."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    SessionCompleted,
    Stage,
    StageCompleted,
    StageRetrying,
    StageStarted,
    TokenStreamed,
    TurnCompleted,
)
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission


async def test_events_are_numbered_from_one_per_session(store: Store) -> None:
    a = await store.sessions.create(Locale.EN)
    b = await store.sessions.create(Locale.ZH)
    written = await store.events.journal(
        [
            TokenStreamed(session_id=a.session_id, text="1"),
            TokenStreamed(session_id=b.session_id, text="x"),
            TokenStreamed(session_id=a.session_id, text="2"),
            TokenStreamed(session_id=a.session_id, text="3"),
        ]
    )
    journaled = written.events
    assert [(j.event.session_id == a.session_id, j.event.seq) for j in journaled] == [
        (True, 1),
        (False, 1),
        (True, 2),
        (True, 3),
    ], "numbered per session, returned in arrival order"
    view = await store.sessions.get(a.session_id)
    assert view is not None
    assert view.last_seq == 3


async def test_a_redelivered_event_is_journaled_once(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    event = TokenStreamed(session_id=session.session_id, text="x")
    first = (await store.events.journal([event])).events
    again = (await store.events.journal([event, event])).events
    assert first[0].new
    assert [j.new for j in again] == [False, False]
    assert again[0].event == first[0].event
    assert [e.seq for e in await store.events.events_after(session.session_id, 0)] == [1]


async def test_replay_after_a_cursor_in_pages(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    await store.events.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i)) for i in range(7)]
    )
    assert [e.seq for e in await store.events.events_after(session.session_id, 3)] == [4, 5, 6, 7]
    assert [e.seq for e in await store.events.events_after(session.session_id, 3, limit=2)] == [
        4,
        5,
    ]
    assert await store.events.events_after(session.session_id, 7) == []


async def test_events_of_an_unknown_session_are_dropped(store: Store) -> None:
    written = await store.events.journal([TokenStreamed(session_id="nobody", text="x")])
    assert written.events == []


async def test_the_projection_follows_the_journal(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    sid = session.session_id
    before = await store.sessions.add_user_message(sid, "hello", admit=Admission(60).message)
    assert before.history == []
    await store.events.journal(
        [
            TokenStreamed(session_id=sid, turn_id="t1", stage=Stage.GUIDE, text="hi"),
            TokenStreamed(session_id=sid, turn_id="t1", stage=Stage.GUIDE, text=" there"),
        ]
    )
    mid = await store.sessions.get(sid)
    assert mid is not None
    assert mid.status == "replying"
    assert mid.streaming == {"turn_id": "t1", "stage": "guide", "text": "hi there"}
    await store.events.journal(
        [TurnCompleted(session_id=sid, turn_id="t1", reply="hi there", is_sufficient=False)]
    )
    done = await store.sessions.get(sid)
    assert done is not None
    assert done.history == [
        {"role": "user", "content": "hello"},
        {"role": "assistant", "content": "hi there", "turn_id": "t1"},
    ]
    assert done.streaming is None
    assert done.status == "idle"
    await store.events.journal(
        [
            StageStarted(session_id=sid, stage=Stage.PARSE, progress=0.0),
            ErrorRaised(session_id=sid, stage=Stage.PARSE, code="parse_failed", message="x"),
        ]
    )
    failed = await store.sessions.get(sid)
    assert failed is not None
    assert failed.status == "failed"
    assert failed.last_error == {"code": "parse_failed", "message": "x", "stage": "parse"}


async def test_concurrent_writers_never_share_a_seq(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    batches = [
        [TokenStreamed(session_id=session.session_id, text=f"{w}.{i}") for i in range(10)]
        for w in range(5)
    ]
    await asyncio.gather(*(store.events.journal(batch) for batch in batches))
    seqs = [e.seq for e in await store.events.events_after(session.session_id, 0, limit=100)]
    assert seqs == list(range(1, 51))


async def test_pruning_keeps_the_projection_and_moves_the_first_seq(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    store.events.clock = lambda: datetime.now(UTC) - timedelta(days=40)
    await store.events.journal(
        [TokenStreamed(session_id=session.session_id, text=str(i)) for i in range(3)]
    )
    store.events.clock = lambda: datetime.now(UTC)
    await store.events.journal(
        [TurnCompleted(session_id=session.session_id, reply="kept", is_sufficient=False)]
    )
    assert await store.events.prune(datetime.now(UTC) - timedelta(days=30)) >= 3
    view = await store.sessions.get(session.session_id)
    assert view is not None
    assert view.first_seq == 4
    assert view.last_seq == 4
    assert view.history[-1]["content"] == "kept"
    assert [e.seq for e in await store.events.events_after(session.session_id, 0)] == [4]


async def test_a_turn_that_asks_for_a_run_records_its_start_once(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    sid = session.session_id
    asks = TurnCompleted(
        session_id=sid, reply="Let me look", is_sufficient=True, pipeline_run_id="r1"
    )
    written = await store.events.journal([TokenStreamed(session_id=sid, text="x"), asks])
    assert written.starts == [sid]
    started = await store.sessions.get(sid)
    assert started is not None
    assert (started.status, started.pipeline_run_id) == (SessionStatus.ANALYZING, "r1")
    assert started.start_pending_at is not None
    # The guide answered the same turn again (a redelivery): same run, nothing new to send.
    again = TurnCompleted(
        session_id=sid, reply="Let me look", is_sufficient=True, pipeline_run_id="r1"
    )
    assert (await store.events.journal([asks, again])).starts == []
    assert (await store.events.journal([TokenStreamed(session_id=sid, text="y")])).starts == []


async def test_a_stage_rerun_after_the_run_completed_leaves_it_completed(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    sid = session.session_id
    await store.events.journal(
        [
            TurnCompleted(
                session_id=sid, reply="Let me look", is_sufficient=True, pipeline_run_id="r"
            )
        ]
    )
    at: dict[str, Any] = {"session_id": sid, "turn_id": "r", "stage": Stage.REPORT}
    await store.events.journal([StageStarted(progress=0.55, **at), SessionCompleted(**at)])
    # Redelivered before its ack, the reporter runs again under fresh ids (a later batch).
    await store.events.journal(
        [StageRetrying(attempt=2, reason="again", **at), StageStarted(progress=0.55, **at)]
    )
    view = await store.sessions.get(sid)
    assert view is not None
    assert (view.status, view.progress) == (SessionStatus.COMPLETED, 1.0)
    # Nor does it reach clients: each stage's output is told once.
    kinds = [e.type for e in await store.events.events_after(sid, 0)]
    assert kinds == ["turn.completed", "stage.started", "session.completed"]


async def test_a_turn_redelivered_after_its_run_started_keeps_one_reply_and_the_results(
    store: Store,
) -> None:
    session = await store.sessions.create(Locale.EN)
    sid = session.session_id
    await store.sessions.add_user_message(sid, "that is all", admit=Admission(60).message)
    turn: dict[str, Any] = {"session_id": sid, "turn_id": "t1", "stage": Stage.GUIDE}
    asks: dict[str, Any] = {"reply": "Let me look", "is_sufficient": True, "pipeline_run_id": "r1"}
    await store.events.journal([TurnCompleted(**turn, **asks)])
    run: dict[str, Any] = {"session_id": sid, "turn_id": "r1", "stage": Stage.PARSE}
    await store.events.journal(
        [StageStarted(progress=0.0, **run), StageCompleted(progress=0.1, result={"n": 1}, **run)]
    )
    # The guide was redelivered before its ack: new ids (the next attempt), the same turn.
    again = await store.events.journal(
        [TokenStreamed(text="Let me look", **turn), TurnCompleted(**turn, **asks)]
    )
    assert again.starts == []
    view = await store.sessions.get(sid)
    assert view is not None
    assert [m["role"] for m in view.history] == ["user", "assistant"]
    assert (view.status, view.results) == (SessionStatus.RUNNING, {"parse": {"n": 1}})
    assert view.streaming is None
    assert [j.event.type for j in again.events] == []  # the second answer is not sent
    kinds = [e.type for e in await store.events.events_after(sid, 0)]
    assert kinds.count("turn.completed") == 1


async def test_retention_ignores_the_producers_clocks(store: Store) -> None:
    """Two workers whose clocks differ by seconds: pruning must not punch a hole in `seq`."""
    session = await store.sessions.create(Locale.EN)
    now = datetime.now(UTC)
    skewed = [now, now - timedelta(seconds=2), now]  # the middle worker's clock runs behind
    await store.events.journal(
        [
            TokenStreamed(session_id=session.session_id, text=str(i), ts=ts)
            for i, ts in enumerate(skewed)
        ]
    )
    await store.events.prune(now - timedelta(seconds=1))
    assert [e.seq for e in await store.events.events_after(session.session_id, 0)] == [1, 2, 3]


async def test_retention_removes_a_prefix_even_when_journal_times_interleave(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    now = datetime.now(UTC)
    for age_days in (40, 10, 40, 1):  # a young event between old ones ends the prefix
        journaled = now - timedelta(days=age_days)
        store.events.clock = lambda journaled=journaled: journaled  # type: ignore[misc]
        await store.events.journal([TokenStreamed(session_id=session.session_id, text="x")])
    await store.events.prune(now - timedelta(days=30))
    view = await store.sessions.get(session.session_id)
    assert view is not None
    assert view.first_seq == 2
    assert [e.seq for e in await store.events.events_after(session.session_id, 0)] == [2, 3, 4]
