"""The application factory: every route wired, the web client served, the wings started."""

from __future__ import annotations

import re

import httpx
import pytest

from careerstream.gateway.app import create_app
from careerstream.gateway.settings import GatewaySettings
from tests.support.gateway import running_gateway

ASSET_URL = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def unstarted_app() -> httpx.AsyncClient:
    """The app without its lifespan: nothing connects, so only what needs neither works."""
    app = create_app(GatewaySettings(database_url="sqlite+aiosqlite:///:memory:"))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")


async def test_every_public_route_is_wired() -> None:
    async with unstarted_app() as client:
        schema = (await client.get("/openapi.json")).json()
    routes = {(method.upper(), path) for path, item in schema["paths"].items() for method in item}
    assert routes == {
        ("POST", "/api/sessions"),
        ("GET", "/api/sessions"),
        ("GET", "/api/sessions/{session_id}"),
        ("GET", "/api/sessions/{session_id}/status"),
        ("POST", "/api/sessions/{session_id}/chat"),
        ("POST", "/api/sessions/{session_id}/chat/stream"),
        ("GET", "/api/sessions/{session_id}/events"),
        ("POST", "/api/sessions/{session_id}/resume"),
        ("POST", "/api/sessions/{session_id}/assessment"),
        ("GET", "/api/assessment"),
        ("GET", "/api/sessions/{session_id}/report"),
        ("GET", "/api/sessions/{session_id}/report/pdf"),
    }


async def test_the_app_serves_the_web_client() -> None:
    async with unstarted_app() as client:
        page = await client.get("/")
        assert page.status_code == 200, page.text
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        script = next(u for u in ASSET_URL.findall(page.text) if u.endswith("app.js"))
        assert (await client.get(script)).status_code == 200
        assert (await client.get("/healthz")).json() == {"status": "ok"}


@pytest.mark.broker
async def test_a_started_gateway_is_ready(rabbitmq_url: str, database_url: str) -> None:
    settings = GatewaySettings(rabbitmq_url=rabbitmq_url, database_url=database_url)
    async with running_gateway(settings) as gateway:
        assert (await gateway.http.get("/healthz")).json() == {"status": "ok"}
        ready = await gateway.http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "replica": settings.replica_id,
        "broker": True,
        "database": True,
        "journal": True,
    }
