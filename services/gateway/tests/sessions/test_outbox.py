"""The outbox relay on both databases: what a turn asked for is published and cleared."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from careerstream.contracts import (
    CollectedInfo,
    Locale,
    PipelineRequested,
    Stage,
    TurnCompleted,
    stage_key,
    utc_now,
)
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.outbox import StartRelay
from tests.support.stage_requests import KeptRequests


async def asked_for_a_run(store: Store, run_id: str = "run-1") -> str:
    """A session whose guide asked for a run, in Chinese, after a message and an upload."""
    session = await store.sessions.create(Locale.EN)
    sid = session.session_id
    await store.sessions.add_user_message(sid, "我是护士", admit=Admission(60).message)
    turn = TurnCompleted(
        session_id=sid,
        reply="好的，开始分析",
        is_sufficient=True,
        collected_info=CollectedInfo(skills=["nursing"]),
        pipeline_run_id=run_id,
        locale=Locale.ZH,
    )
    assert (await store.events.journal([turn])).starts == [sid]
    return sid


def relay(store: Store, requests: KeptRequests, now: datetime | None = None) -> StartRelay:
    clock = (lambda: now) if now is not None else utc_now
    return StartRelay(store.sessions, requests, sweep_s=5, clock=clock)


async def test_a_start_a_turn_asked_for_is_built_from_the_session_and_cleared(
    store: Store,
) -> None:
    sid = await asked_for_a_run(store)
    requests = KeptRequests()
    assert await relay(store, requests).relay(sid)
    (request,) = requests.sent
    assert isinstance(request, PipelineRequested)
    assert (request.run_id, request.idempotency_key) == ("run-1", stage_key("run-1", Stage.PARSE))
    assert (request.source, request.locale) == ("conversation", Locale.ZH)
    assert [m.content for m in request.conversation] == ["我是护士", "好的，开始分析"]
    assert request.collected_info.skills == ["nursing"]
    cleared = await store.sessions.get(sid)
    assert cleared is not None
    assert cleared.start_pending_at is None
    assert not await relay(store, requests).relay(sid), "nothing is waiting any more"
    assert len(requests.sent) == 1


async def test_a_failed_publish_leaves_the_start_marked(store: Store) -> None:
    sid = await asked_for_a_run(store)
    failing = KeptRequests(failing=True)
    with pytest.raises(ConnectionError):
        await relay(store, failing).relay(sid)
    kept = await store.sessions.get(sid)
    assert kept is not None
    assert kept.start_pending_at is not None


async def test_the_sweep_sends_only_starts_older_than_a_sweep(store: Store) -> None:
    sid = await asked_for_a_run(store)
    record = await store.sessions.get(sid)
    assert record is not None
    assert record.start_pending_at is not None
    marked = record.start_pending_at
    requests = KeptRequests()
    await relay(store, requests, now=marked + timedelta(seconds=4)).sweep()
    # (Other tests' sessions share the database: only this one's start is looked at.)
    assert sid not in [r.session_id for r in requests.sent], "still its publisher's to send"
    assert await relay(store, requests, now=marked + timedelta(seconds=6)).sweep() >= 1
    assert sid in [r.session_id for r in requests.sent]
    left = await store.sessions.get(sid)
    assert left is not None
    assert left.start_pending_at is None


async def test_two_replicas_sending_the_same_start_send_the_same_request(store: Store) -> None:
    sid = await asked_for_a_run(store)
    record = await store.sessions.get(sid)
    assert record is not None
    first, second = KeptRequests(), KeptRequests()
    await asyncio.gather(relay(store, first).send(record), relay(store, second).send(record))
    assert first.sent == second.sent


async def test_a_noticed_start_is_published_by_the_running_relay(store: Store) -> None:
    sid = await asked_for_a_run(store)
    requests = KeptRequests()
    running = relay(store, requests)
    running.start()
    try:
        running.notice([sid])
        async with asyncio.timeout(10):
            while not any(r.session_id == sid for r in requests.sent):  # noqa: ASYNC110
                await asyncio.sleep(0.01)
    finally:
        await running.stop()
