"""Migrations that add columns to a table (and drop them again on downgrade)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

Step = Callable[[], None]


def added_columns(
    table: str, *columns: sa.Column[Any], indexed: tuple[str, ...] = ()
) -> tuple[Step, Step]:
    """`upgrade` and `downgrade` for `columns` (and an index on each of `indexed`).

    Batch mode, so SQLite (which cannot alter a column in place) gets the same schema.
    """

    def upgrade() -> None:
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.add_column(column)
            for name in indexed:
                batch.create_index(f"ix_{table}_{name}", [name])

    def downgrade() -> None:
        with op.batch_alter_table(table) as batch:
            for name in indexed:
                batch.drop_index(f"ix_{table}_{name}")
            for column in reversed(columns):
                batch.drop_column(column.name)

    return upgrade, downgrade
