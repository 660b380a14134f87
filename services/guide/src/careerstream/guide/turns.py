"""One conversational turn, from the person's message to `turn.completed` (no broker).

Plan what to say (what the message told, what is still missing, whether enough is
known), have it written — by the configured model, or by the offline engine, which
also takes over when the model fails — and end the turn, naming the run it asks for
when enough is known (the gateway starts that run). What a turn publishes goes
through `TurnOutput`, which the stage harness provides.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any, Protocol

from pydantic import ValidationError

from careerstream.contracts import CollectedInfo, SessionMessage, TurnCompleted, TurnRequested
from careerstream.guide.interview import TurnPlan, plan_turn
from careerstream.guide.llm import GuideModel, ModelError
from careerstream.guide.prompts import template
from careerstream.understanding import extract, merge

log = logging.getLogger("careerstream.guide")


class TurnOutput(Protocol):
    """Where a turn's events go (the stage harness's `StageRun`)."""

    attempt: int
    tokens_published: int

    async def stream(self, pieces: AsyncIterator[str]) -> str: ...
    async def retrying(self, reason: str, *, attempt: int | None = None) -> None: ...
    async def failed(self, code: str, message: str, *, retryable: bool = False) -> None: ...
    async def publish(self, kind: type[SessionMessage], **fields: Any) -> None: ...
    def derived_id(self, *purpose: object) -> str: ...


async def plan_with_model(model: GuideModel, request: TurnRequested) -> TurnPlan:
    """The offline plan, improved by the model's extraction when one is configured."""
    offline = extract(request.message)
    learned = offline
    if model.hosted is not None and model.settings.extract_with_model and request.report is None:
        data = await model.hosted.complete_json(
            [
                {"role": "system", "content": template("extract", request.locale)},
                {"role": "user", "content": request.message},
            ]
        )
        if data is not None:
            try:
                # The offline facts stay: the model may add to them, not take them away.
                learned = merge(offline, CollectedInfo.model_validate(data))
            except ValidationError:
                log.info("model extraction did not fit the contract; offline facts kept")
    return plan_turn(
        request.message,
        request.history,
        request.locale,
        request.collected_info,
        request.asked,
        request.report,
        learned=learned,
    )


async def write_reply(
    model: GuideModel, plan: TurnPlan, request: TurnRequested, out: TurnOutput
) -> str | None:
    """The reply as streamed tokens; None when even the offline engine failed (turn over)."""
    try:
        return await out.stream(model.reply(plan, request.history, request.message))
    except ModelError as exc:
        if model.offline:
            await out.failed("model_error", str(exc), retryable=True)
            return None
        log.warning("turn %s: model failed (%s); the offline guide answers", request.run_id, exc)
        if out.tokens_published:
            # Clients drop what the failed model had written, then read the offline reply.
            await out.retrying("model_failed", attempt=out.attempt + 1)
        return await out.stream(model.offline_reply(plan))


def pipeline_run_id(out: TurnOutput) -> str:
    """The run a sufficient turn asks for; the gateway starts it once it has journaled the turn.

    Derived from the turn's key: a redelivered turn asks for the same run, not a second one.
    """
    return out.derived_id("pipeline")


async def take_turn(
    request: TurnRequested, model: GuideModel, out: TurnOutput, *, deadline_s: float | None = None
) -> None:
    """One turn, ended by `turn.completed` or a typed `error`.

    Planning and writing must finish within `deadline_s`; past it, the model call is
    cancelled (its stream closed) and the turn ends with `turn_timeout`, retryable: the
    person may send the message again.
    """
    deadline = asyncio.timeout(deadline_s)
    try:
        async with deadline:
            plan = await plan_with_model(model, request)
            reply = await write_reply(model, plan, request, out)
    except TimeoutError:
        if not deadline.expired():
            raise
        log.warning(
            "turn %s: no reply within %gs; the model call is cut off", request.run_id, deadline_s
        )
        await out.failed(
            "turn_timeout",
            f"The guide did not finish within {deadline_s:g} seconds.",
            retryable=True,
        )
        return
    if reply is None:
        return
    # Outside the deadline: a turn that wrote its reply is not cut off while saying so.
    await out.publish(
        TurnCompleted,
        reply=reply,
        is_sufficient=plan.is_sufficient,
        missing=[topic.value for topic in plan.missing],
        collected_info=plan.collected if plan.report is None else None,
        asked=list(plan.asked),
        pipeline_run_id=pipeline_run_id(out) if plan.start_pipeline else None,
        locale=plan.locale,
    )
