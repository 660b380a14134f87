"""Subscribers of the reporter.

The report stage's logic arrives with the pipeline issue. Until then the
worker declares its queue (`careerstream.contracts.topology.REPORT_REQUESTS`) and
reports readiness without consuming, so requests published early wait on the
queue instead of being acknowledged and lost.
"""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.reporter.settings import ReporterSettings


def build_router(settings: ReporterSettings) -> RabbitRouter:
    return RabbitRouter()
