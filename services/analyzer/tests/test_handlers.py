"""The analyzer's subscriber on the in-memory broker: events in order, interests forwarded."""

from __future__ import annotations

from careerstream.analyzer.app import worker
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.contracts import (
    ASSESSMENT_ITEM_IDS,
    AnalyzeRequested,
    Locale,
    MatchRequested,
    Profile,
    Stage,
)
from careerstream.contracts.topology import ANALYZE_REQUESTS, MATCH_REQUESTS
from tests.support.workers import milestones, run_stage_in_memory

NURSE = Profile(
    interests=["照顾病人", "帮助别人"],
    narrative="我在医院做了四年护士，喜欢照顾病人，也喜欢帮助别人。",
    sources=["conversation"],
)


def request(**fields: object) -> AnalyzeRequested:
    return AnalyzeRequested(
        session_id="s1",
        run_id="run-1",
        idempotency_key="run-1:analyze",
        locale=Locale.ZH,
        profile=NURSE,
        **fields,  # type: ignore[arg-type]
    )


async def test_interests_inferred_from_the_profile_are_forwarded_to_the_matcher() -> None:
    broker = worker.broker(AnalyzerSettings(onet_dir=None))
    events, forwarded = await run_stage_in_memory(
        broker, ANALYZE_REQUESTS, request(), MATCH_REQUESTS
    )
    assert milestones(events) == ["stage.started", "stage.completed"]
    assert all(e["stage"] == Stage.ANALYZE.value and e["turn_id"] == "run-1" for e in events)
    progress = [e["progress"] for e in events]
    assert progress == sorted(progress)
    assert (progress[0], progress[-1]) == (0.1, 0.25)
    (sent,) = forwarded
    match = MatchRequested.model_validate(sent)
    assert match.idempotency_key == "run-1:match"
    assert match.interests.source == "inferred"
    assert match.interests.holland_code.startswith("S")
    assert events[-1]["result"]["interests"]["holland_code"] == match.interests.holland_code


async def test_questionnaire_answers_win_over_inference() -> None:
    answers = {item: 5 if item[0] == "R" else 2 for item in ASSESSMENT_ITEM_IDS}
    _, forwarded = await run_stage_in_memory(
        worker.broker(AnalyzerSettings(onet_dir=None)),
        ANALYZE_REQUESTS,
        request(answers=answers, source="assessment"),
        MATCH_REQUESTS,
    )
    interests = MatchRequested.model_validate(forwarded[0]).interests
    assert interests.source == "assessment"
    assert interests.holland_code[0] == "R"
    assert interests.riasec_raw == {"R": 50, "I": 20, "A": 20, "S": 20, "E": 20, "C": 20}
