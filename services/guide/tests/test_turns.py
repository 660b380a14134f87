"""A turn without a broker: what it publishes through its output, in order."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from careerstream.contracts import (
    ErrorRaised,
    Locale,
    PipelineRequested,
    SessionMessage,
    StageRequest,
    StageRetrying,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
)
from careerstream.guide.interview import TurnPlan, plan_turn
from careerstream.guide.llm import GuideModel, ModelError
from careerstream.guide.offline import write_reply
from careerstream.guide.settings import GuideSettings
from careerstream.guide.turns import take_turn

SUFFICIENT = "我有生物学硕士学位，做了两年实验室技术员，喜欢徒步和教小朋友，最看重工作稳定。"


class RecordingOutput:
    """Stands in for the stage harness: keeps what the turn published."""

    def __init__(self, attempt: int = 1) -> None:
        self.attempt = attempt
        self.tokens_published = 0
        self.published: list[SessionMessage] = []
        self.forwarded: list[StageRequest] = []

    async def stream(self, pieces: AsyncIterator[str]) -> str:
        parts = []
        async for piece in pieces:
            parts.append(piece)
            await self.publish(TokenStreamed, text=piece)
            self.tokens_published += 1
        return "".join(parts)

    async def retrying(self, reason: str, *, attempt: int | None = None) -> None:
        await self.publish(StageRetrying, attempt=attempt or self.attempt, reason=reason)

    async def failed(self, code: str, message: str, *, retryable: bool = False) -> None:
        await self.publish(ErrorRaised, code=code, message=message, retryable=retryable)

    async def publish(self, kind: type[SessionMessage], **fields: Any) -> None:
        self.published.append(kind(session_id="s1", **fields))

    async def forward(self, kind: type[Any], *, run_id: str | None = None, **fields: Any) -> Any:
        request = kind(session_id="s1", run_id=run_id or "turn-1", **fields)
        self.forwarded.append(request)
        return request

    def derived_id(self, *purpose: object) -> str:
        return "-".join(str(p) for p in ("key", *purpose))


class FailingMidReply(GuideModel):
    """A configured model that writes a little, then breaks."""

    async def _broken(self) -> AsyncIterator[str]:
        yield "The model starts "
        raise ModelError("connection reset")

    def reply(self, plan: TurnPlan, history: Any, message: str) -> AsyncIterator[str]:
        return self._broken()


async def test_the_reply_is_streamed_then_the_turn_completes_in_its_language() -> None:
    out = RecordingOutput()
    await take_turn(
        TurnRequested(session_id="s1", message="你好"), GuideModel(GuideSettings()), out
    )
    *tokens, completed = out.published
    assert isinstance(completed, TurnCompleted)
    assert completed.reply == "".join(t.text for t in tokens if isinstance(t, TokenStreamed))
    assert completed.locale is Locale.ZH
    assert completed.pipeline_run_id is None
    assert not out.forwarded


async def test_a_model_failing_mid_reply_is_dropped_and_the_offline_engine_answers() -> None:
    out = RecordingOutput(attempt=1)
    model = FailingMidReply(GuideSettings(model="openai/broken", api_key="k"))
    await take_turn(TurnRequested(session_id="s1", message="Hello"), model, out)
    kinds = [m.type for m in out.published]
    retry = kinds.index("stage.retrying")
    assert kinds[:retry] == ["token"]
    assert out.published[retry].attempt == 2  # type: ignore[attr-defined]
    completed = out.published[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.reply.startswith("Hello, I'm your careerstream guide")


async def test_when_the_offline_engine_itself_fails_the_turn_ends_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(self: GuideModel, plan: TurnPlan) -> AsyncIterator[str]:
        raise ModelError("engine broke")
        yield ""  # pragma: no cover - makes this an async generator

    monkeypatch.setattr(GuideModel, "offline_reply", broken)
    out = RecordingOutput()
    await take_turn(TurnRequested(session_id="s1", message="hi"), GuideModel(GuideSettings()), out)
    (error,) = out.published
    assert isinstance(error, ErrorRaised)
    assert (error.code, error.retryable) == ("model_error", True)


async def test_a_sufficient_turn_asks_for_one_run_named_after_the_turn() -> None:
    out = RecordingOutput()
    request = TurnRequested(session_id="s1", locale=Locale.EN, message=SUFFICIENT)
    await take_turn(request, GuideModel(GuideSettings()), out)
    completed = out.published[-1]
    assert isinstance(completed, TurnCompleted)
    assert completed.is_sufficient
    assert completed.pipeline_run_id == "key-pipeline"
    (run,) = out.forwarded
    assert isinstance(run, PipelineRequested)
    assert (run.run_id, run.locale) == ("key-pipeline", Locale.ZH)
    assert completed.reply == write_reply(plan_turn(request.message, [], request.locale))
