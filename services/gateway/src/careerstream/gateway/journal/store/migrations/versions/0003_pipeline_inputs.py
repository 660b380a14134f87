"""What the person handed over for the pipeline: the résumé text and questionnaire answers."""

import sqlalchemy as sa

from careerstream.gateway.journal.store.migrations.columns import added_columns

revision, down_revision = "0003", "0002"
upgrade, downgrade = added_columns(
    "sessions", sa.Column("inputs", sa.JSON, nullable=False, server_default="{}")
)
