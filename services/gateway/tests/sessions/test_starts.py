"""Starting a run from the API on both databases: recorded, published, cleared or undone."""

from __future__ import annotations

import pytest

from careerstream.contracts import Locale, PipelineInputs, PipelineRequested, StageRequest
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import NotFound, Refused, Unreachable
from careerstream.gateway.sessions.outbox import StartRelay
from careerstream.gateway.sessions.starts import PipelineStarts
from tests.support.stage_requests import KeptRequests

ANSWERS = PipelineInputs(answers={"R01": 4})


def starts(store: Store, requests: KeptRequests) -> PipelineStarts:
    relay = StartRelay(store.sessions, requests, sweep_s=5)
    return PipelineStarts(store.sessions, relay, Admission(60))


async def test_a_start_is_published_and_its_mark_cleared(store: Store) -> None:
    session = await store.sessions.create(Locale.ZH)
    requests = KeptRequests()
    started = await starts(store, requests).start(session.session_id, ANSWERS, "assessment")
    (request,) = requests.sent
    assert isinstance(request, PipelineRequested)
    assert request.run_id == started.pipeline_run_id
    assert (request.source, request.locale) == ("assessment", Locale.ZH)
    assert request.inputs.answers == {"R01": 4}
    assert started.status is SessionStatus.ANALYZING
    now = await store.sessions.get(session.session_id)
    assert now is not None
    assert now.start_pending_at is None


async def test_a_start_the_broker_refuses_is_undone(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    with pytest.raises(Unreachable) as unreachable:
        await starts(store, KeptRequests(failing=True)).start(
            session.session_id, ANSWERS, "assessment"
        )
    assert unreachable.value.code == "pipeline_unreachable"
    back = await store.sessions.get(session.session_id)
    assert back is not None
    assert (back.status, back.pipeline_run_id, back.inputs) == (SessionStatus.IDLE, None, {})
    assert back.start_pending_at is None
    await starts(store, KeptRequests()).start(session.session_id, ANSWERS, "assessment")


class SweptMeanwhile(KeptRequests):
    """The publish fails here, but another replica's sweep sent the start meanwhile."""

    def __init__(self, store: Store) -> None:
        super().__init__(failing=True)
        self.store = store

    async def _keep(self, request: StageRequest) -> None:
        await self.store.sessions.clear_start(request.session_id, request.run_id)
        await super()._keep(request)


async def test_a_start_sent_by_another_replica_meanwhile_stands(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    started = await starts(store, SweptMeanwhile(store)).start(
        session.session_id, ANSWERS, "assessment"
    )
    kept = await store.sessions.get(session.session_id)
    assert kept is not None
    assert (kept.status, kept.pipeline_run_id) == (SessionStatus.ANALYZING, started.pipeline_run_id)


async def test_a_second_start_is_refused_and_sends_nothing(store: Store) -> None:
    session = await store.sessions.create(Locale.EN)
    requests = KeptRequests()
    await starts(store, requests).start(session.session_id, ANSWERS, "assessment")
    with pytest.raises(Refused):
        await starts(store, requests).start(session.session_id, ANSWERS, "assessment")
    assert len(requests.sent) == 1


async def test_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        await starts(store, KeptRequests()).start("nobody", ANSWERS, "assessment")
