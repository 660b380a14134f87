"""The gateway's stage requests reach the guide's and the parser's queues (in memory)."""

from __future__ import annotations

from faststream.rabbit import RabbitBroker, TestRabbitBroker

from careerstream.contracts import Locale, PipelineRequested, StageRequest, TurnRequested
from careerstream.contracts.topology import GUIDE_TURNS, PARSE_REQUESTS
from careerstream.gateway.sessions.dispatch import StageRequests
from careerstream.runtime.topology import stage_queue, stages_exchange


async def test_a_turn_goes_to_the_guide_and_a_run_to_the_parser() -> None:
    broker = RabbitBroker()
    received: list[tuple[str, StageRequest]] = []

    @broker.subscriber(stage_queue(GUIDE_TURNS), stages_exchange)
    async def guide(request: TurnRequested) -> None:
        received.append(("guide", request))

    @broker.subscriber(stage_queue(PARSE_REQUESTS), stages_exchange)
    async def parser(request: PipelineRequested) -> None:
        received.append(("parser", request))

    turn = TurnRequested(session_id="s1", message="hi", locale=Locale.ZH)
    run = PipelineRequested(session_id="s1", run_id="r1", source="assessment")
    async with TestRabbitBroker(broker) as test_broker:
        requests = StageRequests(test_broker)
        await requests.turn(turn)
        await requests.pipeline(run)
    assert received == [("guide", turn), ("parser", run)]
