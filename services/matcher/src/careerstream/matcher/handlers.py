"""Thin subscriber of the matcher: profile and interests in, ranked occupations forwarded."""

from __future__ import annotations

import asyncio

from faststream.rabbit import RabbitRouter

from careerstream.contracts import MatchRequested, Progress, ReportRequested, no_progress
from careerstream.matcher.ranking import OccupationIndex, load_index, rank
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler
from careerstream.runtime.worker import Subscribers

# A request that has to load the index first spends the first half of its bar on it.
LOADING_SHARE = (0.0, 0.5)
RANKING_AFTER_LOADING = (0.5, 1.0)


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

    def _load(self, *, progress: Progress) -> OccupationIndex:
        return load_index(self.settings.onet_dir, self.settings.cache_dir, progress=progress)

    async def get(self, run: StageRun | None = None) -> OccupationIndex:
        async with self._lock:
            if self.index is None:
                if run is not None:
                    self.index = await run.in_thread(self._load, share=LOADING_SHARE)
                else:
                    self.index = await asyncio.to_thread(self._load, progress=no_progress)
            return self.index

    @property
    def warming(self) -> bool:
        return self._warming is not None

    async def warm(self) -> None:
        """Start loading without waiting for it (async: FastStream runs sync hooks in threads)."""
        self._warming = asyncio.ensure_future(self.get())


def build_subscribers(settings: MatcherSettings, holder: IndexHolder | None = None) -> Subscribers:
    router = RabbitRouter()
    holder = holder or IndexHolder(settings)

    @stage_handler(router, settings)
    async def match(request: MatchRequested, run: StageRun) -> None:
        loaded = holder.index is not None
        index = await holder.get(run)
        matches = await run.in_thread(
            rank,
            index,
            request.profile,
            request.interests,
            request.locale,
            top_n=settings.top_n,
            share=(0.0, 1.0) if loaded else RANKING_AFTER_LOADING,
        )
        await run.completed(
            {
                "matches": [m.model_dump(mode="json") for m in matches],
                "data_source": index.data_source,
                "attribution": index.attribution,
            }
        )
        await run.forward(
            ReportRequested,
            source=request.source,
            profile=request.profile,
            interests=request.interests,
            matches=matches,
            data_source=index.data_source,
            attribution=index.attribution,
        )

    # Embedding 923 O*NET occupations the first time takes tens of seconds: start at once.
    return Subscribers(router, after_startup=[holder.warm])
