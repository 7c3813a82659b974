"""Add the formats table: the tables NATO sits at with others, and the frameworks seated there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the formats tables."""
    op.create_table(
        "formats",
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_formats")),
    )
    op.create_table(
        "format_sources",
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["format"],
            ["formats.slug"],
            name=op.f("fk_format_sources_format_formats"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_format_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("format", "position", name=op.f("pk_format_sources")),
    )
    with op.batch_alter_table("format_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_format_sources_source"), ["source"], unique=False)

    op.create_table(
        "format_frameworks",
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["format"],
            ["formats.slug"],
            name=op.f("fk_format_frameworks_format_formats"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_format_frameworks_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("format", "position", name=op.f("pk_format_frameworks")),
    )
    with op.batch_alter_table("format_frameworks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_format_frameworks_framework"), ["framework"], unique=False
        )


def downgrade() -> None:
    """Drop the formats tables."""
    with op.batch_alter_table("format_frameworks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_format_frameworks_framework"))

    op.drop_table("format_frameworks")
    with op.batch_alter_table("format_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_format_sources_source"))

    op.drop_table("format_sources")
    op.drop_table("formats")
