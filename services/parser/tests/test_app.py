"""The parser worker on the real broker: starts, consumes its queue, reports ready."""

from __future__ import annotations

import pytest

from careerstream.contracts.topology import PARSE_REQUESTS
from careerstream.parser.app import create_broker
from careerstream.parser.settings import ParserSettings
from careerstream.runtime.worker import create_worker_app
from tests.support.workers import assert_worker_starts_declares_and_reports_ready

pytestmark = pytest.mark.broker


async def test_the_worker_starts_and_reports_ready(rabbitmq_url: str) -> None:
    broker = create_broker(ParserSettings(rabbitmq_url=rabbitmq_url))
    await assert_worker_starts_declares_and_reports_ready(
        create_worker_app(broker), broker, PARSE_REQUESTS, consumes=True
    )
