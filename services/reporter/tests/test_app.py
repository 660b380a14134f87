"""The reporter worker on the real broker: starts, consumes its queue, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import REPORT_REQUESTS
from careerstream.reporter.app import create_broker
from careerstream.reporter.settings import ReporterSettings
from careerstream.runtime.worker import create_worker_app
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    broker = create_broker(ReporterSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(
        create_worker_app(broker), broker, REPORT_REQUESTS, consumes=True
    )
