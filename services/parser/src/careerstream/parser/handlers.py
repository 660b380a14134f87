"""Thin subscriber of the parser: a pipeline request in, a profile forwarded to the analyzer."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated

from faststream import Context
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import AnalyzeRequested, PipelineRequested, Profile, Stage
from careerstream.contracts.topology import ANALYZE_REQUESTS, PARSE_REQUESTS
from careerstream.parser.profiling import build_profile
from careerstream.parser.settings import ParserSettings
from careerstream.parser.vocabulary import SkillVocabulary
from careerstream.runtime.stage import Progress, StageRun, run_stage, stage_subscriber


@cache
def vocabulary(onet_dir: Path | None) -> SkillVocabulary:
    return SkillVocabulary.with_onet(onet_dir) if onet_dir else SkillVocabulary.builtin()


def profile_summary(profile: Profile) -> dict[str, object]:
    """What clients see of the profile when the stage completes (not the narrative)."""
    return {"profile": profile.model_dump(mode="json", exclude={"narrative"})}


def build_router(settings: ParserSettings) -> RabbitRouter:
    router = RabbitRouter()

    @stage_subscriber(router, PARSE_REQUESTS, prefetch=settings.prefetch)
    async def on_pipeline_requested(
        request: PipelineRequested,
        message: RabbitMessage,
        broker: Annotated[RabbitBroker, Context()],
    ) -> None:
        async def parse(run: StageRun) -> None:
            await run.started()

            def work(progress: Progress) -> Profile:
                return build_profile(
                    request.conversation,
                    request.collected_info,
                    request.inputs.resume,
                    request.locale,
                    vocabulary(settings.onet_dir),
                    today=date.today(),
                    progress=progress,
                )

            profile = await run.in_thread(work)
            await run.completed(profile_summary(profile))
            await run.forward(
                ANALYZE_REQUESTS,
                AnalyzeRequested(
                    **run.next_request(Stage.ANALYZE),
                    source=request.source,
                    profile=profile,
                    answers=request.inputs.answers,
                ),
            )

        await run_stage(broker, message, request, Stage.PARSE, parse)

    return router
