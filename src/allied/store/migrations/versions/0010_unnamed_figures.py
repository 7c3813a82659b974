"""Add what a snapshot's source prints without a nation's name to the snapshot totals.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the two columns, empty for every existing row."""
    with op.batch_alter_table("snapshot_totals") as batch:
        batch.add_column(sa.Column("unnamed_nations", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("unnamed_personnel", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the two columns."""
    with op.batch_alter_table("snapshot_totals") as batch:
        batch.drop_column("unnamed_personnel")
        batch.drop_column("unnamed_nations")
