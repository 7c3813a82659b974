"""Add the procedures table: whether an Ally's ratification procedure has a milestone.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the procedures tables."""
    op.create_table(
        "procedures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ally", sa.String(), nullable=False),
        sa.Column("milestone", sa.String(), nullable=False),
        sa.Column("applies", sa.Boolean(), nullable=False),
        sa.Column("since", sa.String(), nullable=True),
        sa.Column("since_precision", sa.String(), nullable=True),
        sa.Column("since_first", sa.Date(), nullable=True),
        sa.Column("since_last", sa.Date(), nullable=True),
        sa.Column("until", sa.String(), nullable=True),
        sa.Column("until_precision", sa.String(), nullable=True),
        sa.Column("until_first", sa.Date(), nullable=True),
        sa.Column("until_last", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ally"],
            ["actors.code"],
            name=op.f("fk_procedures_ally_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedures")),
        sa.UniqueConstraint(
            "ally", "milestone", "since", name=op.f("uq_procedures_ally_milestone_since")
        ),
    )
    op.create_table(
        "procedure_sources",
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedures.id"],
            name=op.f("fk_procedure_sources_procedure_id_procedures"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_procedure_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("procedure_id", "position", name=op.f("pk_procedure_sources")),
    )
    with op.batch_alter_table("procedure_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_sources_source"), ["source"], unique=False)


def downgrade() -> None:
    """Drop the procedures tables."""
    with op.batch_alter_table("procedure_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_sources_source"))

    op.drop_table("procedure_sources")
    op.drop_table("procedures")
