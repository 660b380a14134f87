"""The application factory: every route wired, the web client served, the wings started."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from careerstream.contracts import Locale, PipelineRequested, TurnCompleted
from careerstream.gateway.app import create_app
from careerstream.gateway.journal.status import SessionStatus
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.sessions.turns import Turns
from careerstream.gateway.settings import GatewaySettings
from careerstream.runtime.publishing import publish_event
from tests.support.gateway import GatewayUnderTest, running_gateway

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


@pytest.mark.broker
async def test_a_run_a_turn_asks_for_is_published_once_the_turn_is_journaled(
    gateway: GatewayUnderTest, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guide only names the run; the gateway records it, then asks the parser."""
    requests = gateway.service(Turns).requests
    published: list[tuple[PipelineRequested, SessionRecord | None]] = []

    async def keep(request: PipelineRequested) -> None:
        # What the session looked like at the moment the request left.
        published.append((request, await store.sessions.get(request.session_id)))

    monkeypatch.setattr(requests, "pipeline", keep)
    session = await store.sessions.create(Locale.EN)
    asks = TurnCompleted(
        session_id=session.session_id,
        reply="Let me look into it.",
        is_sufficient=True,
        pipeline_run_id="run-from-a-turn",
        locale=Locale.ZH,
    )
    await publish_event(requests.broker, asks)  # as the guide does
    async with asyncio.timeout(30):
        while not published:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
    ((request, at_publish),) = published
    assert (request.run_id, request.source, request.locale) == (
        "run-from-a-turn",
        "conversation",
        Locale.ZH,
    )
    assert at_publish is not None
    assert at_publish.pipeline_run_id == "run-from-a-turn", "known before the parser hears of it"
    assert at_publish.status is SessionStatus.ANALYZING
    async with asyncio.timeout(10):  # and the outbox mark is cleared after the publish
        while True:
            cleared = await store.sessions.get(session.session_id)
            assert cleared is not None
            if cleared.start_pending_at is None:
                break
            await asyncio.sleep(0.02)
