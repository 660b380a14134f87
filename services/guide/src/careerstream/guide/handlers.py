"""Thin subscribers: decode the turn request, run the turn, publish its events."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from faststream import Context
from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import (
    ErrorRaised,
    Stage,
    StageRetrying,
    TokenStreamed,
    TurnCompleted,
    TurnRequested,
)
from careerstream.contracts.topology import GUIDE_TURNS
from careerstream.guide.interview import plan_turn
from careerstream.guide.llm import ModelError, stream_completion
from careerstream.guide.prompts import build_messages
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event
from careerstream.runtime.topology import stage_queue, stages_exchange

log = logging.getLogger("careerstream.guide")


async def run_turn(broker: RabbitBroker, settings: GuideSettings, request: TurnRequested) -> None:
    plan = plan_turn(request.message, request.history, request.locale)
    messages = build_messages(plan, request.history, request.message)
    common: dict[str, Any] = {
        "session_id": request.session_id,
        "turn_id": request.run_id,
        "stage": Stage.GUIDE,
    }
    pieces = stream_completion(settings.model, messages, timeout_s=settings.model_timeout_s)
    reply: list[str] = []
    try:
        async for text in coalesce(
            pieces, window_s=settings.token_flush_ms / 1000, max_chars=settings.token_flush_chars
        ):
            reply.append(text)
            await publish_event(broker, TokenStreamed(text=text, **common))
    except ModelError as exc:
        log.warning("turn %s of session %s failed: %s", request.run_id, request.session_id, exc)
        await publish_event(
            broker,
            ErrorRaised(code="model_error", message=str(exc), retryable=True, **common),
        )
        return
    await publish_event(
        broker,
        TurnCompleted(
            reply="".join(reply),
            is_sufficient=plan.is_sufficient,
            missing=[topic.value for topic in plan.missing],
            **common,
        ),
    )


def build_router(settings: GuideSettings) -> RabbitRouter:
    router = RabbitRouter()

    @router.subscriber(
        stage_queue(GUIDE_TURNS),
        stages_exchange,
        channel=Channel(prefetch_count=settings.prefetch),
        # Ack after the turn's events are confirmed; a crash mid-turn redelivers it.
        ack_policy=AckPolicy.NACK_ON_ERROR,
    )
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
        await run_turn(broker, settings, request)

    return router
