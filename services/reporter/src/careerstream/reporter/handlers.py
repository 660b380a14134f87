"""Thin subscriber of the reporter: writes the report as tokens, renders its PDF, ends the run."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated

from faststream import Context
from faststream.rabbit import RabbitBroker, RabbitMessage, RabbitRouter

from careerstream.contracts import (
    ReportRendered,
    ReportRequested,
    SessionCompleted,
    Stage,
)
from careerstream.contracts.topology import REPORT_REQUESTS
from careerstream.reporter.pdf import render_pdf
from careerstream.reporter.settings import ReporterSettings
from careerstream.reporter.writing import report_document, report_sections, stream_pieces
from careerstream.runtime.publishing import publish_event
from careerstream.runtime.stage import Progress, StageRun, run_stage, stage_subscriber


async def _paced(text: str, pace_s: float) -> AsyncIterator[str]:
    for piece in stream_pieces(text):
        yield piece
        if pace_s:
            await asyncio.sleep(pace_s)


def build_router(settings: ReporterSettings) -> RabbitRouter:
    router = RabbitRouter()
    pace_s = settings.typing_pace_ms / 1000

    @stage_subscriber(router, REPORT_REQUESTS, prefetch=settings.prefetch)
    async def on_report_requested(
        request: ReportRequested,
        message: RabbitMessage,
        broker: Annotated[RabbitBroker, Context()],
    ) -> None:
        async def report(run: StageRun) -> None:
            await run.started()
            sections = report_sections(
                request.profile,
                request.interests,
                request.matches,
                request.locale,
                attribution=request.attribution,
                data_source=request.data_source,
                today=date.today(),
            )
            # Writing is most of the stage; the PDF is the last step.
            steps = len(sections) + 1
            written: list[str] = []
            for done, (name, text) in enumerate(sections, start=1):
                written.append(await run.stream(_paced(text, pace_s)))
                await run.progress(done / steps, f"wrote {name}")
            document = report_document(request, "".join(written))

            def render(progress: Progress) -> bytes:
                pdf = render_pdf(document)
                progress(1.0, "rendered the PDF")
                return pdf

            pdf = await run.in_thread(render)
            await publish_event(
                broker,
                ReportRendered(
                    session_id=request.session_id,
                    turn_id=request.run_id,
                    report=document,
                    pdf_base64=base64.b64encode(pdf).decode(),
                ),
            )
            await run.completed({"holland_code": document.holland_code, "pdf_bytes": len(pdf)})
            await run.publish(SessionCompleted)

        await run_stage(
            broker,
            message,
            request,
            Stage.REPORT,
            report,
            token_window_s=settings.token_flush_ms / 1000,
            token_max_chars=settings.token_flush_chars,
        )

    return router
