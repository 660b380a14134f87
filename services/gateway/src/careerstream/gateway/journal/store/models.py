"""Tables of the gateway's database (the only writer is the gateway)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: sa.JSON, list[Any]: sa.JSON}


class SessionRow(Base):
    """A session and its projection: what a client needs without replaying events."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    owner: Mapped[str | None] = mapped_column(sa.String(128), index=True)
    locale: Mapped[str] = mapped_column(sa.String(8))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    # Journal position: the last seq assigned, and the first still retained.
    last_seq: Mapped[int] = mapped_column(sa.Integer, default=0)
    first_seq: Mapped[int] = mapped_column(sa.Integer, default=1)
    status: Mapped[str] = mapped_column(sa.String(32), default="idle")
    stage: Mapped[str | None] = mapped_column(sa.String(32))
    progress: Mapped[float] = mapped_column(sa.Float, default=0.0)
    status_message: Mapped[str] = mapped_column(sa.Text, default="")
    history: Mapped[list[Any]] = mapped_column(default=list)
    collected_info: Mapped[dict[str, Any]] = mapped_column(default=dict)
    interview_asked: Mapped[list[Any]] = mapped_column(default=list)
    # The current run: which it is, what started it, the language it is in.
    pipeline_run_id: Mapped[str | None] = mapped_column(sa.String(64))
    pipeline_source: Mapped[str | None] = mapped_column(sa.String(32))
    pipeline_locale: Mapped[str | None] = mapped_column(sa.String(8))
    # Set by the run's `session.completed`: its stages rerun after that change nothing.
    pipeline_completed: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    # The outbox: set while the current run's start is recorded but not yet published.
    start_pending_at: Mapped[datetime | None] = mapped_column(
        sa.DateTime(timezone=True), index=True
    )
    # The résumé text and questionnaire answers (`PipelineInputs`), kept for every later run.
    inputs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    results: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The text being written right now (a turn or a report), so a snapshot shows it.
    streaming: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    last_error: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    report: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    report_pdf: Mapped[bytes | None] = mapped_column(sa.LargeBinary)

    __table_args__ = (sa.Index("ix_sessions_owner_created", "owner", "created_at", "id"),)


class EventRow(Base):
    """One journaled session event; `payload` is the numbered envelope as sent to clients."""

    __tablename__ = "events"

    session_id: Mapped[str] = mapped_column(
        sa.String(64), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(sa.String(64))
    type: Mapped[str] = mapped_column(sa.String(32))
    ts: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))  # the producer's clock
    # The gateway's clock at journaling: retention's, since `seq` follows it per session.
    journaled_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column()

    __table_args__ = (sa.UniqueConstraint("session_id", "event_id", name="uq_events_event_id"),)
