"""The guide worker on the real broker: starts, consumes turn requests, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import GUIDE_TURNS
from careerstream.guide.app import worker
from careerstream.guide.settings import GuideSettings
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    app = worker.app(GuideSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(app, GUIDE_TURNS, consumes=True)
