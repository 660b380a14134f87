"""Starting a turn on both databases: recorded, then handed on; undone when it cannot be."""

from __future__ import annotations

import pytest

from careerstream.contracts import Locale, TurnRequested
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import NotFound, Refused, Unreachable
from careerstream.gateway.sessions.turns import Turns
from tests.support.stage_requests import KeptRequests


def turns(store: Store, requests: KeptRequests) -> Turns:
    return Turns(store.sessions, requests, Admission(60))


async def test_a_turn_is_recorded_then_handed_to_the_guide(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    requests = KeptRequests()
    started = await turns(store, requests).start(session.session_id, "hello")
    (request,) = requests.sent
    assert isinstance(request, TurnRequested)
    assert (request.run_id, request.message) == (started.turn_id, "hello")
    assert started.after_seq == 0
    record = await store.sessions.get(session.session_id)
    assert record is not None
    assert record.status is SessionStatus.REPLYING
    assert record.history == [{"role": "user", "content": "hello"}]


async def test_a_turn_the_guide_cannot_receive_leaves_the_session_usable(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    with pytest.raises(Unreachable) as unreachable:
        await turns(store, KeptRequests(failing=True)).start(session.session_id, "hello")
    assert unreachable.value.code == "guide_unreachable"
    assert "not kept" in unreachable.value.message
    record = await store.sessions.get(session.session_id)
    assert record is not None
    assert record.status is SessionStatus.IDLE
    assert record.history == []
    requests = KeptRequests()
    await turns(store, requests).start(session.session_id, "hello again")  # no 409
    assert len(requests.sent) == 1


async def test_a_busy_session_refuses_and_sends_nothing(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    requests = KeptRequests()
    await turns(store, requests).start(session.session_id, "one")
    with pytest.raises(Refused, match="still answering"):
        await turns(store, requests).start(session.session_id, "two")
    assert len(requests.sent) == 1


async def test_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        await turns(store, KeptRequests()).start("nobody", "hello")
