"""When the gateway journaled each event, by its own clock: retention judges age by it.

A producer's `ts` is another machine's clock; pruning by it left holes in `seq`
when two workers' clocks differed. Events journaled before this keep their `ts`.
"""

import sqlalchemy as sa
from alembic import op

from careerstream.gateway.journal.store.migrations.columns import added_columns

revision, down_revision = "0006", "0005"
_add, _drop = added_columns(
    "events",
    sa.Column("journaled_at", sa.DateTime(timezone=True), nullable=True),
    indexed=("journaled_at",),
)


def upgrade() -> None:
    _add()
    op.execute("UPDATE events SET journaled_at = ts WHERE journaled_at IS NULL")
    op.drop_index("ix_events_ts", table_name="events")  # nothing orders or prunes by `ts` now


def downgrade() -> None:
    op.create_index("ix_events_ts", "events", ["ts"])
    _drop()
