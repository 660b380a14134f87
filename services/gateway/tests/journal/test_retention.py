"""Retention: old events go, the projection stays; the sweep keeps going."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from careerstream.contracts import Locale, TokenStreamed
from careerstream.gateway.journal.retention import retention_cutoff, sweep_retention
from careerstream.gateway.journal.store import Store


def test_no_retention_keeps_everything() -> None:
    assert retention_cutoff(0) is None


def test_the_cutoff_is_that_long_ago() -> None:
    cutoff = retention_cutoff(3600)
    assert cutoff is not None
    age = datetime.now(UTC) - cutoff
    assert timedelta(minutes=59) < age < timedelta(minutes=61)


async def test_the_sweep_prunes_old_events_and_survives_a_failed_round(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await store.sessions.create(Locale.EN)
    store.events.clock = lambda: datetime.now(UTC) - timedelta(days=40)
    await store.events.journal([TokenStreamed(session_id=session.session_id, text="x")])
    real = store.events.prune
    rounds: list[str] = []

    async def flaky(older_than: datetime) -> int:
        if not rounds:
            rounds.append("failed")
            raise ConnectionError("database gone for a moment")
        pruned = await real(older_than)
        rounds.append("pruned")
        return pruned

    monkeypatch.setattr(store.events, "prune", flaky)
    sweeper = asyncio.create_task(
        sweep_retention(store.events, retention_s=30 * 24 * 3600, every_s=0.01)
    )
    try:
        async with asyncio.timeout(10):
            while "pruned" not in rounds:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
    finally:
        sweeper.cancel()
        await asyncio.gather(sweeper, return_exceptions=True)
    assert await store.events.events_after(session.session_id, 0) == []
    view = await store.sessions.get(session.session_id)
    assert view is not None
    assert view.first_seq == 2
