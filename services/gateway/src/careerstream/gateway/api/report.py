"""Routes: the report a run ends with, as JSON and as PDF."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from careerstream.contracts import ReportDocument
from careerstream.gateway.api.deps import SessionsDep

router = APIRouter()


@router.get("/api/sessions/{session_id}/report")
async def get_report(session_id: str, sessions: SessionsDep) -> ReportDocument:
    """The report as JSON: Holland code, RIASEC scores and source, matches, Markdown."""
    return await sessions.report(session_id)


@router.get("/api/sessions/{session_id}/report/pdf")
async def get_report_pdf(session_id: str, sessions: SessionsDep) -> Response:
    pdf = await sessions.report_pdf(session_id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="careerstream-{session_id}.pdf"'},
    )
