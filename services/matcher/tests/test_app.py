"""The matcher worker on the real broker: starts, consumes its queue, reports ready, warms up."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from careerstream.contracts.topology import MATCH_REQUESTS
from careerstream.matcher.app import worker
from careerstream.matcher.handlers import IndexHolder
from careerstream.matcher.settings import MatcherSettings
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_reports_ready_and_loads_its_index(
    rabbitmq_url: str, tmp_path: Path
) -> None:
    settings = MatcherSettings(rabbitmq_url=rabbitmq_url, onet_dir=None, cache_dir=tmp_path)
    holder = IndexHolder(settings)
    app = worker.app(settings, holder=holder)
    await assert_worker_starts_declares_and_reports_ready(app, MATCH_REQUESTS, consumes=True)
    assert holder.warming  # the start-up hook began loading on its own
    async with asyncio.timeout(30):
        index = await holder.get()
    assert len(index) == 39  # the built-in catalogue
