"""What routes are given, through FastAPI `Depends`: the settings and the wings' services.

`create_app` registers one object of each kind on the app (`provide`); a route names
the kind it needs with the aliases below, so it never sees the bus or the store. A test
replaces one with `app.dependency_overrides[wing(Kind)]` (`wing` gives one dependency
per kind).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Annotated, TypeVar, cast

from fastapi import Depends, FastAPI, Request

from careerstream.gateway.journal.health import JournalHealth
from careerstream.gateway.journal.replay import Replay
from careerstream.gateway.sessions.service import SessionService
from careerstream.gateway.sessions.starts import PipelineStarts
from careerstream.gateway.sessions.turns import Turns
from careerstream.gateway.settings import GatewaySettings

T = TypeVar("T")


def provide(app: FastAPI, *services: object) -> None:
    app.state.services = {type(service): service for service in services}


@cache
def wing(kind: type[T]) -> Callable[[Request], T]:
    """A dependency handing a route the app's object of that kind."""

    def provided(request: Request) -> T:
        return cast(T, request.app.state.services[kind])

    return provided


SettingsDep = Annotated[GatewaySettings, Depends(wing(GatewaySettings))]
SessionsDep = Annotated[SessionService, Depends(wing(SessionService))]
TurnsDep = Annotated[Turns, Depends(wing(Turns))]
StartsDep = Annotated[PipelineStarts, Depends(wing(PipelineStarts))]
ReplayDep = Annotated[Replay, Depends(wing(Replay))]
HealthDep = Annotated[JournalHealth, Depends(wing(JournalHealth))]
