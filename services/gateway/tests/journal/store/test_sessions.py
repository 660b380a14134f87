"""Session rows on both databases: listing, and changes made under the row lock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from careerstream.contracts import Locale
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Refused


async def test_listing_a_users_sessions_newest_first_in_pages(store: Store) -> None:
    owner = f"user-{id(store)}-{datetime.now(UTC).timestamp()}"
    created = [await store.sessions.create(Locale.EN, owner) for _ in range(5)]
    await store.sessions.create(Locale.EN, "someone-else")
    first = await store.sessions.page(owner, 2, None)
    assert first.next is not None
    second = await store.sessions.page(owner, 2, first.next)
    third = await store.sessions.page(owner, 2, second.next)
    listed = [r.session_id for r in first.records + second.records + third.records]
    assert listed == [r.session_id for r in reversed(created)]
    assert third.next is None


async def test_two_racing_messages_start_one_turn(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    admit = Admission(60).message
    outcomes = await asyncio.gather(
        *(
            store.sessions.add_user_message(session.session_id, f"m{i}", admit=admit)
            for i in range(4)
        ),
        return_exceptions=True,
    )
    refused = [o for o in outcomes if isinstance(o, Refused)]
    assert len(refused) == 3
    assert {r.code for r in refused} == {"turn_in_progress"}
    view = await store.sessions.get(session.session_id)
    assert view is not None
    assert len(view.history) == 1


async def test_a_start_keeps_the_inputs_and_a_refused_one_changes_nothing(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    admit = Admission(60).start
    _, after = await store.sessions.record_start(
        session.session_id, {"answers": {"R01": 3}}, source="assessment", admit=admit
    )
    assert after.status is SessionStatus.ANALYZING
    assert after.pipeline_run_id is not None
    assert after.inputs == {"answers": {"R01": 3}}
    with pytest.raises(Refused, match="already running"):
        await store.sessions.record_start(
            session.session_id, {"resume": {"text": "x"}}, source="resume", admit=admit
        )
    kept = await store.sessions.get(session.session_id)
    assert kept is not None
    assert kept.inputs == {"answers": {"R01": 3}}
    assert kept.pipeline_run_id == after.pipeline_run_id


async def test_changing_a_session_that_does_not_exist_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        await store.sessions.add_user_message("nobody", "hi", admit=Admission(60).message)


async def test_a_recorded_start_waits_in_the_outbox_until_cleared(store: Store) -> None:
    session = await store.sessions.create(Locale.ZH)
    _, started = await store.sessions.record_start(
        session.session_id, {}, source="assessment", admit=Admission(60).start
    )
    assert started.start_pending_at is not None
    assert (started.pipeline_source, started.pipeline_locale) == ("assessment", Locale.ZH)
    assert started.pipeline_run_id is not None
    later = started.start_pending_at + timedelta(seconds=1)
    earlier = started.start_pending_at - timedelta(seconds=1)
    waiting = [r.session_id for r in await store.sessions.pending_starts(later)]
    assert session.session_id in waiting
    fresh = [r.session_id for r in await store.sessions.pending_starts(earlier)]
    assert session.session_id not in fresh, "younger than asked for"
    await store.sessions.clear_start(session.session_id, "another-run")
    assert session.session_id in [r.session_id for r in await store.sessions.pending_starts(later)]
    await store.sessions.clear_start(session.session_id, started.pipeline_run_id)
    cleared = await store.sessions.get(session.session_id)
    assert cleared is not None
    assert cleared.start_pending_at is None
    assert cleared.status is SessionStatus.ANALYZING, "clearing the mark leaves the run"
    assert session.session_id not in [
        r.session_id for r in await store.sessions.pending_starts(later)
    ]


async def test_a_start_taken_back_leaves_the_session_as_it_was(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    admit = Admission(60).start
    undo, _ = await store.sessions.record_start(
        session.session_id, {"answers": {"R01": 3}}, source="assessment", admit=admit
    )
    assert await store.sessions.withdraw_start(session.session_id, undo)
    back = await store.sessions.get(session.session_id)
    assert back is not None
    assert (back.status, back.pipeline_run_id, back.inputs) == (SessionStatus.IDLE, None, {})
    assert back.start_pending_at is None


async def test_a_start_already_published_is_not_taken_back(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    undo, started = await store.sessions.record_start(
        session.session_id, {}, source="assessment", admit=Admission(60).start
    )
    assert started.pipeline_run_id is not None
    await store.sessions.clear_start(session.session_id, started.pipeline_run_id)
    assert not await store.sessions.withdraw_start(session.session_id, undo)
    kept = await store.sessions.get(session.session_id)
    assert kept is not None
    assert kept.pipeline_run_id == started.pipeline_run_id
