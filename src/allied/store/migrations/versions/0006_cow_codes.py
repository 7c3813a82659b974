"""Add the cow_codes table: the spans of a state in COW's state system under each COW code.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the cow_codes tables."""
    op.create_table(
        "cow_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("cow", sa.Integer(), nullable=False),
        sa.Column("abbreviation", sa.String(), nullable=False),
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
            ["actor"],
            ["actors.code"],
            name=op.f("fk_cow_codes_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cow_codes")),
        sa.UniqueConstraint("actor", "start", name=op.f("uq_cow_codes_actor_start")),
    )
    op.create_table(
        "cow_code_sources",
        sa.Column("cow_code_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cow_code_id"],
            ["cow_codes.id"],
            name=op.f("fk_cow_code_sources_cow_code_id_cow_codes"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_cow_code_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("cow_code_id", "position", name=op.f("pk_cow_code_sources")),
    )
    with op.batch_alter_table("cow_code_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cow_code_sources_source"), ["source"], unique=False)


def downgrade() -> None:
    """Drop the cow_codes tables."""
    with op.batch_alter_table("cow_code_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cow_code_sources_source"))

    op.drop_table("cow_code_sources")
    op.drop_table("cow_codes")
