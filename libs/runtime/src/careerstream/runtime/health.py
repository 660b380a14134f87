"""Liveness and readiness routes for a worker's ASGI side (`AsgiFastStream`)."""

from __future__ import annotations

import json
from typing import Any

from faststream.asgi import AsgiResponse, get
from faststream.asgi.types import ASGIApp, Scope
from faststream.rabbit import RabbitBroker

from careerstream.runtime.deadletters import DeadLetterWatch

_JSON = {"content-type": "application/json"}
_OK = AsgiResponse(b'{"status":"ok"}', 200, headers=_JSON)
_NOT_READY = AsgiResponse(b'{"status":"not ready"}', 503, headers=_JSON)


def health_routes(
    broker: RabbitBroker, *, watch: DeadLetterWatch | None = None, timeout: float = 2.0
) -> list[tuple[str, ASGIApp]]:
    """`/healthz`: the process answers. `/readyz`: broker reachable and every subscriber up;
    with a dead-letter watch it also reports the letters waiting and those logged here
    (news for an operator, not a reason to be unready)."""

    @get(include_in_schema=False)
    async def healthz(scope: Scope) -> AsgiResponse:
        return _OK

    @get(include_in_schema=False)
    async def readyz(scope: Scope) -> AsgiResponse:
        if not await broker_ready(broker, within=timeout):
            return _NOT_READY
        if watch is None:
            return _OK
        body = {"status": "ok", "dead_letters": await watch.report(broker)}
        return AsgiResponse(json.dumps(body).encode(), 200, headers=_JSON)

    return [("/healthz", healthz), ("/readyz", readyz)]


async def broker_ready(broker: RabbitBroker, *, within: float = 2.0) -> bool:
    if not await broker.ping(within):
        return False
    subscribers: Any = broker.subscribers
    return all(getattr(sub, "running", True) for sub in subscribers)
