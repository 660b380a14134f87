"""Thin subscriber of the reporter: writes the report as tokens, renders its PDF, ends the run."""

from __future__ import annotations

import base64
from datetime import date

from faststream.rabbit import RabbitRouter

from careerstream.contracts import ReportRendered, ReportRequested, SessionCompleted
from careerstream.reporter.pdf import render_pdf
from careerstream.reporter.settings import ReporterSettings
from careerstream.reporter.writing import report_document, report_sections, stream_pieces
from careerstream.runtime.coalesce import paced
from careerstream.runtime.stage import StageRun
from careerstream.runtime.subscribers import stage_handler


def build_router(settings: ReporterSettings) -> RabbitRouter:
    router = RabbitRouter()
    pace_s = settings.typing_pace_ms / 1000

    @stage_handler(router, settings)
    async def report(request: ReportRequested, run: StageRun) -> None:
        sections = report_sections(request, today=date.today())
        # Writing is most of the stage; the PDF is the last step.
        steps = len(sections) + 1
        written: list[str] = []
        for done, (name, text) in enumerate(sections, start=1):
            written.append(await run.stream(paced(stream_pieces(text), pace_s)))
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
