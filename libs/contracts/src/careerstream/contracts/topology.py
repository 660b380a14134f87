"""Names on the bus, declared once for every publisher and subscriber.

Two exchanges carry the work and the news:

* `STAGES_EXCHANGE` (direct, durable): stage requests, one durable quorum queue
  per agent, shared by all replicas of that agent (competing consumers).
* `EVENTS_EXCHANGE` (topic, durable): raw session events from the workers,
  routing key `session.<id>.<type>`. The gateway journal consumes them.
* `LIVE_EXCHANGE` (topic, durable): journaled, numbered events, routing key
  `session.<id>`. Each gateway replica binds its own exclusive queue to the
  sessions whose clients it holds.

Poison stage requests go to `DEAD_LETTER_EXCHANGE` after `MAX_DELIVERIES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerstream.contracts.common import Stage

STAGES_EXCHANGE = "careerstream.stages"
EVENTS_EXCHANGE = "careerstream.events"
LIVE_EXCHANGE = "careerstream.live"
DEAD_LETTER_EXCHANGE = "careerstream.dead-letter"
DEAD_LETTER_QUEUE = "careerstream.dead-letter"

JOURNAL_QUEUE = "careerstream.gateway.journal"
JOURNAL_BINDING = "session.#"

MAX_DELIVERIES = 5


@dataclass(frozen=True, slots=True)
class StageRoute:
    """Where the requests of one agent travel: a queue bound by one routing key."""

    queue: str
    routing_key: str


GUIDE_TURNS = StageRoute(queue="careerstream.guide.turns", routing_key="guide.turn")
PARSE_REQUESTS = StageRoute(queue="careerstream.parser.requests", routing_key="stage.parse")
ANALYZE_REQUESTS = StageRoute(queue="careerstream.analyzer.requests", routing_key="stage.analyze")
MATCH_REQUESTS = StageRoute(queue="careerstream.matcher.requests", routing_key="stage.match")
REPORT_REQUESTS = StageRoute(queue="careerstream.reporter.requests", routing_key="stage.report")

STAGE_ROUTES: dict[Stage, StageRoute] = {
    Stage.GUIDE: GUIDE_TURNS,
    Stage.PARSE: PARSE_REQUESTS,
    Stage.ANALYZE: ANALYZE_REQUESTS,
    Stage.MATCH: MATCH_REQUESTS,
    Stage.REPORT: REPORT_REQUESTS,
}


def event_routing_key(session_id: str, event_type: str) -> str:
    """Routing key of a raw session event on `EVENTS_EXCHANGE`."""
    return f"session.{session_id}.{event_type}"


def live_routing_key(session_id: str) -> str:
    """Routing key of a numbered session event on `LIVE_EXCHANGE`."""
    return f"session.{session_id}"
