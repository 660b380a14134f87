"""A turn on the stage harness with a recording broker: what it publishes, in order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    Stage,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
)
from careerstream.guide.interview import TurnPlan, plan_turn
from careerstream.guide.llm import GuideModel, ModelError
from careerstream.guide.offline import write_reply
from careerstream.guide.settings import GuideSettings
from careerstream.guide.turns import take_turn
from careerstream.runtime.stage import StageRun
from tests.support.recording import RecordingBroker

SUFFICIENT = "我有生物学硕士学位，做了两年实验室技术员，喜欢徒步和教小朋友，最看重工作稳定。"


def harness(request: TurnRequested, attempt: int = 1) -> tuple[StageRun, RecordingBroker]:
    """The real stage harness, on a broker that only records."""
    broker = RecordingBroker()
    # No coalescing window: each piece is published as it comes, so a failure mid-reply
    # always leaves something for clients to drop.
    run = StageRun(broker, request, Stage.GUIDE, attempt=attempt, token_window_s=0)  # type: ignore[arg-type]
    return run, broker


def requests_sent(broker: RecordingBroker) -> list[dict[str, object]]:
    return [p["body"] for p in broker.published if "type" not in p["body"]]


class FailingMidReply(GuideModel):
    """A configured model that writes a little, then breaks."""

    async def _broken(self) -> AsyncIterator[str]:
        yield "The model starts "
        raise ModelError("connection reset")

    def reply(self, plan: TurnPlan, history: Any, message: str) -> AsyncIterator[str]:
        return self._broken()


class Trickling(GuideModel):
    """A configured model that keeps writing and never finishes."""

    closed = False

    async def _endless(self) -> AsyncIterator[str]:
        try:
            for n in range(10_000):
                yield f"word{n} "
                await asyncio.sleep(0.01)
        finally:
            self.closed = True

    def reply(self, plan: TurnPlan, history: Any, message: str) -> AsyncIterator[str]:
        return self._endless()


async def test_a_turn_past_its_deadline_ends_with_a_retryable_timeout() -> None:
    request = TurnRequested(session_id="s1", message="Hello")
    run, broker = harness(request)
    model = Trickling(GuideSettings())
    await take_turn(request, model, run, deadline_s=0.2)
    entries = broker.entries()
    assert model.closed, "the model's stream was closed"
    assert not any(isinstance(e, TurnCompleted) for e in entries)
    error = entries[-1]
    assert isinstance(error, ErrorRaised)
    assert (error.code, error.retryable, error.turn_id) == ("turn_timeout", True, request.run_id)


async def test_a_timeout_inside_the_turn_is_not_taken_for_the_deadline() -> None:
    class TimingOut(GuideModel):
        async def _late(self) -> AsyncIterator[str]:
            raise TimeoutError("some inner timeout")
            yield ""

        def reply(self, plan: TurnPlan, history: Any, message: str) -> AsyncIterator[str]:
            return self._late()

    request = TurnRequested(session_id="s1", message="Hello")
    run, _ = harness(request)
    with pytest.raises(TimeoutError, match="inner"):
        await take_turn(request, TimingOut(GuideSettings()), run, deadline_s=60)


async def test_the_reply_is_streamed_then_the_turn_completes_in_its_language() -> None:
    request = TurnRequested(session_id="s1", message="你好")
    run, broker = harness(request)
    await take_turn(request, GuideModel(GuideSettings()), run)
    *tokens, completed = broker.entries()
    assert isinstance(completed, TurnCompleted)
    assert completed.reply == "".join(t.text for t in tokens if isinstance(t, TokenStreamed))
    assert (completed.locale, completed.turn_id) == (Locale.ZH, request.run_id)
    assert completed.pipeline_run_id is None
    assert not requests_sent(broker)


async def test_a_model_failing_mid_reply_is_dropped_and_the_offline_engine_answers() -> None:
    request = TurnRequested(session_id="s1", message="Hello")
    run, broker = harness(request)
    model = FailingMidReply(GuideSettings(model="openai/broken", api_key="k"))
    await take_turn(request, model, run)
    entries = broker.entries()
    kinds = [m.type for m in entries]
    retry = kinds.index("stage.retrying")
    assert kinds[:retry] == ["token"]
    assert entries[retry].attempt == 2
    completed = entries[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.reply.startswith("Hello, I'm your careerstream guide")


async def test_when_the_offline_engine_itself_fails_the_turn_ends_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(self: GuideModel, plan: TurnPlan) -> AsyncIterator[str]:
        raise ModelError("engine broke")
        yield ""  # pragma: no cover - makes this an async generator

    monkeypatch.setattr(GuideModel, "offline_reply", broken)
    request = TurnRequested(session_id="s1", message="hi")
    run, broker = harness(request)
    await take_turn(request, GuideModel(GuideSettings()), run)
    (error,) = broker.entries()
    assert isinstance(error, ErrorRaised)
    assert (error.code, error.retryable) == ("model_error", True)


async def test_a_sufficient_turn_names_one_run_and_leaves_starting_it_to_the_gateway() -> None:
    request = TurnRequested(session_id="s1", locale=Locale.EN, message=SUFFICIENT)
    run, broker = harness(request)
    again, _ = harness(request, attempt=2)
    await take_turn(request, GuideModel(GuideSettings()), run)
    completed = broker.entries()[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.is_sufficient
    # Named after the turn's key: a redelivered turn asks for the same run.
    assert completed.pipeline_run_id == again.derived_id("pipeline")
    assert completed.locale is Locale.ZH  # the run is written in the language of the turn
    assert not requests_sent(broker), "the gateway starts the run once it has journaled the turn"
    assert completed.reply == write_reply(plan_turn(request.message, [], request.locale))
