"""The reporter's result: the report as data and Markdown, and its PDF."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import Field

from careerstream.contracts.common import Contract, Locale, utc_now
from careerstream.contracts.events import SessionMessage
from careerstream.contracts.matches import OccupationMatch


class ReportDocument(Contract):
    """What `GET /api/sessions/{id}/report` answers."""

    run_id: str
    locale: Locale
    holland_code: str
    riasec: dict[str, float]
    riasec_raw: dict[str, float] | None = None
    riasec_source: Literal["assessment", "inferred"]
    confidence: float = Field(ge=0, le=1)
    evidence: dict[str, list[str]] = Field(default_factory=dict)
    matches: list[OccupationMatch] = Field(default_factory=list)
    markdown: str
    data_source: str = Field(description="Where the occupations came from.")
    attribution: str | None = Field(default=None, description="Required wherever O*NET data shows.")
    created_at: datetime = Field(default_factory=utc_now)


class ReportRendered(SessionMessage):
    """The finished report and its PDF, for the gateway's store only (never sent to clients).

    Published on the session's journal shard just before `session.completed`, so the
    report is stored by the time a client learns it is ready.
    """

    for_clients: ClassVar[bool] = False

    type: Literal["report.rendered"] = "report.rendered"
    turn_id: str | None = None
    report: ReportDocument
    pdf_base64: str = Field(min_length=1)
