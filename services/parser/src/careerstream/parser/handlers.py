"""Thin subscriber of the parser: a pipeline request in, a profile forwarded to the analyzer."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from faststream.rabbit import RabbitRouter

from careerstream.contracts import AnalyzeRequested, PipelineRequested, Profile
from careerstream.parser.profiling import build_profile
from careerstream.parser.settings import ParserSettings
from careerstream.parser.vocabulary import SkillVocabulary
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler


@cache
def vocabulary(onet_dir: Path | None) -> SkillVocabulary:
    return SkillVocabulary.with_onet(onet_dir) if onet_dir else SkillVocabulary.builtin()


def profile_summary(profile: Profile) -> dict[str, object]:
    """What clients see of the profile when the stage completes (not the narrative)."""
    return {"profile": profile.model_dump(mode="json", exclude={"narrative"})}


def build_router(settings: ParserSettings) -> RabbitRouter:
    router = RabbitRouter()

    @stage_handler(router, settings)
    async def parse(request: PipelineRequested, run: StageRun) -> None:
        profile = await run.in_thread(
            build_profile,
            request.conversation,
            request.collected_info,
            request.inputs.resume,
            request.locale,
            vocabulary(settings.onet_dir),
            today=date.today(),
        )
        await run.completed(profile_summary(profile))
        await run.forward(
            AnalyzeRequested, source=request.source, profile=profile, answers=request.inputs.answers
        )

    return router
