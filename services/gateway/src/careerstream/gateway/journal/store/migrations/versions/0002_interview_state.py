"""Interview state on the session: topics asked so far and the pipeline run it started.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("interview_asked", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("pipeline_run_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("pipeline_run_id")
        batch.drop_column("interview_asked")
