"""The gateway app in the test process, started and talked to over ASGI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TypeVar, cast

import httpx
from fastapi import FastAPI

from careerstream.gateway.app import create_app
from careerstream.gateway.settings import GatewaySettings

T = TypeVar("T")


@dataclass(frozen=True)
class GatewayUnderTest:
    app: FastAPI
    http: httpx.AsyncClient

    def service(self, kind: type[T]) -> T:
        """The app's own object of that kind, as its routes are given it."""
        return cast(T, self.app.state.services[kind])


@asynccontextmanager
async def running_gateway(settings: GatewaySettings) -> AsyncIterator[GatewayUnderTest]:
    """Lifespan run (broker, journal, database) for as long as the client is open."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
            yield GatewayUnderTest(app, http)


async def new_session(http: httpx.AsyncClient, locale: str = "en") -> str:
    response = await http.post("/api/sessions", json={"locale": locale})
    assert response.status_code == 201
    session_id: str = response.json()["session_id"]
    return session_id
