"""Routes that start the analysis pipeline: a résumé upload, the questionnaire's answers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, UploadFile
from fastapi import File as FileField

from careerstream.contracts import Locale, PipelineInputs, answer_problems
from careerstream.contracts.questionnaire import questionnaire
from careerstream.gateway.api.deps import SessionsDep, SettingsDep, StartsDep
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.schemas import (
    AssessmentAnswers,
    PipelineStarted,
    Questionnaire,
    ResumeSummary,
)
from careerstream.gateway.api.uploads import read_resume
from careerstream.gateway.journal.store.records import SessionRecord

router = APIRouter()


def _started(
    record: SessionRecord, source: str, resume: ResumeSummary | None = None
) -> PipelineStarted:
    assert record.pipeline_run_id is not None
    return PipelineStarted(
        session_id=record.session_id,
        run_id=record.pipeline_run_id,
        status=record.status,
        source=source,
        resume=resume,
    )


@router.post("/api/sessions/{session_id}/resume", status_code=202)
async def upload_resume(
    session_id: str,
    file: Annotated[UploadFile, FileField(description="The résumé: PDF, DOCX or TXT.")],
    sessions: SessionsDep,
    starts: StartsDep,
    settings: SettingsDep,
) -> PipelineStarted:
    """Read a résumé (type told by content), keep its text and run the pipeline."""
    await sessions.get(session_id)
    resume = await read_resume(
        file, max_bytes=settings.max_upload_bytes, max_pages=settings.max_upload_pages
    )
    record = await starts.start(session_id, PipelineInputs(resume=resume), "resume")
    summary = ResumeSummary(
        filename=resume.filename, kind=resume.kind, pages=resume.pages, chars=len(resume.text)
    )
    return _started(record, "resume", summary)


@router.get("/api/assessment")
async def get_questionnaire(
    settings: SettingsDep, locale: Annotated[Locale, Query()] = Locale.ZH
) -> Questionnaire:
    """The sixty items and the 1-5 scale in the asked language, for a client to show."""
    form = questionnaire(locale, settings.onet_dir)
    if form is None:
        raise ApiError(
            404,
            "questionnaire_unavailable",
            "The English wording comes from the O*NET release; set ONET_DIR to serve it.",
        )
    return Questionnaire.model_validate(form)


@router.post("/api/sessions/{session_id}/assessment", status_code=202)
async def answer_assessment(
    session_id: str, body: AssessmentAnswers, sessions: SessionsDep, starts: StartsDep
) -> PipelineStarted:
    """Score the 60-item Interest Profiler: the answers alone are enough to run the pipeline."""
    await sessions.get(session_id)
    problems = answer_problems(body.answers)
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise ApiError(422, "invalid_answers", f"The answers cannot be scored: {shown}")
    answers = {key: int(value) for key, value in body.answers.items()}  # type: ignore[call-overload]
    record = await starts.start(session_id, PipelineInputs(answers=answers), "assessment")
    return _started(record, "assessment")
