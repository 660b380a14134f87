"""The matcher's subscriber on the in-memory broker: ranked occupations forwarded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careerstream.contracts import (
    InterestProfile,
    Locale,
    MatchRequested,
    Profile,
    ReportRequested,
)
from careerstream.contracts.topology import MATCH_REQUESTS, REPORT_REQUESTS
from careerstream.matcher.app import worker
from careerstream.matcher.handlers import IndexHolder
from careerstream.matcher.settings import MatcherSettings
from tests.support.workers import milestones, run_stage_in_memory


async def run_once(
    holder: IndexHolder, analyst: tuple[Profile, InterestProfile]
) -> tuple[list[dict[str, Any]], ReportRequested]:
    profile, interests = analyst
    request = MatchRequested(
        session_id="s1",
        run_id="run-1",
        idempotency_key="run-1:match",
        locale=Locale.EN,
        profile=profile,
        interests=interests,
    )
    broker = worker.broker(holder.settings, holder=holder)
    events, forwarded = await run_stage_in_memory(broker, MATCH_REQUESTS, request, REPORT_REQUESTS)
    return events, ReportRequested.model_validate(forwarded[0])


async def test_matches_are_ranked_and_forwarded_with_their_attribution(
    tmp_path: Path, analyst: tuple[Profile, InterestProfile]
) -> None:
    settings = MatcherSettings(onet_dir=None, cache_dir=tmp_path, top_n=7)
    holder = IndexHolder(settings)
    events, report = await run_once(holder, analyst)
    assert milestones(events) == ["stage.started", "stage.completed"]
    messages = [e["message"] for e in events if e["type"] == "stage.progress"]
    progress = [e["progress"] for e in events]
    assert progress == sorted(progress)
    assert (progress[0], progress[-1]) == (0.25, 0.55)
    assert len(report.matches) == 7
    assert report.data_source == "careerstream built-in catalogue"
    assert "O*NET" in (report.attribution or "")
    assert report.idempotency_key == "run-1:report"
    shown = events[-1]["result"]
    assert [m["code"] for m in shown["matches"]] == [m.code for m in report.matches]

    # The index stays loaded: a second request only ranks.
    again, _ = await run_once(holder, analyst)
    later = [e["message"] for e in again if e["type"] == "stage.progress"]
    assert len(later) < len(messages)
