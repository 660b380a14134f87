"""Request bodies refuse what the API cannot take; responses keep their shape."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from careerstream.gateway.api.schemas import (
    ChatTurn,
    CreateSession,
    PipelineStarted,
    ResumeSummary,
)
from careerstream.gateway.journal.status import SessionStatus


@pytest.mark.parametrize("message", ["", "   ", "\n\t"])
def test_a_turn_needs_something_said(message: str) -> None:
    with pytest.raises(ValidationError, match="empty"):
        ChatTurn(message=message)


def test_bodies_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        CreateSession.model_validate({"message": "hi", "mood": "good"})
    with pytest.raises(ValidationError):
        CreateSession.model_validate({"locale": "fr"})


def test_a_started_run_answers_with_or_without_a_resume() -> None:
    started = PipelineStarted(
        session_id="s1", run_id="r1", status=SessionStatus.ANALYZING, source="assessment"
    )
    assert started.model_dump(mode="json") == {
        "session_id": "s1",
        "run_id": "r1",
        "status": "analyzing",
        "source": "assessment",
        "resume": None,
    }
    resume = ResumeSummary(filename="cv.pdf", kind="pdf", pages=2, chars=900)
    with_resume = started.model_copy(update={"resume": resume, "source": "resume"})
    assert with_resume.model_dump(mode="json")["resume"] == {
        "filename": "cv.pdf",
        "kind": "pdf",
        "pages": 2,
        "chars": 900,
    }
