"""The parser's subscriber on the in-memory broker: a profile built and forwarded."""

from __future__ import annotations

from careerstream.contracts import (
    AnalyzeRequested,
    ChatMessage,
    ChatRole,
    CollectedInfo,
    Locale,
    PipelineInputs,
    PipelineRequested,
    ResumeDocument,
    Stage,
)
from careerstream.contracts.topology import ANALYZE_REQUESTS, PARSE_REQUESTS
from careerstream.parser.app import worker
from careerstream.parser.settings import ParserSettings
from tests.support.workers import milestones, run_stage_in_memory

RESUME = """Jane Doe
Education
MSc Statistics, University of Edinburgh, 2017 - 2019
Experience
Data Analyst, Acme Ltd, Jan 2020 - Present
Skills
Python, SQL, Tableau
"""


async def test_a_resume_becomes_a_profile_for_the_analyzer() -> None:
    answers = {"R01": 3}  # passed through as given: the gateway has checked them
    request = PipelineRequested(
        session_id="s1",
        run_id="run-1",
        idempotency_key="run-1:parse",
        locale=Locale.EN,
        conversation=[ChatMessage(role=ChatRole.USER, content="I love research.")],
        collected_info=CollectedInfo(interests=["research"]),
        source="resume",
        inputs=PipelineInputs(
            resume=ResumeDocument(filename="cv.txt", kind="txt", pages=1, text=RESUME),
            answers=answers,
        ),
    )
    broker = worker.broker(ParserSettings(onet_dir=None))
    events, forwarded = await run_stage_in_memory(broker, PARSE_REQUESTS, request, ANALYZE_REQUESTS)
    assert milestones(events) == ["stage.started", "stage.completed"]
    assert {e["stage"] for e in events} == {Stage.PARSE.value}
    steps = [e for e in events if e["type"] == "stage.progress"]
    assert len(steps) >= 3
    assert [e["progress"] for e in steps] == sorted(e["progress"] for e in steps)
    (sent,) = forwarded
    analyze = AnalyzeRequested.model_validate(sent)
    assert (analyze.run_id, analyze.idempotency_key, analyze.source) == (
        "run-1",
        "run-1:analyze",
        "resume",
    )
    assert analyze.answers == answers
    profile = analyze.profile
    assert profile.highest_level == "master"
    names = {s.name for s in profile.skills}
    assert "Python" in names
    assert "Structured query language SQL" in names  # O*NET's own name for it
    assert profile.experience[0].organization == "Acme Ltd"
    assert set(profile.sources) == {"conversation", "resume"}
    # Clients see the profile on stage.completed, without the person's raw words.
    shown = events[-1]["result"]["profile"]
    assert "narrative" not in shown
    assert shown["highest_level"] == "master"
