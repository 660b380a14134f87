"""Routes: create a session, list a user's sessions, read one's snapshot and status."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query

from careerstream.contracts import Locale
from careerstream.gateway.api.deps import SessionsDep, SettingsDep, TurnsDep
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.schemas import CreateSession, SessionCreated
from careerstream.gateway.api.turns import check_message
from careerstream.gateway.sessions.views import SessionList, Snapshot, StatusView
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


@router.post("/api/sessions", status_code=201)
async def create_session(
    sessions: SessionsDep,
    turns: TurnsDep,
    settings: SettingsDep,
    user: UserHeader = None,
    body: Annotated[CreateSession | None, Body()] = None,
) -> SessionCreated:
    """A new session; a first `message` starts its first turn and sets its language."""
    owner = _user(user, required=False)
    body = body or CreateSession()
    message = body.message if body.message and body.message.strip() else None
    if message is not None:
        check_message(message, settings.max_message_chars)
    locale = body.locale or (detect_locale(message) if message else Locale.ZH)
    record = await sessions.create(locale, owner)
    turn_id = None
    if message is not None:
        turn_id = (await turns.start(record.session_id, message)).turn_id
    return SessionCreated(
        session_id=record.session_id, locale=locale, welcome=WELCOME[locale], turn_id=turn_id
    )


@router.get("/api/sessions")
async def list_sessions(
    sessions: SessionsDep,
    user: UserHeader = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
) -> SessionList:
    """The caller's sessions, newest first."""
    owner = _user(user, required=True)
    assert owner is not None
    return await sessions.list_for_owner(owner, limit, cursor)


@router.get("/api/sessions/{session_id}")
async def get_session(sessions: SessionsDep, session_id: str) -> Snapshot:
    """Snapshot: history, collected facts, status and results so far."""
    return Snapshot.of(await sessions.get(session_id))


@router.get("/api/sessions/{session_id}/status")
async def get_status(sessions: SessionsDep, session_id: str) -> StatusView:
    """Status, stage, progress and message, as the journaled events left them."""
    return StatusView.of(await sessions.get(session_id))
