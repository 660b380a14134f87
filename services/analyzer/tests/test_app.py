"""The analyzer worker on the real broker: starts, consumes its queue, reports ready."""

from __future__ import annotations

import pytest

from careerstream.analyzer.app import worker
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.contracts.topology import ANALYZE_REQUESTS
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    app = worker.app(AnalyzerSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(app, ANALYZE_REQUESTS, consumes=True)
