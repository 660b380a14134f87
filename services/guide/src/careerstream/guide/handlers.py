"""Thin subscribers: decode the turn request, run the turn, publish its events."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from faststream import Context
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitRouter
from pydantic import ValidationError

from careerstream.contracts import (
    CollectedInfo,
    ErrorRaised,
    Stage,
    StageRetrying,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
)
from careerstream.contracts.topology import GUIDE_TURNS
from careerstream.guide.extraction import extract, merge
from careerstream.guide.interview import TurnPlan, plan_turn
from careerstream.guide.llm import GuideModel, ModelError, stream_offline
from careerstream.guide.prompts import build_messages, template
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event
from careerstream.runtime.stage import stage_subscriber

log = logging.getLogger("careerstream.guide")


class Turn:
    """One turn's publishing: every event carries the session, the turn and the stage."""

    def __init__(self, broker: RabbitBroker, settings: GuideSettings, request: TurnRequested):
        self.broker = broker
        self.settings = settings
        self.request = request
        self.meta: dict[str, Any] = {
            "session_id": request.session_id,
            "turn_id": request.run_id,
            "stage": Stage.GUIDE,
        }
        self.tokens_published = 0

    async def stream(self, pieces: AsyncIterator[str]) -> str:
        """Publish the pieces as coalesced tokens; returns the whole text."""
        parts: list[str] = []
        async for text in coalesce(
            pieces,
            window_s=self.settings.token_flush_ms / 1000,
            max_chars=self.settings.token_flush_chars,
        ):
            parts.append(text)
            await publish_event(self.broker, TokenStreamed(text=text, **self.meta))
            self.tokens_published += 1
        return "".join(parts)


async def plan_with_model(model: GuideModel, request: TurnRequested) -> TurnPlan:
    """The offline plan, improved by the model's extraction when one is configured."""
    offline = extract(request.message)
    learned = offline
    if not model.offline and model.settings.extract_with_model and request.report is None:
        locale = request.locale
        data = await model.complete_json(
            [
                {"role": "system", "content": template("extract", locale)},
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


async def run_turn(
    broker: RabbitBroker, settings: GuideSettings, model: GuideModel, request: TurnRequested
) -> None:
    turn = Turn(broker, settings, request)
    plan = await plan_with_model(model, request)
    messages = build_messages(plan, request.history, request.message)
    try:
        reply = await turn.stream(model.stream(messages))
    except ModelError as exc:
        log.warning("turn %s: model failed (%s); the offline guide answers", request.run_id, exc)
        if model.offline:
            error = ErrorRaised(code="model_error", message=str(exc), retryable=True, **turn.meta)
            await publish_event(broker, error)
            return
        if turn.tokens_published:
            # Clients drop what the failed model had written, then read the offline reply.
            await publish_event(
                broker,
                StageRetrying(attempt=request.attempt + 1, reason="model_failed", **turn.meta),
            )
        reply = await turn.stream(stream_offline(messages))

    await publish_event(
        broker,
        TurnCompleted(
            reply=reply,
            is_sufficient=plan.is_sufficient,
            missing=[topic.value for topic in plan.missing],
            collected_info=plan.collected if plan.report is None else None,
            asked=list(plan.asked),
            pipeline_run_id=pipeline_run_id(request) if plan.start_pipeline else None,
            locale=plan.locale,
            **turn.meta,
        ),
    )


def pipeline_run_id(request: TurnRequested) -> str:
    """The run this turn asks for; the gateway starts it when it journals `turn.completed`.

    Derived from the turn's key: a redelivered turn asks for the same run, not a second one.
    """
    key = f"{request.idempotency_key}:pipeline"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def build_router(settings: GuideSettings, model: GuideModel) -> RabbitRouter:
    router = RabbitRouter()

    @stage_subscriber(router, GUIDE_TURNS, prefetch=settings.prefetch)
    async def on_turn_requested(
        request: TurnRequested,
        message: RabbitMessage,
        broker: Annotated[RabbitBroker, Context()],
    ) -> None:
        if message.raw_message.redelivered:
            # A replica died mid-turn: clients drop the partial reply they saw.
            await publish_event(
                broker,
                StageRetrying(
                    session_id=request.session_id,
                    turn_id=request.run_id,
                    stage=Stage.GUIDE,
                    attempt=request.attempt + 1,
                    reason="redelivered after a worker stopped mid-turn",
                ),
            )
        await run_turn(broker, settings, model, request)

    return router
