"""Add the territories table: dependent territories the map draws with their sovereign's tie.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the territories tables."""
    op.create_table(
        "territories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("iso_numeric", sa.String(), nullable=False),
        sa.Column("sovereign", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("start", sa.String(), nullable=False),
        sa.Column("start_precision", sa.String(), nullable=False),
        sa.Column("start_first", sa.Date(), nullable=False),
        sa.Column("start_last", sa.Date(), nullable=False),
        sa.Column("end", sa.String(), nullable=True),
        sa.Column("end_precision", sa.String(), nullable=True),
        sa.Column("end_first", sa.Date(), nullable=True),
        sa.Column("end_last", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sovereign"],
            ["actors.code"],
            name=op.f("fk_territories_sovereign_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_territories")),
        sa.UniqueConstraint("code", "start", name=op.f("uq_territories_code_start")),
    )
    op.create_table(
        "territory_sources",
        sa.Column("territory_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_territory_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["territory_id"],
            ["territories.id"],
            name=op.f("fk_territory_sources_territory_id_territories"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("territory_id", "position", name=op.f("pk_territory_sources")),
    )
    with op.batch_alter_table("territory_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_territory_sources_source"), ["source"], unique=False)


def downgrade() -> None:
    """Drop the territories tables."""
    with op.batch_alter_table("territory_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_territory_sources_source"))

    op.drop_table("territory_sources")
    op.drop_table("territories")
