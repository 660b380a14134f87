"""`/healthz` and `/readyz`, with the journal's checks stood in for."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from careerstream.gateway.api import health
from careerstream.gateway.api.deps import wing
from careerstream.gateway.journal.health import JournalHealth
from careerstream.gateway.settings import GatewaySettings


class Checks:
    def __init__(self, **checks: bool) -> None:
        self.result = {"broker": True, "database": True, "journal": True, **checks}

    async def checks(self) -> dict[str, bool]:
        return self.result


async def probe(checks: Checks) -> httpx.Response:
    app = FastAPI()
    app.include_router(health.router)
    settings = GatewaySettings(replica_id="r-1")
    app.dependency_overrides[wing(JournalHealth)] = lambda: checks
    app.dependency_overrides[wing(GatewaySettings)] = lambda: settings
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        return await client.get("/readyz")


async def test_ready_when_every_check_passes() -> None:
    ready = await probe(Checks())
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "replica": "r-1",
        "broker": True,
        "database": True,
        "journal": True,
    }


@pytest.mark.parametrize("failing", ["broker", "database", "journal"])
async def test_one_failing_check_makes_the_replica_not_ready(failing: str) -> None:
    answer = await probe(Checks(**{failing: False}))
    assert answer.status_code == 503
    assert answer.json()["status"] == "not ready"
    assert answer.json()[failing] is False
