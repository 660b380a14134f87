"""The reporter worker on the real broker: starts, consumes its queue, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import REPORT_REQUESTS
from careerstream.reporter.app import worker
from careerstream.reporter.settings import ReporterSettings
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    app = worker.app(ReporterSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(app, REPORT_REQUESTS, consumes=True)
