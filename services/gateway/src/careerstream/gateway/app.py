"""The gateway application factory: `uvicorn --factory careerstream.gateway.app:create_app`.

Wires the three wings: the journal (bus, writer, store), the sessions wing's services
on top of it, and the API's routes, which are handed those services through `Depends`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from careerstream.gateway.api import events, health, report, sessions, starts, turns, web
from careerstream.gateway.api.deps import provide
from careerstream.gateway.api.errors import install_error_handlers
from careerstream.gateway.journal.bus import JournalBus
from careerstream.gateway.journal.health import JournalHealth
from careerstream.gateway.journal.replay import Replay
from careerstream.gateway.journal.retention import sweep_retention
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.migrate import upgrade
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.dispatch import StageRequests
from careerstream.gateway.sessions.outbox import StartRelay
from careerstream.gateway.sessions.requests import HistoryBound
from careerstream.gateway.sessions.service import SessionService
from careerstream.gateway.sessions.starts import PipelineStarts
from careerstream.gateway.sessions.turns import Turns
from careerstream.gateway.settings import GatewaySettings

ROUTERS = (sessions, turns, events, starts, report, health, web)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    database_url = settings.resolved_database_url()
    store = Store.open(database_url)
    bus = JournalBus(settings, store.events)
    requests = StageRequests(bus.broker)
    admission = Admission(settings.turn_timeout_s)
    relay = StartRelay(store.sessions, requests, sweep_s=settings.outbox_sweep_s)
    bus.writer.on_starts(relay.notice)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await upgrade(database_url)
        await bus.start()
        relay.start()
        sweeper = asyncio.create_task(
            sweep_retention(
                store.events,
                retention_s=settings.event_retention_s,
                every_s=settings.retention_sweep_s,
            ),
            name="retention",
        )
        try:
            yield
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
            await relay.stop()
            await bus.stop()
            await store.close()

    app = FastAPI(title="careerstream gateway", version="0.1.0", lifespan=lifespan)
    provide(
        app,
        settings,
        SessionService(store.sessions),
        Turns(
            store.sessions,
            requests,
            admission,
            HistoryBound(settings.turn_history_messages, settings.turn_history_chars),
        ),
        PipelineStarts(store.sessions, relay, admission),
        Replay(bus.feeds, store.events, page=settings.replay_page),
        JournalHealth(bus, store),
    )
    install_error_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)
    return app
