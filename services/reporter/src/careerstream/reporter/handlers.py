"""Thin subscriber of the reporter: writes the report as tokens, renders its PDF, ends the run."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from datetime import date

from faststream.rabbit import RabbitRouter

from careerstream.contracts import ReportRendered, ReportRequested, SessionCompleted
from careerstream.reporter.pdf import render_pdf
from careerstream.reporter.settings import ReporterSettings
from careerstream.reporter.writing import report_document, report_sections, stream_pieces
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler


async def _paced(text: str, pace_s: float) -> AsyncIterator[str]:
    for piece in stream_pieces(text):
        yield piece
        if pace_s:
            await asyncio.sleep(pace_s)


def build_router(settings: ReporterSettings) -> RabbitRouter:
    router = RabbitRouter()
    pace_s = settings.typing_pace_ms / 1000

    @stage_handler(
        router,
        prefetch=settings.prefetch,
        token_window_s=settings.token_flush_ms / 1000,
        token_max_chars=settings.token_flush_chars,
    )
    async def report(request: ReportRequested, run: StageRun) -> None:
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
        pdf = await run.in_thread(render_pdf, document)
        # Stored before the client learns the run is over (same shard, in order).
        await run.publish(
            ReportRendered, report=document, pdf_base64=base64.b64encode(pdf).decode()
        )
        await run.completed({"holland_code": document.holland_code, "pdf_bytes": len(pdf)})
        await run.publish(SessionCompleted)

    return router
