"""Stated counts keep the sentence that states them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add `stated_counts.quote`."""
    op.add_column("stated_counts", sa.Column("quote", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop `stated_counts.quote`."""
    with op.batch_alter_table("stated_counts") as batch:
        batch.drop_column("quote")
