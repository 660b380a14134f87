"""The parser worker on the real broker: starts, consumes its queue, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import PARSE_REQUESTS
from careerstream.parser.app import worker
from careerstream.parser.settings import ParserSettings
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    app = worker.app(ParserSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(app, PARSE_REQUESTS, consumes=True)
