"""Stage requests kept in a list instead of published: the gateway's services under test."""

from __future__ import annotations

from careerstream.contracts import PipelineRequested, StageRequest, TurnRequested
from careerstream.gateway.sessions.dispatch import StageRequests


class KeptRequests(StageRequests):
    """Keeps what would be published; with `failing`, every publish fails like a lost broker."""

    def __init__(self, *, failing: bool = False) -> None:
        self.sent: list[StageRequest] = []
        self.failing = failing

    async def _keep(self, request: StageRequest) -> None:
        if self.failing:
            raise ConnectionError("broker gone")
        self.sent.append(request)

    async def turn(self, request: TurnRequested) -> None:
        await self._keep(request)

    async def pipeline(self, request: PipelineRequested) -> None:
        await self._keep(request)
