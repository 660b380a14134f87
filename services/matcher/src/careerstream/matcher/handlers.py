"""Subscribers of the matcher.

The match stage's logic arrives with the pipeline issue. Until then the
worker declares its queue (`careerstream.contracts.topology.MATCH_REQUESTS`) and
reports readiness without consuming, so requests published early wait on the
queue instead of being acknowledged and lost.
"""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.matcher.settings import MatcherSettings


def build_router(settings: MatcherSettings) -> RabbitRouter:
    return RabbitRouter()
