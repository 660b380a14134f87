"""The gateway application factory: `uvicorn --factory careerstream.gateway.app:create_app`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from careerstream.gateway.bus import GatewayBus
from careerstream.gateway.errors import install_error_handlers
from careerstream.gateway.routes import router
from careerstream.gateway.settings import GatewaySettings
from careerstream.gateway.store import SessionStore
from careerstream.runtime.health import broker_ready
from careerstream.runtime.topology import declare_topology


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    bus = GatewayBus(settings, SessionStore())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await bus.broker.connect()
        await declare_topology(bus.broker)
        await bus.broker.start()
        try:
            yield
        finally:
            await bus.broker.stop()

    app = FastAPI(title="careerstream gateway", version="0.1.0", lifespan=lifespan)
    app.state.bus = bus
    install_error_handlers(app)
    app.include_router(router)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        if await broker_ready(bus.broker):
            return JSONResponse({"status": "ok", "replica": settings.replica_id})
        return JSONResponse({"status": "not ready"}, status_code=503)

    return app
