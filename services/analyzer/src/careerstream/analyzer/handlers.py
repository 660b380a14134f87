"""Thin subscriber of the analyzer: a profile in, interests forwarded to the matcher."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from faststream import Context
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.analyzer.assessment import Item, load_items
from careerstream.analyzer.interests import analyze
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.contracts import AnalyzeRequested, InterestProfile, MatchRequested, Stage
from careerstream.contracts.topology import ANALYZE_REQUESTS, MATCH_REQUESTS
from careerstream.runtime.stage import Progress, StageRun, run_stage, stage_subscriber


@cache
def form_items(onet_dir: Path | None) -> tuple[Item, ...] | None:
    """The items' English wording (from O*NET), so English evidence can name activities."""
    return tuple(load_items(onet_dir)) if onet_dir else None


def build_router(settings: AnalyzerSettings) -> RabbitRouter:
    router = RabbitRouter()

    @stage_subscriber(router, ANALYZE_REQUESTS, prefetch=settings.prefetch)
    async def on_analyze_requested(
        request: AnalyzeRequested,
        message: RabbitMessage,
        broker: Annotated[RabbitBroker, Context()],
    ) -> None:
        async def analyze_stage(run: StageRun) -> None:
            await run.started()

            def work(progress: Progress) -> InterestProfile:
                return analyze(
                    request.profile,
                    request.answers,
                    request.locale,
                    progress=progress,
                    items=form_items(settings.onet_dir),
                )

            interests = await run.in_thread(work)
            await run.completed({"interests": interests.model_dump(mode="json")})
            await run.forward(
                MATCH_REQUESTS,
                MatchRequested(
                    **run.next_request(Stage.MATCH),
                    source=request.source,
                    profile=request.profile,
                    interests=interests,
                ),
            )

        await run_stage(broker, message, request, Stage.ANALYZE, analyze_stage)

    return router
