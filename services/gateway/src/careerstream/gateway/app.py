"""The gateway application factory: `uvicorn --factory careerstream.gateway.app:create_app`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from careerstream.gateway.api.errors import install_error_handlers
from careerstream.gateway.api.pipeline import router as pipeline_router
from careerstream.gateway.api.routes import router
from careerstream.gateway.api.web import router as web_router
from careerstream.gateway.journal.bus import GatewayBus
from careerstream.gateway.journal.retention import sweep_retention
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.migrate import upgrade
from careerstream.gateway.settings import GatewaySettings

log = logging.getLogger("careerstream.gateway")


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    database_url = settings.resolved_database_url()
    store = Store.open(database_url)
    bus = GatewayBus(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await upgrade(database_url)
        await bus.start()
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
            await bus.stop()
            await store.close()

    app = FastAPI(title="careerstream gateway", version="0.1.0", lifespan=lifespan)
    app.state.bus = bus
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(pipeline_router)
    app.include_router(web_router)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        checks = {
            "broker": await bus.ready(),
            "database": await store.ping(),
            "journal": bus.writer.healthy,
        }
        ready = all(checks.values())
        body = {"status": "ok" if ready else "not ready", "replica": settings.replica_id, **checks}
        return JSONResponse(body, status_code=200 if ready else 503)

    return app
