"""The public HTTP API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request
from sse_starlette import EventSourceResponse, ServerSentEvent

from careerstream.contracts import (
    TURN_ENDING_TYPES,
    ErrorRaised,
    Locale,
    SessionEvent,
    Stage,
    TurnCompleted,
    TurnRequested,
)
from careerstream.gateway.api.access import bus_of, session_or_404
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.schemas import ChatReply, ChatTurn, CreateSession, SessionCreated
from careerstream.gateway.api.sse import frame, parse_cursor, reset_reason
from careerstream.gateway.journal.bus import GatewayBus
from careerstream.gateway.journal.feeds import Listener
from careerstream.gateway.journal.replay import journal_then_live
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Refused
from careerstream.gateway.sessions.paging import decode_cursor, encode_cursor
from careerstream.gateway.sessions.requests import turn_request
from careerstream.gateway.sessions.views import (
    SessionList,
    SessionSummary,
    Snapshot,
    StatusView,
    reset_event,
)
from careerstream.gateway.sessions.welcome import WELCOME
from careerstream.understanding.language import detect_locale

router = APIRouter()

_USER_ID = re.compile(r"^[A-Za-z0-9_.@-]{1,128}$")
UserHeader = Annotated[
    str | None,
    Header(
        alias="X-User-Id",
        description="Whose sessions these are: an opaque id the client keeps (until sign-in).",
    ),
]


def _user(raw: str | None, *, required: bool) -> str | None:
    if raw is None or raw == "":
        if required:
            raise ApiError(400, "user_id_required", "Send the X-User-Id header to list sessions.")
        return None
    if not _USER_ID.fullmatch(raw):
        raise ApiError(
            422, "invalid_user_id", "X-User-Id: 1-128 letters, digits or the characters _.@-"
        )
    return raw


def _check_message(bus: GatewayBus, message: str) -> None:
    limit = bus.settings.max_message_chars
    if len(message) > limit:
        raise ApiError(
            413, "message_too_long", f"The message has {len(message)} characters; at most {limit}."
        )


async def _start_turn(bus: GatewayBus, session_id: str, message: str) -> tuple[TurnRequested, int]:
    """Record the message, ask the guide; returns the request and the seq to stream after."""
    try:
        before = await bus.store.sessions.add_user_message(
            session_id, message, admit=Admission(bus.settings.turn_timeout_s).message
        )
    except Refused as refused:
        raise ApiError(409, refused.code, refused.message) from refused
    request = turn_request(before, message)
    try:
        await bus.request_turn(request)
    except Exception as exc:
        raise ApiError(
            503, "guide_unreachable", "The message was kept but could not reach the guide."
        ) from exc
    return request, before.last_seq


def _lagging(session_id: str) -> ErrorRaised:
    return ErrorRaised(
        session_id=session_id,
        code="client_lagging",
        message="This connection fell behind; reconnect with Last-Event-ID.",
        retryable=True,
    )


async def _until_turn_ends(
    bus: GatewayBus, listener: Listener, turn_id: str, sent: int
) -> AsyncIterator[SessionEvent]:
    """The session's events after `sent` until `turn_id` ends, bounded in time.

    Reading the journal first means a turn that finished before the listener was bound
    still arrives whole.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + bus.settings.turn_timeout_s
    tail = journal_then_live(bus.store.events, listener, sent, page=bus.settings.replay_page)
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
                    message=f"No reply within {bus.settings.turn_timeout_s:g} seconds.",
                    retryable=True,
                )
                return
            except StopAsyncIteration:
                yield _lagging(listener.session_id)
                return
            yield event
            if event.turn_id == turn_id and event.type in TURN_ENDING_TYPES:
                return
    finally:
        await tail.aclose()


@router.post("/api/sessions", status_code=201)
async def create_session(
    request: Request,
    user: UserHeader = None,
    body: Annotated[CreateSession | None, Body()] = None,
) -> SessionCreated:
    bus = bus_of(request)
    owner = _user(user, required=False)
    body = body or CreateSession()
    message = body.message if body.message and body.message.strip() else None
    if message is not None:
        _check_message(bus, message)
    locale = body.locale or (detect_locale(message) if message else Locale.ZH)
    view = await bus.store.sessions.create(locale, owner)
    turn_id = None
    if message is not None:
        turn_id = (await _start_turn(bus, view.session_id, message))[0].run_id
    return SessionCreated(
        session_id=view.session_id, locale=locale, welcome=WELCOME[locale], turn_id=turn_id
    )


@router.get("/api/sessions")
async def list_sessions(
    request: Request,
    user: UserHeader = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
) -> SessionList:
    """The caller's sessions, newest first."""
    owner = _user(user, required=True)
    assert owner is not None
    try:
        after = decode_cursor(cursor) if cursor is not None else None
    except ValueError as exc:
        raise ApiError(422, "invalid_cursor", "The page cursor is not one this API gave.") from exc
    page = await bus_of(request).store.sessions.page(owner, limit, after)
    return SessionList(
        sessions=[SessionSummary.of(r) for r in page.records],
        next_cursor=encode_cursor(page.next) if page.next else None,
    )


@router.get("/api/sessions/{session_id}")
async def get_session(request: Request, session_id: str) -> Snapshot:
    """Snapshot: history, collected facts, status and results so far."""
    return Snapshot.of(await session_or_404(bus_of(request), session_id))


@router.get("/api/sessions/{session_id}/status")
async def get_status(request: Request, session_id: str) -> StatusView:
    """Status, stage, progress and message, as the journaled events left them."""
    return StatusView.of(await session_or_404(bus_of(request), session_id))


@router.post("/api/sessions/{session_id}/chat/stream")
async def chat_stream(request: Request, session_id: str, body: ChatTurn) -> EventSourceResponse:
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    _check_message(bus, body.message)

    # Started before the response, so a refusal (409) is an HTTP answer, not an SSE event.
    turn, sent = await _start_turn(bus, session_id, body.message)

    async def stream() -> AsyncIterator[ServerSentEvent]:
        async with bus.feeds.listen(session_id) as listener:
            async for event in _until_turn_ends(bus, listener, turn.run_id, sent):
                yield frame(event)

    return EventSourceResponse(stream(), ping=bus.settings.heartbeat_s)


@router.post("/api/sessions/{session_id}/chat")
async def chat(request: Request, session_id: str, body: ChatTurn) -> ChatReply:
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    _check_message(bus, body.message)
    turn, sent = await _start_turn(bus, session_id, body.message)
    async with bus.feeds.listen(session_id) as listener:
        async for event in _until_turn_ends(bus, listener, turn.run_id, sent):
            if isinstance(event, TurnCompleted) and event.turn_id == turn.run_id:
                return ChatReply(
                    turn_id=turn.run_id,
                    reply=event.reply,
                    is_sufficient=event.is_sufficient,
                    missing=event.missing,
                    stage=Stage.GUIDE.value,
                )
            if isinstance(event, ErrorRaised) and event.turn_id in (turn.run_id, None):
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
    """Every event of the session after the cursor, then live; resumable."""
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    raw = last_event_id_header if last_event_id_header is not None else last_event_id
    cursor = parse_cursor(raw, session_id)
    page = bus.settings.replay_page

    async def stream() -> AsyncIterator[ServerSentEvent]:
        # Subscribe first, then read: nothing can fall between the journal and the feed.
        async with bus.feeds.listen(session_id) as listener:
            view = await session_or_404(bus, session_id)
            reason = reset_reason(cursor, view)
            if reason is not None:
                yield frame(reset_event(view, reason), fallback_id=0)
            after = view.last_seq if reason is not None else cursor.seq
            async for event in journal_then_live(bus.store.events, listener, after, page=page):
                yield frame(event)
            yield frame(_lagging(session_id))

    return EventSourceResponse(stream(), ping=bus.settings.heartbeat_s)
