"""Subscribers of the analyzer.

The analyze stage's logic arrives with the pipeline issue. Until then the
worker declares its queue (`careerstream.contracts.topology.ANALYZE_REQUESTS`) and
reports readiness without consuming, so requests published early wait on the
queue instead of being acknowledged and lost.
"""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.analyzer.settings import AnalyzerSettings


def build_router(settings: AnalyzerSettings) -> RabbitRouter:
    return RabbitRouter()
