"""Routes: one conversational turn, answered as JSON (`chat`) or streamed (`chat/stream`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Annotated

from fastapi import APIRouter, Depends
from sse_starlette import EventSourceResponse, ServerSentEvent

from careerstream.contracts import (
    TURN_ENDING_TYPES,
    ErrorRaised,
    SessionEvent,
    Stage,
    TurnCompleted,
)
from careerstream.gateway.api.deps import ReplayDep, SessionsDep, SettingsDep, TurnsDep
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.schemas import ChatReply, ChatTurn
from careerstream.gateway.api.sse import frame, lagging
from careerstream.gateway.journal.feeds import Listener
from careerstream.gateway.journal.replay import Replay
from careerstream.gateway.sessions.turns import TurnStarted

router = APIRouter()


def check_message(message: str, limit: int) -> None:
    if len(message) > limit:
        raise ApiError(
            413, "message_too_long", f"The message has {len(message)} characters; at most {limit}."
        )


async def until_turn_ends(
    replay: Replay, listener: Listener, turn_id: str, sent: int, *, timeout_s: float
) -> AsyncIterator[SessionEvent]:
    """The session's events after `sent` until `turn_id` ends, bounded in time.

    Reading the journal first means a turn that finished before the listener was bound
    still arrives whole.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    tail = replay.after(listener, sent)
    try:
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    event = await anext(tail)
            except TimeoutError:
                yield ErrorRaised(
                    session_id=listener.session_id,
                    turn_id=turn_id,
                    stage=Stage.GUIDE,
                    code="turn_timeout",
                    message=f"No reply within {timeout_s:g} seconds.",
                    retryable=True,
                )
                return
            except StopAsyncIteration:
                yield lagging(listener.session_id)
                return
            yield event
            if event.turn_id == turn_id and event.type in TURN_ENDING_TYPES:
                return
    finally:
        await tail.aclose()


async def start_turn(
    session_id: str, body: ChatTurn, sessions: SessionsDep, turns: TurnsDep, settings: SettingsDep
) -> TurnStarted:
    """Both turn routes start theirs before answering, so a 409 is an HTTP answer."""
    await sessions.get(session_id)
    check_message(body.message, settings.max_message_chars)
    return await turns.start(session_id, body.message)


StartedTurn = Annotated[TurnStarted, Depends(start_turn)]


async def turn_events(
    replay: Replay, session_id: str, turn: TurnStarted, timeout_s: float
) -> AsyncGenerator[SessionEvent]:
    async with replay.listen(session_id) as listener:
        async for event in until_turn_ends(
            replay, listener, turn.turn_id, turn.after_seq, timeout_s=timeout_s
        ):
            yield event


@router.post("/api/sessions/{session_id}/chat/stream")
async def chat_stream(
    session_id: str, turn: StartedTurn, replay: ReplayDep, settings: SettingsDep
) -> EventSourceResponse:
    """The turn's events as SSE, until it ends."""

    async def stream() -> AsyncIterator[ServerSentEvent]:
        async for event in turn_events(replay, session_id, turn, settings.turn_timeout_s):
            yield frame(event)

    return EventSourceResponse(stream(), ping=settings.heartbeat_s)


@router.post("/api/sessions/{session_id}/chat")
async def chat(
    session_id: str, turn: StartedTurn, replay: ReplayDep, settings: SettingsDep
) -> ChatReply:
    """The guide's whole reply, once the turn ends (504 when it does not in time)."""
    events = turn_events(replay, session_id, turn, settings.turn_timeout_s)
    async with aclosing(events):  # leaving early still lets go of the live feed at once
        async for event in events:
            if isinstance(event, TurnCompleted) and event.turn_id == turn.turn_id:
                return ChatReply(
                    turn_id=turn.turn_id,
                    reply=event.reply,
                    is_sufficient=event.is_sufficient,
                    missing=event.missing,
                    stage=Stage.GUIDE.value,
                )
            if isinstance(event, ErrorRaised) and event.turn_id in (turn.turn_id, None):
                status = 504 if event.code == "turn_timeout" else 502
                raise ApiError(status, event.code, event.message)
    raise ApiError(502, "turn_incomplete", "The turn ended without a reply.")
