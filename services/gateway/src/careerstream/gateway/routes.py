"""The public HTTP API."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request
from fastapi.responses import JSONResponse
from sse_starlette import EventSourceResponse, ServerSentEvent

from careerstream.contracts import (
    TURN_ENDING_TYPES,
    ErrorRaised,
    Locale,
    SessionEvent,
    SessionReset,
    Stage,
    TurnCompleted,
    TurnRequested,
)
from careerstream.gateway.bus import GatewayBus
from careerstream.gateway.errors import ApiError, session_not_found
from careerstream.gateway.feeds import Listener
from careerstream.gateway.schemas import ChatReply, ChatTurn, CreateSession, SessionCreated
from careerstream.gateway.sse import frame, parse_cursor
from careerstream.gateway.store import Session
from careerstream.gateway.welcome import WELCOME
from careerstream.runtime.language import detect_locale

router = APIRouter()


def _bus(request: Request) -> GatewayBus:
    bus: GatewayBus = request.app.state.bus
    return bus


async def _session(bus: GatewayBus, session_id: str) -> Session:
    session = await bus.store.get(session_id)
    if session is None:
        raise session_not_found(session_id)
    return session


def _check_message(bus: GatewayBus, message: str) -> None:
    limit = bus.settings.max_message_chars
    if len(message) > limit:
        raise ApiError(
            413, "message_too_long", f"The message has {len(message)} characters; at most {limit}."
        )


async def _start_turn(bus: GatewayBus, session: Session, message: str) -> TurnRequested:
    request = TurnRequested(
        session_id=session.session_id,
        locale=session.locale,
        message=message,
        history=list(session.history),
    )
    await bus.store.add_user_message(session.session_id, message)
    await bus.request_turn(request)
    return request


@router.post("/api/sessions", status_code=201)
async def create_session(
    request: Request, body: Annotated[CreateSession | None, Body()] = None
) -> SessionCreated:
    bus = _bus(request)
    body = body or CreateSession()
    message = body.message if body.message and body.message.strip() else None
    if message is not None:
        _check_message(bus, message)
    locale = body.locale or (detect_locale(message) if message else Locale.ZH)
    session = await bus.store.create(locale)
    turn_id = None
    if message is not None:
        turn_id = (await _start_turn(bus, session, message)).run_id
    return SessionCreated(
        session_id=session.session_id, locale=locale, welcome=WELCOME[locale], turn_id=turn_id
    )


@router.get("/api/sessions/{session_id}")
async def get_session(request: Request, session_id: str) -> JSONResponse:
    session = await _session(_bus(request), session_id)
    return JSONResponse(session.snapshot())


async def _turn_events(
    bus: GatewayBus, listener: Listener, turn_id: str
) -> AsyncIterator[SessionEvent]:
    """Events of the session until `turn_id` ends; a timeout ends it with an error."""
    deadline = time.monotonic() + bus.settings.turn_timeout_s
    while True:
        remaining = deadline - time.monotonic()
        try:
            event = await asyncio.wait_for(listener.events.get(), timeout=max(remaining, 0))
        except TimeoutError:
            yield ErrorRaised(
                session_id=listener.session_id,
                turn_id=turn_id,
                stage=Stage.GUIDE,
                code="turn_timeout",
                message=f"No reply within {bus.settings.turn_timeout_s:g} seconds.",
                retryable=True,
            )
            return
        yield event
        if event.turn_id == turn_id and event.type in TURN_ENDING_TYPES:
            return


@router.post("/api/sessions/{session_id}/chat/stream")
async def chat_stream(request: Request, session_id: str, body: ChatTurn) -> EventSourceResponse:
    bus = _bus(request)
    session = await _session(bus, session_id)
    _check_message(bus, body.message)

    async def stream() -> AsyncIterator[ServerSentEvent]:
        async with bus.feeds.listen(session_id) as listener:
            turn = await _start_turn(bus, session, body.message)
            async for event in _turn_events(bus, listener, turn.run_id):
                yield frame(event)

    return EventSourceResponse(stream(), ping=bus.settings.heartbeat_s)


@router.post("/api/sessions/{session_id}/chat")
async def chat(request: Request, session_id: str, body: ChatTurn) -> ChatReply:
    bus = _bus(request)
    session = await _session(bus, session_id)
    _check_message(bus, body.message)
    async with bus.feeds.listen(session_id) as listener:
        turn = await _start_turn(bus, session, body.message)
        async for event in _turn_events(bus, listener, turn.run_id):
            if event.turn_id != turn.run_id:
                continue
            if isinstance(event, TurnCompleted):
                return ChatReply(
                    turn_id=turn.run_id,
                    reply=event.reply,
                    is_sufficient=event.is_sufficient,
                    missing=event.missing,
                    stage=Stage.GUIDE.value,
                )
            if isinstance(event, ErrorRaised):
                status = 504 if event.code == "turn_timeout" else 502
                raise ApiError(status, event.code, event.message)
    raise ApiError(502, "turn_incomplete", "The turn ended without a reply.")


@router.get("/api/sessions/{session_id}/events")
async def session_events(
    request: Request,
    session_id: str,
    last_event_id: Annotated[str | None, Query()] = None,
    last_event_id_header: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> EventSourceResponse:
    bus = _bus(request)
    await _session(bus, session_id)
    cursor = parse_cursor(
        last_event_id_header if last_event_id_header is not None else last_event_id
    )

    async def stream() -> AsyncIterator[ServerSentEvent]:
        # Subscribe first, then read the journal: nothing falls between the two,
        # and the merge below drops what both deliver.
        async with bus.feeds.listen(session_id) as listener:
            session = await _session(bus, session_id)
            sent = 0
            if cursor is not None and (cursor < 0 or cursor > session.last_seq):
                reason = "malformed cursor" if cursor < 0 else "cursor ahead of the session"
                yield frame(
                    SessionReset(
                        session_id=session_id,
                        seq=session.last_seq or None,
                        snapshot=session.snapshot(),
                        reason=reason,
                    )
                )
                sent = session.last_seq
            else:
                for event in await bus.store.events_after(session_id, cursor or 0):
                    yield frame(event)
                    sent = event.seq or sent
                sent = max(sent, cursor or 0)
            while True:
                if listener.overflowed:
                    yield frame(
                        ErrorRaised(
                            session_id=session_id,
                            code="client_lagging",
                            message="This connection fell behind; reconnect with Last-Event-ID.",
                            retryable=True,
                        )
                    )
                    return
                event = await listener.events.get()
                if event.seq is not None and event.seq <= sent:
                    continue
                yield frame(event)
                sent = event.seq or sent

    return EventSourceResponse(stream(), ping=bus.settings.heartbeat_s)
