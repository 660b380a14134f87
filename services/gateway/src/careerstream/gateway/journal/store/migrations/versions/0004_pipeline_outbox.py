"""The run's source and language, and the outbox mark of a start not yet published."""

import sqlalchemy as sa

from careerstream.gateway.journal.store.migrations.columns import added_columns

revision, down_revision = "0004", "0003"
upgrade, downgrade = added_columns(
    "sessions",
    sa.Column("pipeline_source", sa.String(32), nullable=True),
    sa.Column("pipeline_locale", sa.String(8), nullable=True),
    sa.Column("start_pending_at", sa.DateTime(timezone=True), nullable=True),
    indexed=("start_pending_at",),
)
