"""The outbox relay: publishes the run starts that are recorded but not yet sent.

Every start, from a turn or from the API, is recorded first (the session analyzing
and `start_pending_at` set, in one transaction), then published, then cleared. The
API publishes its own starts at once (`PipelineStarts`). The relay publishes the
ones a turn asked for, as soon as the journal writer has committed that
`turn.completed` (`notice`), and every `sweep_s` whatever has waited longer than
that: a replica that died between commit and publish leaves nothing stuck. Two
replicas may publish the same start; the request and its key are the same, so the
parser knows it again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from careerstream.contracts import utc_now
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.journal.store.sessions import SessionRepository
from careerstream.gateway.sessions.dispatch import StageRequests
from careerstream.gateway.sessions.requests import pipeline_request

log = logging.getLogger(__name__)


class StartRelay:
    def __init__(
        self,
        sessions: SessionRepository,
        requests: StageRequests,
        *,
        sweep_s: float,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.sessions = sessions
        self.requests = requests
        self.sweep_s = sweep_s
        self.clock = clock
        self._due: asyncio.Queue[str] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def notice(self, session_ids: Sequence[str]) -> None:
        """Starts just committed in these sessions: publish them now (never blocks)."""
        for session_id in session_ids:
            self._due.put_nowait(session_id)

    async def send(self, record: SessionRecord) -> None:
        """Publish the session's current run to the parser (with the broker's confirm)."""
        await self.requests.pipeline(pipeline_request(record))

    async def clear(self, record: SessionRecord) -> None:
        """The run is on the broker: clear its mark. Left set, it is only sent once more."""
        assert record.pipeline_run_id is not None
        try:
            await self.sessions.clear_start(record.session_id, record.pipeline_run_id)
        except Exception:
            log.exception("the start of %s stays marked; a sweep sends it again", record.session_id)

    async def publish(self, record: SessionRecord) -> None:
        await self.send(record)
        await self.clear(record)

    async def relay(self, session_id: str) -> bool:
        """Publish the session's start if it still waits; whether it did."""
        record = await self.sessions.get(session_id)
        if record is None or record.start_pending_at is None:
            return False
        await self.publish(record)
        return True

    async def sweep(self) -> int:
        """Publish the starts left waiting longer than a sweep; how many it sent.

        A start younger than that is still its publisher's to send, so a healthy
        replica's starts are not sent twice.
        """
        recorded_before = self.clock() - timedelta(seconds=self.sweep_s)
        sent = 0
        for record in await self.sessions.pending_starts(recorded_before):
            try:
                await self.publish(record)
                sent += 1
            except Exception:
                log.exception("the start of %s stays in the outbox", record.session_id)
        return sent

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="start-relay")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait([self._task])

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_sweep = loop.time()  # a first sweep at once: what a dead replica left
        while True:
            try:
                wait = max(next_sweep - loop.time(), 0)
                try:
                    session_id = await asyncio.wait_for(self._due.get(), wait)
                except TimeoutError:
                    next_sweep = loop.time() + self.sweep_s
                    await self.sweep()
                else:
                    await self.relay(session_id)
            except Exception:
                # The start stays marked: the next sweep tries again.
                log.exception("publishing a recorded start failed")
