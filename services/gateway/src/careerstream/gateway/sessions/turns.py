"""Starting a conversational turn: record the message, then ask the guide."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.journal.store.sessions import SessionRepository
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.dispatch import StageRequests
from careerstream.gateway.sessions.errors import Unreachable, session_not_found
from careerstream.gateway.sessions.requests import HistoryBound, turn_request

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TurnStarted:
    turn_id: str
    after_seq: int  # the session's last seq before the turn: its events come after


@dataclass(frozen=True)
class Turns:
    """A message is recorded first, under the row lock, then handed to the guide."""

    sessions: SessionRepository
    requests: StageRequests
    admission: Admission
    history: HistoryBound = field(default_factory=HistoryBound)

    async def start(self, session_id: str, message: str) -> TurnStarted:
        """Two racing messages cannot both start: the second one is refused (409)."""
        try:
            before = await self.sessions.add_user_message(
                session_id, message, admit=self.admission.message
            )
        except KeyError as exc:
            raise session_not_found(session_id) from exc
        request = turn_request(before, message, history=self.history)
        try:
            await self.requests.turn(request)
        except Exception as exc:
            await self._withdraw(before, message)
            raise Unreachable(
                "guide_unreachable",
                "The guide could not be reached, so your message was not kept; send it again.",
            ) from exc
        return TurnStarted(request.run_id, before.last_seq)

    async def _withdraw(self, before: SessionRecord, message: str) -> None:
        # Left recorded, the turn would keep the session busy (409) until the turn timeout.
        try:
            await self.sessions.withdraw_user_message(before, message)
        except Exception:
            log.exception("a lost turn of %s stays recorded until it times out", before.session_id)
