"""Starting the pipeline from an upload or the questionnaire.

The start is recorded first (see `outbox`), then published at once; a publish
that fails takes the start back and answers 503, so the session stays usable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from careerstream.contracts import PipelineInputs
from careerstream.gateway.journal.projection import StartUndo
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.journal.store.sessions import SessionRepository
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Unreachable, session_not_found
from careerstream.gateway.sessions.outbox import StartRelay

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineStarts:
    sessions: SessionRepository
    relay: StartRelay
    admission: Admission

    async def start(self, session_id: str, inputs: PipelineInputs, source: str) -> SessionRecord:
        """Keep the inputs, record the run, hand it to the parser; the session after."""
        try:
            undo, started = await self.sessions.record_start(
                session_id,
                inputs.model_dump(mode="json", exclude_none=True),
                source=source,
                admit=self.admission.start,
            )
        except KeyError as exc:
            raise session_not_found(session_id) from exc
        try:
            await self.relay.send(started)
        except Exception as exc:
            if await self._withdraw(session_id, undo):
                raise Unreachable(
                    "pipeline_unreachable",
                    "The analysis could not be started; try again shortly.",
                ) from exc
            log.warning("the start of %s stays in the outbox for the sweep", session_id)
            return started
        await self.relay.clear(started)
        return started

    async def _withdraw(self, session_id: str, undo: StartUndo) -> bool:
        """Whether the start was taken back. Not when another replica's sweep published it
        meanwhile, nor when the database cannot be reached: either way the start stays,
        and runs (the sweep publishes a marked start once it can)."""
        try:
            return await self.sessions.withdraw_start(session_id, undo)
        except Exception:
            log.exception("the start of %s could not be taken back", session_id)
            return False
