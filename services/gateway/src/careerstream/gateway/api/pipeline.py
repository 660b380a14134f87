"""Routes that start the analysis pipeline, and the report it ends with."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, UploadFile
from fastapi import File as FileField
from fastapi.responses import JSONResponse, Response

from careerstream.contracts import (
    Locale,
    PipelineInputs,
    ResumeDocument,
    answer_problems,
)
from careerstream.contracts.inputs import MAX_RESUME_CHARS
from careerstream.contracts.questionnaire import questionnaire
from careerstream.documents import Document, DocumentRejected, read_document
from careerstream.gateway.api.access import bus_of, session_or_404
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.schemas import AssessmentAnswers, PipelineStarted
from careerstream.gateway.journal.bus import GatewayBus
from careerstream.gateway.journal.store.records import SessionRecord
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Refused
from careerstream.gateway.sessions.requests import pipeline_request

router = APIRouter()

# How each refusal of the document reader answers over HTTP.
_REFUSAL_STATUS = {
    "file_too_large": 413,
    "too_many_pages": 413,
    "unsupported_type": 415,
}


async def _start(
    bus: GatewayBus, session_id: str, inputs: PipelineInputs, source: str
) -> SessionRecord:
    """Keep the inputs, mark the run started, hand it to the parser."""
    try:
        view = await bus.store.sessions.record_start(
            session_id,
            inputs.model_dump(mode="json", exclude_none=True),
            source=source,
            admit=Admission(bus.settings.turn_timeout_s).start,
        )
    except Refused as refused:
        raise ApiError(409, refused.code, refused.message) from refused
    assert view.pipeline_run_id is not None
    request = pipeline_request(view, source)
    try:
        await bus.request_pipeline(request)
    except Exception as exc:
        await bus.store.sessions.abandon_start(
            session_id, view.pipeline_run_id, "the analysis could not be started"
        )
        raise ApiError(
            503, "pipeline_unreachable", "The analysis could not be started; try again shortly."
        ) from exc
    return view


def _started(view: SessionRecord, source: str, **extra: Any) -> JSONResponse:
    assert view.pipeline_run_id is not None
    body = PipelineStarted(
        session_id=view.session_id,
        run_id=view.pipeline_run_id,
        status=view.status,
        source=source,
        **extra,
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=202)


async def _read_upload(file: UploadFile, limit: int) -> bytes:
    # One byte past the limit is enough to know it is too large, without reading it all.
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(
            413, "file_too_large", f"The file is larger than {limit:,} bytes; send a smaller one."
        )
    return data


@router.post("/api/sessions/{session_id}/resume", status_code=202)
async def upload_resume(
    request: Request,
    session_id: str,
    file: Annotated[UploadFile, FileField(description="The résumé: PDF, DOCX or TXT.")],
) -> JSONResponse:
    """Read a résumé (type told by content), keep its text and run the pipeline."""
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    settings = bus.settings
    data = await _read_upload(file, settings.max_upload_bytes)
    try:
        document: Document = await asyncio.to_thread(
            read_document,
            data,
            max_bytes=settings.max_upload_bytes,
            max_pages=settings.max_upload_pages,
        )
    except DocumentRejected as refused:
        raise ApiError(
            _REFUSAL_STATUS.get(refused.code, 422), refused.code, refused.message
        ) from refused
    text = document.text.strip()[:MAX_RESUME_CHARS]
    if not text:
        raise ApiError(422, "empty_file", "The file holds no text to read.")
    resume = ResumeDocument(
        filename=(file.filename or "resume")[-255:],
        kind=document.kind.value,
        pages=document.pages,
        text=text,
    )
    view = await _start(bus, session_id, PipelineInputs(resume=resume), "resume")
    summary = {"filename": resume.filename, "kind": resume.kind, "pages": resume.pages}
    return _started(view, "resume", resume={**summary, "chars": len(text)})


@router.get("/api/assessment")
async def get_questionnaire(
    request: Request, locale: Annotated[Locale, Query()] = Locale.ZH
) -> dict[str, Any]:
    """The sixty items and the 1-5 scale in the asked language, for a client to show."""
    form = questionnaire(locale, bus_of(request).settings.onet_dir)
    if form is None:
        raise ApiError(
            404,
            "questionnaire_unavailable",
            "The English wording comes from the O*NET release; set ONET_DIR to serve it.",
        )
    return form


@router.post("/api/sessions/{session_id}/assessment", status_code=202)
async def answer_assessment(
    request: Request, session_id: str, body: AssessmentAnswers
) -> JSONResponse:
    """Score the 60-item Interest Profiler: the answers alone are enough to run the pipeline."""
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    problems = answer_problems(body.answers)
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise ApiError(422, "invalid_answers", f"The answers cannot be scored: {shown}")
    answers = {key: int(value) for key, value in body.answers.items()}  # type: ignore[call-overload]
    view = await _start(bus, session_id, PipelineInputs(answers=answers), "assessment")
    return _started(view, "assessment")


def _no_report(session_id: str) -> ApiError:
    return ApiError(
        404,
        "report_not_ready",
        f"Session {session_id!r} has no report yet; it is ready after `session.completed`.",
    )


@router.get("/api/sessions/{session_id}/report")
async def get_report(request: Request, session_id: str) -> dict[str, Any]:
    """The report as JSON: Holland code, RIASEC scores and source, matches, Markdown."""
    view = await session_or_404(bus_of(request), session_id)
    if view.report is None:
        raise _no_report(session_id)
    return view.report


@router.get("/api/sessions/{session_id}/report/pdf")
async def get_report_pdf(request: Request, session_id: str) -> Response:
    bus = bus_of(request)
    await session_or_404(bus, session_id)
    pdf = await bus.store.sessions.report_pdf(session_id)
    if pdf is None:
        raise _no_report(session_id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="careerstream-{session_id}.pdf"'},
    )
