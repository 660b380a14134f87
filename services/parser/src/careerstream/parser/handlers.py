"""Subscribers of the parser.

The parse stage's logic arrives with the pipeline issue. Until then the
worker declares its queue (`careerstream.contracts.topology.PARSE_REQUESTS`) and
reports readiness without consuming, so requests published early wait on the
queue instead of being acknowledged and lost.
"""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.parser.settings import ParserSettings


def build_router(settings: ParserSettings) -> RabbitRouter:
    return RabbitRouter()
