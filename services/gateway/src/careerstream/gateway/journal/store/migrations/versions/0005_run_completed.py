"""Whether the current run completed, so a stage rerun after that changes nothing."""

import sqlalchemy as sa
from alembic import op

from careerstream.gateway.journal.store.migrations.columns import added_columns

revision, down_revision = "0005", "0004"
_add, downgrade = added_columns(
    "sessions",
    sa.Column("pipeline_completed", sa.Boolean, nullable=False, server_default=sa.false()),
)


def upgrade() -> None:
    _add()
    # Until now only the status said so: a completed session's run is the one that completed.
    op.execute("UPDATE sessions SET pipeline_completed = true WHERE status = 'completed'")
