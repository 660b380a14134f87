from __future__ import annotations

import re

from careerstream.contracts import Stage
from careerstream.contracts import topology as names


def topic_matches(pattern: str, key: str) -> bool:
    """AMQP topic matching: `*` one word, `#` zero or more words."""
    regex = "^" + re.escape(pattern).replace(r"\*", r"[^.]+").replace(r"\#", r".*") + "$"
    return re.match(regex.replace(r"\..*", r"(\..*)?"), key) is not None


def test_every_stage_has_its_own_queue_and_key() -> None:
    routes = names.STAGE_ROUTES.values()
    assert len({r.queue for r in routes}) == len(Stage)
    assert len({r.routing_key for r in routes}) == len(Stage)


def test_the_journal_binding_catches_every_event_key() -> None:
    key = names.event_routing_key("abc", "turn.completed")
    assert key == "session.abc.turn.completed"
    assert topic_matches(names.JOURNAL_BINDING, key)


def test_live_keys_are_per_session() -> None:
    assert names.live_routing_key("abc") == "session.abc"
    assert names.live_routing_key("abc") != names.live_routing_key("abd")


def test_a_session_always_lands_on_the_same_journal_shard() -> None:
    shards = {names.journal_shard(f"session-{i}") for i in range(200)}
    assert shards == set(range(names.JOURNAL_SHARDS)), "sessions spread over every shard"
    assert names.journal_shard("abc") == names.journal_shard("abc")
    assert len({names.journal_queue_name(s) for s in range(names.JOURNAL_SHARDS)}) == 8
