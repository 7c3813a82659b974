"""Add the accession tables: each candidate's case and every Ally's ratification steps.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the accession tables."""
    op.create_table(
        "accession_cases",
        sa.Column("candidate", sa.String(), nullable=False),
        sa.Column("invited", sa.String(), nullable=True),
        sa.Column("invited_precision", sa.String(), nullable=True),
        sa.Column("invited_first", sa.Date(), nullable=True),
        sa.Column("invited_last", sa.Date(), nullable=True),
        sa.Column("invited_at", sa.String(), nullable=False),
        sa.Column("protocol", sa.String(), nullable=True),
        sa.Column("accession", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["accession"],
            ["events.id"],
            name=op.f("fk_accession_cases_accession_events"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["candidate"],
            ["actors.code"],
            name=op.f("fk_accession_cases_candidate_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["protocol"],
            ["events.id"],
            name=op.f("fk_accession_cases_protocol_events"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("candidate", name=op.f("pk_accession_cases")),
    )
    op.create_table(
        "accession_case_sources",
        sa.Column("accession_case", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["accession_case"],
            ["accession_cases.candidate"],
            name=op.f("fk_accession_case_sources_accession_case_accession_cases"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_accession_case_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "accession_case", "position", name=op.f("pk_accession_case_sources")
        ),
    )
    with op.batch_alter_table("accession_case_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accession_case_sources_source"), ["source"], unique=False
        )

    op.create_table(
        "ratifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate", sa.String(), nullable=False),
        sa.Column("ally", sa.String(), nullable=False),
        sa.Column("milestone", sa.String(), nullable=False),
        sa.Column("date", sa.String(), nullable=False),
        sa.Column("date_precision", sa.String(), nullable=False),
        sa.Column("date_first", sa.Date(), nullable=False),
        sa.Column("date_last", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ally"],
            ["actors.code"],
            name=op.f("fk_ratifications_ally_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["candidate"],
            ["accession_cases.candidate"],
            name=op.f("fk_ratifications_candidate_accession_cases"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratifications")),
        sa.UniqueConstraint(
            "candidate", "ally", "milestone", name=op.f("uq_ratifications_candidate_ally_milestone")
        ),
    )
    with op.batch_alter_table("ratifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ratifications_candidate_date_first"),
            ["candidate", "date_first"],
            unique=False,
        )

    op.create_table(
        "ratification_sources",
        sa.Column("ratification_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ratification_id"],
            ["ratifications.id"],
            name=op.f("fk_ratification_sources_ratification_id_ratifications"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_ratification_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "ratification_id", "position", name=op.f("pk_ratification_sources")
        ),
    )
    with op.batch_alter_table("ratification_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ratification_sources_source"), ["source"], unique=False
        )


def downgrade() -> None:
    """Drop the accession tables."""
    with op.batch_alter_table("ratification_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratification_sources_source"))

    op.drop_table("ratification_sources")
    with op.batch_alter_table("ratifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratifications_candidate_date_first"))

    op.drop_table("ratifications")
    with op.batch_alter_table("accession_case_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accession_case_sources_source"))

    op.drop_table("accession_case_sources")
    op.drop_table("accession_cases")
