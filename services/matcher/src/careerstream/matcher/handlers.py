"""Thin subscriber of the matcher: profile and interests in, ranked occupations forwarded."""

from __future__ import annotations

import asyncio
from typing import Annotated

from faststream import Context
from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import MatchRequested, OccupationMatch, ReportRequested, Stage
from careerstream.contracts.topology import MATCH_REQUESTS, REPORT_REQUESTS
from careerstream.matcher.ranking import OccupationIndex, load_index, rank
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.stage import Progress, StageRun, run_stage
from careerstream.runtime.topology import stage_queue, stages_exchange


class IndexHolder:
    """The occupation index, loaded once per process by the first request that needs it."""

    def __init__(self, settings: MatcherSettings) -> None:
        self.settings = settings
        self.index: OccupationIndex | None = None
        self._lock = asyncio.Lock()

    async def get(self, run: StageRun) -> OccupationIndex:
        async with self._lock:
            if self.index is None:
                settings = self.settings

                def load(progress: Progress) -> OccupationIndex:
                    # Loading is the first half of this run's work when it happens.
                    return load_index(
                        settings.onet_dir,
                        settings.cache_dir,
                        progress=lambda f, m: progress(f / 2, m),
                    )

                self.index = await run.in_thread(load)
            return self.index


def build_router(settings: MatcherSettings) -> RabbitRouter:
    router = RabbitRouter()
    holder = IndexHolder(settings)

    @router.subscriber(
        stage_queue(MATCH_REQUESTS),
        stages_exchange,
        channel=Channel(prefetch_count=settings.prefetch),
        ack_policy=AckPolicy.NACK_ON_ERROR,
    )
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
