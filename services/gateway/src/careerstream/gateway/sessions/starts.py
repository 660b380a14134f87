"""Starting the pipeline from an upload or the questionnaire."""

from __future__ import annotations

from dataclasses import dataclass

from careerstream.contracts import PipelineInputs
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.journal.store.sessions import SessionRepository
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.dispatch import StageRequests
from careerstream.gateway.sessions.errors import Unreachable, session_not_found
from careerstream.gateway.sessions.requests import pipeline_request


@dataclass(frozen=True)
class PipelineStarts:
    """A run from an upload or the questionnaire: recorded, then handed to the parser."""

    sessions: SessionRepository
    requests: StageRequests
    admission: Admission

    async def start(self, session_id: str, inputs: PipelineInputs, source: str) -> SessionRecord:
        """Keep the inputs, mark the run started, hand it to the parser; the session after."""
        try:
            started = await self.sessions.record_start(
                session_id,
                inputs.model_dump(mode="json", exclude_none=True),
                source=source,
                admit=self.admission.start,
            )
        except KeyError as exc:
            raise session_not_found(session_id) from exc
        request = pipeline_request(started, source)
        try:
            await self.requests.pipeline(request)
        except Exception as exc:
            await self.sessions.abandon_start(
                session_id, request.run_id, "the analysis could not be started"
            )
            raise Unreachable(
                "pipeline_unreachable", "The analysis could not be started; try again shortly."
            ) from exc
        return started
