"""The session store and event journal (in memory).

One writer per session assigns `seq` in arrival order and updates the session's
projection (history, status) with the same call. This in-memory form lives as
long as the process; issue "Sessions that survive" puts the same interface on
a database so sessions and their events outlive restarts and replicas.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from careerstream.contracts import (
    ChatMessage,
    ChatRole,
    Locale,
    SessionEvent,
    TurnCompleted,
    new_id,
    utc_now,
)


@dataclass
class Session:
    session_id: str
    locale: Locale
    created_at: datetime
    history: list[ChatMessage] = field(default_factory=list)
    status: str = "idle"
    last_seq: int = 0

    def snapshot(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "locale": self.locale.value,
            "created_at": self.created_at.isoformat(),
            "status": self.status,
            "last_seq": self.last_seq,
            "history": [m.model_dump(mode="json") for m in self.history],
        }


class SessionStore:
    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._events: dict[str, list[SessionEvent]] = defaultdict(list)
        self._seen: dict[str, set[str]] = defaultdict(set)
        self._lock = asyncio.Lock()

    async def create(self, locale: Locale) -> Session:
        session = Session(session_id=new_id(), locale=locale, created_at=utc_now())
        self._sessions[session.session_id] = session
        return session

    async def get(self, session_id: str) -> Session | None:
        return self._sessions.get(session_id)

    async def add_user_message(self, session_id: str, text: str) -> None:
        session = self._sessions[session_id]
        session.history.append(ChatMessage(role=ChatRole.USER, content=text))
        session.status = "replying"

    async def append(self, event: SessionEvent) -> SessionEvent | None:
        """Journal one event; returns it numbered, or None for a redelivered duplicate."""
        async with self._lock:
            seen = self._seen[event.session_id]
            if event.event_id in seen:
                return None
            seen.add(event.event_id)
            events = self._events[event.session_id]
            numbered = event.numbered(len(events) + 1)
            events.append(numbered)
            self._project(numbered)
            return numbered

    def _project(self, event: SessionEvent) -> None:
        session = self._sessions.get(event.session_id)
        if session is None:
            return
        assert event.seq is not None
        session.last_seq = event.seq
        if isinstance(event, TurnCompleted):
            session.history.append(ChatMessage(role=ChatRole.ASSISTANT, content=event.reply))
            session.status = "idle"
        elif event.type == "error":
            session.status = "idle"

    async def events_after(self, session_id: str, seq: int) -> list[SessionEvent]:
        return list(self._events.get(session_id, [])[seq:])
