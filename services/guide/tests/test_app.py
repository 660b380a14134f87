"""The guide worker on the real broker: starts, consumes turn requests, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import GUIDE_TURNS
from careerstream.guide.app import create_broker
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.worker import create_worker_app
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    app = create_worker_app(create_broker(GuideSettings(rabbitmq_url=rabbitmq_url)))
    await assert_worker_starts_declares_and_reports_ready(app, GUIDE_TURNS, consumes=True)
