"""Live session feeds inside one gateway replica.

The replica's exclusive queue is bound to `session.<id>` on the live exchange
while at least one of its clients listens to that session, and unbound when
the last one leaves. Each listener gets its own bounded buffer; one that falls
too far behind is cut off (it reconnects and resumes from its last id).

A session's binding changes are serialised by a lock that lives only while
someone holds or waits for it, so a replica that served many sessions keeps
no lock for those no longer listened to.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from careerstream.contracts import SessionEvent

BindingChange = Callable[[str], Awaitable[None]]


class Listener:
    def __init__(self, session_id: str, buffer: int) -> None:
        self.session_id = session_id
        self.events: asyncio.Queue[SessionEvent] = asyncio.Queue(maxsize=buffer)
        self.overflowed = False

    def offer(self, event: SessionEvent) -> None:
        if self.overflowed:
            return
        try:
            self.events.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed = True


@dataclass
class _SessionLock:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # holding or waiting


class SessionFeeds:
    def __init__(self, bind: BindingChange, unbind: BindingChange, *, buffer: int) -> None:
        self._bind = bind
        self._unbind = unbind
        self._buffer = buffer
        self._listeners: dict[str, set[Listener]] = defaultdict(set)
        self._locks: dict[str, _SessionLock] = {}

    @asynccontextmanager
    async def _locked(self, session_id: str) -> AsyncIterator[None]:
        guard = self._locks.setdefault(session_id, _SessionLock())
        guard.users += 1
        try:
            async with guard.lock:
                yield
        finally:
            guard.users -= 1
            if guard.users == 0:
                del self._locks[session_id]

    @asynccontextmanager
    async def listen(self, session_id: str) -> AsyncIterator[Listener]:
        """Yields once the binding is in place: every event published after that arrives.

        Binding changes are shielded from cancellation: a client that hangs up cancels
        its stream, and an AMQP call cancelled half-way makes the client library close
        the channel that every consumer of this replica shares.
        """
        listener = Listener(session_id, self._buffer)
        async with self._locked(session_id):
            if not self._listeners[session_id]:
                await asyncio.shield(self._bind(session_id))
            self._listeners[session_id].add(listener)
        try:
            yield listener
        finally:
            async with self._locked(session_id):
                listeners = self._listeners[session_id]
                listeners.discard(listener)
                if not listeners:
                    del self._listeners[session_id]
                    await asyncio.shield(self._unbind(session_id))

    def dispatch(self, event: SessionEvent) -> None:
        for listener in self._listeners.get(event.session_id, ()):
            listener.offer(event)

    @property
    def session_count(self) -> int:
        return len(self._listeners)

    @property
    def lock_count(self) -> int:
        return len(self._locks)
