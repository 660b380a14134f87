"""What a publish asks of the broker: the route, the shard, the confirmable ids."""

from __future__ import annotations

from careerstream.contracts import AnalyzeRequested, Profile, TokenStreamed
from careerstream.contracts.topology import (
    ANALYZE_REQUESTS,
    ATTEMPT_HEADER,
    JOURNAL_SHARD_HEADER,
    RUN_HEADER,
    SESSION_HEADER,
    journal_shard,
)
from careerstream.runtime.publishing import publish_event, publish_request
from careerstream.runtime.topology import events_exchange, stages_exchange
from tests.support.recording import RecordingBroker


async def test_an_event_goes_to_its_sessions_shard_under_its_own_id() -> None:
    broker = RecordingBroker()
    event = TokenStreamed(session_id="s-42", text="hi")
    await publish_event(broker, event)  # type: ignore[arg-type]
    (sent,) = broker.published
    assert sent["exchange"] is events_exchange
    assert sent["routing_key"] == "session.s-42.token"
    assert sent["headers"] == {JOURNAL_SHARD_HEADER: str(journal_shard("s-42"))}
    assert (sent["message_id"], sent["correlation_id"]) == (event.event_id, "s-42")
    assert sent["persist"] is True


async def test_a_request_must_find_its_queue() -> None:
    broker = RecordingBroker()
    request = AnalyzeRequested(session_id="s1", idempotency_key="run:analyze", profile=Profile())
    await publish_request(broker, ANALYZE_REQUESTS, request)  # type: ignore[arg-type]
    (sent,) = broker.published
    assert sent["exchange"] is stages_exchange
    assert sent["routing_key"] == ANALYZE_REQUESTS.routing_key
    assert sent["mandatory"] is True  # an unroutable request is an error, not a loss
    assert sent["message_id"] == "run:analyze"
    # Whose it is, readable even when the body is not (an undecodable request, a dead letter).
    assert sent["headers"] == {SESSION_HEADER: "s1", RUN_HEADER: request.run_id}


async def test_a_retry_names_its_attempt() -> None:
    broker = RecordingBroker()
    request = AnalyzeRequested(session_id="s1", profile=Profile())
    await publish_request(broker, ANALYZE_REQUESTS, request, attempt=3)  # type: ignore[arg-type]
    (sent,) = broker.published
    assert sent["headers"][ATTEMPT_HEADER] == 3
