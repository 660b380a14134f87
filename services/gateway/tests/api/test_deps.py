"""Routes get their services through `Depends`: one registered object per kind."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from careerstream.gateway.api.deps import SettingsDep, provide, wing
from careerstream.gateway.settings import GatewaySettings


def test_one_dependency_per_kind() -> None:
    assert wing(GatewaySettings) is wing(GatewaySettings)


async def test_a_route_is_handed_what_the_app_registered() -> None:
    app = FastAPI()

    @app.get("/replica")
    async def replica(settings: SettingsDep) -> str:
        return settings.replica_id

    provide(app, GatewaySettings(replica_id="from-the-app"), object())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        assert (await client.get("/replica")).json() == "from-the-app"
        app.dependency_overrides[wing(GatewaySettings)] = lambda: GatewaySettings(
            replica_id="stand-in"
        )
        assert (await client.get("/replica")).json() == "stand-in"
