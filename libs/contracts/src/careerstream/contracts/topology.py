"""Names on the bus, declared once for every publisher and subscriber.

Two exchanges carry the work and the news:

* `STAGES_EXCHANGE` (direct, durable): stage requests, one durable quorum queue
  per agent, shared by all replicas of that agent (competing consumers).
* `EVENTS_EXCHANGE` (topic, durable): raw session events from the workers,
  routing key `session.<id>.<type>`. It feeds `JOURNAL_EXCHANGE` (headers), which
  splits the sessions over `JOURNAL_SHARDS` journal queues by the header
  `JOURNAL_SHARD_HEADER`, so each session always lands on the same shard.
* `LIVE_EXCHANGE` (topic, durable): journaled, numbered events, routing key
  `session.<id>`. Each gateway replica binds its own exclusive queue to the
  sessions whose clients it holds. (Internal to the gateway.)

Poison stage requests go to `DEAD_LETTER_EXCHANGE` after `MAX_DELIVERIES`. It feeds
`DEAD_LETTER_QUEUE` (bounded; kept for reading) and `DEAD_LETTER_WATCH_QUEUE` (bounded;
the workers consume it to log each dead letter).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from careerstream.contracts.common import Stage

STAGES_EXCHANGE = "careerstream.stages"
EVENTS_EXCHANGE = "careerstream.events"
LIVE_EXCHANGE = "careerstream.live"
DEAD_LETTER_EXCHANGE = "careerstream.dead-letter"
# Bounded: at most DEAD_LETTER_MAX letters, the oldest dropped first, so a poison storm cannot
# fill the broker's disk. The bound is a queue argument, and RabbitMQ refuses to redeclare an
# existing queue with other arguments (PRECONDITION_FAILED), so the bounded queue has a new
# name rather than the old one. A policy could bound the old name in place, but it lives
# outside the code: every broker (each test vhost too) would need it set by hand, and the
# code could not tell whether it was. `declare_topology` retires the old queue: unbound, so
# it grows no more, its letters kept until read (it is removed once empty).
DEAD_LETTER_QUEUE = "careerstream.dead-letter.v2"
DEAD_LETTER_MAX = 10_000
RETIRED_DEAD_LETTER_QUEUES = ("careerstream.dead-letter",)
# A copy of every dead letter for the workers' watch (`runtime.deadletters`), which logs
# each; bounded too, for when no worker runs.
DEAD_LETTER_WATCH_QUEUE = "careerstream.dead-letter.watch"
DEAD_LETTER_WATCH_MAX = 1_000

JOURNAL_EXCHANGE = "careerstream.journal"
JOURNAL_BINDING = "session.#"
JOURNAL_SHARD_HEADER = "journal-shard"
# A deployment constant: every publisher computes the shard from it. Changing it
# moves sessions between shards, so drain the journal queues first.
JOURNAL_SHARDS = 8

# Attempts a stage request gets before it is dead-lettered. The stage harness counts them
# itself (`ATTEMPT_HEADER`); the queues' `x-delivery-limit` is only a backstop.
MAX_DELIVERIES = 5

# Headers of every stage request (`publish_request` sets them): the session and run it
# belongs to, readable even when the body is not, so an undecodable request can still be
# reported to its session and a dead letter logged with both.
SESSION_HEADER = "x-session-id"
RUN_HEADER = "x-run-id"
# The attempt a copy of a request starts as (absent: 1). A request whose handler raised
# is republished with this raised, rather than requeued: RabbitMQ 4.x no longer counts an
# explicit requeue in the quorum queue's `x-delivery-count`, and a classic queue never did.
ATTEMPT_HEADER = "x-careerstream-attempt"


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


def journal_shard(session_id: str) -> int:
    """The journal shard of a session: stable across processes and restarts."""
    return zlib.crc32(session_id.encode()) % JOURNAL_SHARDS


def journal_queue_name(shard: int) -> str:
    return f"careerstream.gateway.journal.{shard}"


def live_routing_key(session_id: str) -> str:
    """Routing key of a numbered session event on `LIVE_EXCHANGE`."""
    return f"session.{session_id}"
