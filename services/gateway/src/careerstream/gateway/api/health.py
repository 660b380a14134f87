"""Routes: `/healthz` (the process answers) and `/readyz` (it can do its part)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from careerstream.gateway.api.deps import HealthDep, SettingsDep
from careerstream.gateway.api.schemas import Readiness

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", response_model=Readiness)
async def readyz(health: HealthDep, settings: SettingsDep) -> JSONResponse:
    checks = await health.checks()
    ready = all(checks.values())
    body = Readiness(status="ok" if ready else "not ready", replica=settings.replica_id, **checks)
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)
