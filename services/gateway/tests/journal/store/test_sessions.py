"""Session rows on both databases: listing, and changes made under the row lock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

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
    after = await store.sessions.record_start(
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
