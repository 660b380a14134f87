"""The stage harness's retry rules on a real RabbitMQ quorum queue.

The delivery count comes from the broker (`x-delivery-count`), so whether the last
delivery is recognised — and the session told before the request is dead-lettered —
can only be checked against RabbitMQ itself.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Any

import pytest
from faststream import Context
from faststream.middlewares import AckPolicy
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitQueue

from careerstream.contracts import Stage, StageRequest
from careerstream.contracts.topology import JOURNAL_BINDING, MAX_DELIVERIES, StageRoute
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.stage import StageRun, run_stage
from careerstream.runtime.topology import (
    declare_topology,
    events_exchange,
    stage_queue,
    stages_exchange,
)

pytestmark = pytest.mark.broker


async def test_a_failing_stage_is_retried_then_dead_lettered_with_one_error(
    rabbitmq_url: str,
) -> None:
    suffix = uuid.uuid4().hex[:8]
    route = StageRoute(queue=f"careerstream.test.failing.{suffix}", routing_key=f"test.{suffix}")
    session = f"poison-{suffix}"
    attempts: list[int] = []
    events: list[dict[str, Any]] = []
    done = asyncio.Event()

    broker = RabbitBroker(rabbitmq_url, logger=None)

    @broker.subscriber(stage_queue(route), stages_exchange, ack_policy=AckPolicy.NACK_ON_ERROR)
    async def failing(
        request: StageRequest,
        message: RabbitMessage,
        bus: Annotated[RabbitBroker, Context("broker")],
    ) -> None:
        async def work(run: StageRun) -> None:
            attempts.append(len(attempts) + 1)
            raise RuntimeError("this stage always fails")

        await run_stage(bus, message, request, Stage.PARSE, work)

    tap = RabbitQueue(f"test.tap.{suffix}", routing_key=JOURNAL_BINDING, auto_delete=True)

    @broker.subscriber(tap, events_exchange)
    async def journal(body: dict[str, Any]) -> None:
        if body["session_id"] == session:
            events.append(body)
            if body["type"] == "error":
                done.set()

    async with broker:
        await declare_topology(broker)
        await broker.start()
        await publish_request(broker, route, StageRequest(session_id=session, run_id="run-1"))
        async with asyncio.timeout(45):
            await done.wait()
        await asyncio.sleep(1.0)  # room for a delivery that should not happen
        channel = await broker._connection.channel()  # type: ignore[union-attr]
        try:
            queue = await channel.declare_queue(route.queue, passive=True)
            assert queue.declaration_result.message_count == 0  # dead-lettered, not waiting
        finally:
            await channel.close()

    assert len(attempts) == MAX_DELIVERIES + 1
    kinds = [e["type"] for e in events]
    assert kinds.count("stage.retrying") == MAX_DELIVERIES
    assert kinds.count("error") == 1
    (error,) = [e for e in events if e["type"] == "error"]
    assert error["code"] == "stage_failed"
    assert error["retryable"] is False
    assert kinds[-1] == "error"
