"""Thin subscriber of the guide: a turn request in, the turn's events out."""

from __future__ import annotations

from faststream.rabbit import RabbitRouter

from careerstream.contracts import TurnRequested
from careerstream.guide.llm import GuideModel
from careerstream.guide.settings import GuideSettings
from careerstream.guide.turns import take_turn
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler


def build_router(settings: GuideSettings, model: GuideModel | None = None) -> RabbitRouter:
    router = RabbitRouter()
    writer = model or GuideModel(settings)

    @stage_handler(router, settings)
    async def answer(request: TurnRequested, run: StageRun) -> None:
        await take_turn(request, writer, run, deadline_s=settings.turn_deadline_s)

    return router
