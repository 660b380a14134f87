"""Thin subscriber of the analyzer: a profile in, interests forwarded to the matcher."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from faststream.rabbit import RabbitRouter

from careerstream.analyzer.assessment import Item, load_items
from careerstream.analyzer.interests import analyze
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.contracts import AnalyzeRequested, MatchRequested
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler


@cache
def form_items(onet_dir: Path | None) -> tuple[Item, ...] | None:
    """The items' English wording (from O*NET), so English evidence can name activities."""
    return tuple(load_items(onet_dir)) if onet_dir else None


def build_router(settings: AnalyzerSettings) -> RabbitRouter:
    router = RabbitRouter()

    @stage_handler(router, settings)
    async def analyze_interests(request: AnalyzeRequested, run: StageRun) -> None:
        items = form_items(settings.onet_dir)
        profile, answers = request.profile, request.answers
        interests = await run.in_thread(analyze, profile, answers, request.locale, items=items)
        await run.completed({"interests": interests.model_dump(mode="json")})
        await run.forward(
            MatchRequested, source=request.source, profile=profile, interests=interests
        )

    return router
