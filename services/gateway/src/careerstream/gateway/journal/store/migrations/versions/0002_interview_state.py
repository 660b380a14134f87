"""Interview state on the session: topics asked so far and the pipeline run it started."""

import sqlalchemy as sa

from careerstream.gateway.journal.store.migrations.columns import added_columns

revision, down_revision = "0002", "0001"
upgrade, downgrade = added_columns(
    "sessions",
    sa.Column("interview_asked", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("pipeline_run_id", sa.String(64), nullable=True),
)
