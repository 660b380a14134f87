"""How the gateway hands work on: a turn to the guide, a run to the parser."""

from __future__ import annotations

from faststream.rabbit import RabbitBroker

from careerstream.contracts import PipelineRequested, TurnRequested
from careerstream.contracts.topology import GUIDE_TURNS, PARSE_REQUESTS
from careerstream.runtime.publishing import publish_request


class StageRequests:
    """Publishes with confirms: returning means the broker has the request queued."""

    def __init__(self, broker: RabbitBroker) -> None:
        self.broker = broker

    async def turn(self, request: TurnRequested) -> None:
        await publish_request(self.broker, GUIDE_TURNS, request)

    async def pipeline(self, request: PipelineRequested) -> None:
        await publish_request(self.broker, PARSE_REQUESTS, request)
