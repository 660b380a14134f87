"""Publishing session events and stage requests with the right route."""

from __future__ import annotations

from typing import Any

from faststream.rabbit import RabbitBroker

from careerstream.contracts import SessionMessage, StageRequest
from careerstream.contracts.topology import (
    ATTEMPT_HEADER,
    JOURNAL_SHARD_HEADER,
    RUN_HEADER,
    SESSION_HEADER,
    StageRoute,
    event_routing_key,
    journal_shard,
)
from careerstream.runtime.topology import events_exchange, stages_exchange


async def publish_event(broker: RabbitBroker, event: SessionMessage) -> None:
    """Publish a raw (unnumbered) session message for the journal; waits for the confirm.

    Stored-only records (`ReportRendered`) take the same road, so they reach the
    session's shard in order with the events around them.
    """
    await broker.publish(
        event.model_dump(mode="json"),
        exchange=events_exchange,
        routing_key=event_routing_key(event.session_id, event.type),
        persist=True,
        # The journal queues are declared by every service, so an event is never unroutable.
        mandatory=False,
        correlation_id=event.session_id,
        message_id=event.event_id,
        message_type=event.type,
        headers={JOURNAL_SHARD_HEADER: str(journal_shard(event.session_id))},
    )


def request_headers(request: StageRequest, *, attempt: int = 1) -> dict[str, Any]:
    """What a request says of itself outside its body: whose it is, and which attempt."""
    headers: dict[str, Any] = {SESSION_HEADER: request.session_id, RUN_HEADER: request.run_id}
    if attempt > 1:
        headers[ATTEMPT_HEADER] = attempt
    return headers


async def publish_request(
    broker: RabbitBroker, route: StageRoute, request: StageRequest, *, attempt: int = 1
) -> None:
    """Publish a stage request (as `attempt`, when the harness retries it); waits for the
    confirm. `mandatory` makes a missing queue an error, not a loss."""
    await broker.publish(
        request.model_dump(mode="json"),
        exchange=stages_exchange,
        routing_key=route.routing_key,
        persist=True,
        mandatory=True,
        correlation_id=request.session_id,
        message_id=request.idempotency_key,
        headers=request_headers(request, attempt=attempt),
    )
