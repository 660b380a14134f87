"""Why the sessions wing turns a request down; the API maps each kind to a status."""

from __future__ import annotations


class SessionError(Exception):
    """`code` is the stable name clients read; `message` says what to do about it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NotFound(SessionError):
    """No such session for this caller, or nothing of that kind in it yet."""


class Refused(SessionError):
    """The session is busy with something that must end first."""


class Unreachable(SessionError):
    """The work could not be handed on; nothing of it stays recorded."""


class Invalid(SessionError):
    """A value this API did not give out."""


def session_not_found(session_id: str) -> NotFound:
    return NotFound("session_not_found", f"No session with id {session_id!r}.")
