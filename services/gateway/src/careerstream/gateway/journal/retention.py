"""Retention: journaled events past a certain age are deleted; projections are kept.

A client whose cursor points into the deleted part gets a `reset` with the
projection instead of a replay (see `api.sse.reset_reason`).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from careerstream.gateway.journal.store.events import EventJournal

log = logging.getLogger(__name__)


def retention_cutoff(retention_s: float) -> datetime | None:
    """Events older than this go; None keeps everything."""
    if retention_s <= 0:
        return None
    return datetime.now(UTC) - timedelta(seconds=retention_s)


async def sweep_retention(events: EventJournal, *, retention_s: float, every_s: float) -> None:
    """Prune now and every `every_s` seconds, until cancelled; a failed round is retried."""
    while True:
        cutoff = retention_cutoff(retention_s)
        if cutoff is not None:
            try:
                pruned = await events.prune(cutoff)
                if pruned:
                    log.info("pruned %d events older than %s", pruned, cutoff.isoformat())
            except Exception:
                log.exception("retention sweep failed; next try in %.0fs", every_s)
        await asyncio.sleep(every_s)
