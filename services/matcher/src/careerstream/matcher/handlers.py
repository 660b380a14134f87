"""Thin subscriber of the matcher: profile and interests in, ranked occupations forwarded."""

from __future__ import annotations

import asyncio
from typing import Annotated

from faststream import Context
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import MatchRequested, OccupationMatch, ReportRequested, Stage
from careerstream.contracts.topology import MATCH_REQUESTS, REPORT_REQUESTS
from careerstream.matcher.ranking import OccupationIndex, load_index, rank
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.stage import Progress, StageRun, run_stage, stage_subscriber


class IndexHolder:
    """The occupation index, loaded once per process.

    The app warms it in the background as soon as the worker starts, so the first
    request rarely waits; a request that arrives first loads it and reports that work
    as the first half of its progress.
    """

    def __init__(self, settings: MatcherSettings) -> None:
        self.settings = settings
        self.index: OccupationIndex | None = None
        self._lock = asyncio.Lock()
        self._warming: asyncio.Task[OccupationIndex] | None = None

    def _load(self, progress: Progress) -> OccupationIndex:
        return load_index(
            self.settings.onet_dir,
            self.settings.cache_dir,
            progress=lambda fraction, message: progress(fraction / 2, message),
        )

    async def get(self, run: StageRun | None = None) -> OccupationIndex:
        async with self._lock:
            if self.index is None:
                if run is not None:
                    self.index = await run.in_thread(self._load)
                else:
                    self.index = await asyncio.to_thread(self._load, lambda f, m: None)
            return self.index

    @property
    def warming(self) -> bool:
        return self._warming is not None

    async def warm(self) -> None:
        """Start loading without waiting for it (async: FastStream runs sync hooks in threads)."""
        self._warming = asyncio.ensure_future(self.get())


def build_router(settings: MatcherSettings, holder: IndexHolder) -> RabbitRouter:
    router = RabbitRouter()

    @stage_subscriber(router, MATCH_REQUESTS, prefetch=settings.prefetch)
    async def on_match_requested(
        request: MatchRequested,
        message: RabbitMessage,
        broker: Annotated[RabbitBroker, Context()],
    ) -> None:
        async def match(run: StageRun) -> None:
            await run.started()
            loaded = holder.index is not None
            index = await holder.get(run)

            def work(progress: Progress) -> list[OccupationMatch]:
                def scaled(fraction: float, message: str) -> None:
                    progress(fraction if loaded else 0.5 + fraction / 2, message)

                return rank(
                    index,
                    request.profile,
                    request.interests,
                    request.locale,
                    top_n=settings.top_n,
                    progress=scaled,
                )

            matches = await run.in_thread(work)
            await run.completed(
                {
                    "matches": [m.model_dump(mode="json") for m in matches],
                    "data_source": index.data_source,
                    "attribution": index.attribution,
                }
            )
            await run.forward(
                REPORT_REQUESTS,
                ReportRequested(
                    **run.next_request(Stage.REPORT),
                    source=request.source,
                    profile=request.profile,
                    interests=request.interests,
                    matches=matches,
                    data_source=index.data_source,
                    attribution=index.attribution,
                ),
            )

        await run_stage(broker, message, request, Stage.MATCH, match)

    return router
