"""Liveness and readiness routes for a worker's ASGI side (`AsgiFastStream`)."""

from __future__ import annotations

from typing import Any

from faststream.asgi import AsgiResponse, get
from faststream.asgi.types import ASGIApp, Scope
from faststream.rabbit import RabbitBroker

_OK = AsgiResponse(b'{"status":"ok"}', 200, headers={"content-type": "application/json"})
_NOT_READY = AsgiResponse(
    b'{"status":"not ready"}', 503, headers={"content-type": "application/json"}
)


def health_routes(broker: RabbitBroker, *, timeout: float = 2.0) -> list[tuple[str, ASGIApp]]:
    """`/healthz`: the process answers. `/readyz`: broker reachable and every subscriber up."""

    @get(include_in_schema=False)
    async def healthz(scope: Scope) -> AsgiResponse:
        return _OK

    @get(include_in_schema=False)
    async def readyz(scope: Scope) -> AsgiResponse:
        if await broker_ready(broker, within=timeout):
            return _OK
        return _NOT_READY

    return [("/healthz", healthz), ("/readyz", readyz)]


async def broker_ready(broker: RabbitBroker, *, within: float = 2.0) -> bool:
    if not await broker.ping(within):
        return False
    subscribers: Any = broker.subscribers
    return all(getattr(sub, "running", True) for sub in subscribers)
