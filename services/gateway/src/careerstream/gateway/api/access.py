"""What every route needs first: the app's bus, and the session or a 404."""

from __future__ import annotations

from fastapi import Request

from careerstream.gateway.api.errors import session_not_found
from careerstream.gateway.journal.bus import GatewayBus
from careerstream.gateway.journal.store.records import SessionRecord


def bus_of(request: Request) -> GatewayBus:
    bus: GatewayBus = request.app.state.bus
    return bus


async def session_or_404(bus: GatewayBus, session_id: str) -> SessionRecord:
    view = await bus.store.sessions.get(session_id)
    if view is None:
        raise session_not_found(session_id)
    return view
