"""Add the exemptions table: frameworks a suspension in a sibling framework does not extend to.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the exemptions tables."""
    op.create_table(
        "exemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("suspended_in", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor"],
            ["actors.code"],
            name=op.f("fk_exemptions_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_exemptions_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["suspended_in"],
            ["frameworks.slug"],
            name=op.f("fk_exemptions_suspended_in_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemptions")),
        sa.UniqueConstraint(
            "framework",
            "actor",
            "role",
            "suspended_in",
            name=op.f("uq_exemptions_framework_actor_role_suspended_in"),
        ),
    )
    op.create_table(
        "exemption_sources",
        sa.Column("exemption_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exemption_id"],
            ["exemptions.id"],
            name=op.f("fk_exemption_sources_exemption_id_exemptions"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_exemption_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("exemption_id", "position", name=op.f("pk_exemption_sources")),
    )
    with op.batch_alter_table("exemption_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemption_sources_source"), ["source"], unique=False)


def downgrade() -> None:
    """Drop the exemptions tables."""
    with op.batch_alter_table("exemption_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemption_sources_source"))

    op.drop_table("exemption_sources")
    op.drop_table("exemptions")
