from __future__ import annotations

from careerstream.gateway.sessions.errors import NotFound, SessionError, session_not_found


def test_an_unknown_session_says_which() -> None:
    error = session_not_found("abc")
    assert isinstance(error, NotFound)
    assert isinstance(error, SessionError)
    assert error.code == "session_not_found"
    assert "'abc'" in error.message
    assert str(error) == error.message
