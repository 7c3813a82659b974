"""Add the spending tables: releases, their values, guidelines, EU-NATO documents and proposals.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the spending and EU-NATO tables."""
    op.create_table(
        "eu_nato_documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("date", sa.String(), nullable=False),
        sa.Column("date_precision", sa.String(), nullable=False),
        sa.Column("date_first", sa.Date(), nullable=False),
        sa.Column("date_last", sa.Date(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eu_nato_documents")),
    )
    op.create_table(
        "releases",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("published", sa.String(), nullable=False),
        sa.Column("published_precision", sa.String(), nullable=False),
        sa.Column("published_first", sa.Date(), nullable=False),
        sa.Column("published_last", sa.Date(), nullable=False),
        sa.Column("cutoff", sa.String(), nullable=True),
        sa.Column("cutoff_precision", sa.String(), nullable=True),
        sa.Column("cutoff_first", sa.Date(), nullable=True),
        sa.Column("cutoff_last", sa.Date(), nullable=True),
        sa.Column("base_year", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_releases")),
    )
    op.create_table(
        "eu_nato_document_sources",
        sa.Column("eu_nato_document", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["eu_nato_document"],
            ["eu_nato_documents.id"],
            name=op.f("fk_eu_nato_document_sources_eu_nato_document_eu_nato_documents"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_eu_nato_document_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "eu_nato_document", "position", name=op.f("pk_eu_nato_document_sources")
        ),
    )
    with op.batch_alter_table("eu_nato_document_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_eu_nato_document_sources_source"), ["source"], unique=False
        )

    op.create_table(
        "guidelines",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("adopted", sa.String(), nullable=False),
        sa.Column("adopted_precision", sa.String(), nullable=False),
        sa.Column("adopted_first", sa.Date(), nullable=False),
        sa.Column("adopted_last", sa.Date(), nullable=False),
        sa.Column("event", sa.String(), nullable=True),
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("threshold", sa.Double(), nullable=True),
        sa.Column("from_year", sa.Integer(), nullable=False),
        sa.Column("until_year", sa.Integer(), nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event"],
            ["events.id"],
            name=op.f("fk_guidelines_event_events"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guidelines")),
    )
    op.create_table(
        "proposals",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("set", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set"],
            ["eu_nato_documents.id"],
            name=op.f("fk_proposals_set_eu_nato_documents"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
        sa.UniqueConstraint("set", "number", name=op.f("uq_proposals_set_number")),
    )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposals_area"), ["area"], unique=False)

    op.create_table(
        "release_sources",
        sa.Column("release", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release"],
            ["releases.id"],
            name=op.f("fk_release_sources_release_releases"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_release_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("release", "position", name=op.f("pk_release_sources")),
    )
    with op.batch_alter_table("release_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_sources_source"), ["source"], unique=False)

    op.create_table(
        "spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release", sa.String(), nullable=False),
        sa.Column("ally", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("estimate", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release"],
            ["releases.id"],
            name=op.f("fk_spending_release_releases"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spending")),
        sa.UniqueConstraint(
            "release", "ally", "year", "measure", name=op.f("uq_spending_release_ally_year_measure")
        ),
    )
    with op.batch_alter_table("spending", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_spending_ally_year_measure"), ["ally", "year", "measure"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_spending_measure_year"), ["measure", "year"], unique=False
        )

    op.create_table(
        "guideline_sources",
        sa.Column("guideline", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["guideline"],
            ["guidelines.id"],
            name=op.f("fk_guideline_sources_guideline_guidelines"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_guideline_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("guideline", "position", name=op.f("pk_guideline_sources")),
    )
    with op.batch_alter_table("guideline_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guideline_sources_source"), ["source"], unique=False)

    op.create_table(
        "proposal_reports",
        sa.Column("proposal", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("report", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal"],
            ["proposals.id"],
            name=op.f("fk_proposal_reports_proposal_proposals"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["report"],
            ["eu_nato_documents.id"],
            name=op.f("fk_proposal_reports_report_eu_nato_documents"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("proposal", "position", name=op.f("pk_proposal_reports")),
    )
    with op.batch_alter_table("proposal_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_reports_report"), ["report"], unique=False)

    op.create_table(
        "proposal_sources",
        sa.Column("proposal", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal"],
            ["proposals.id"],
            name=op.f("fk_proposal_sources_proposal_proposals"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_proposal_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("proposal", "position", name=op.f("pk_proposal_sources")),
    )
    with op.batch_alter_table("proposal_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_sources_source"), ["source"], unique=False)

    op.create_table(
        "spending_sources",
        sa.Column("spending_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_spending_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["spending_id"],
            ["spending.id"],
            name=op.f("fk_spending_sources_spending_id_spending"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("spending_id", "position", name=op.f("pk_spending_sources")),
    )
    with op.batch_alter_table("spending_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_spending_sources_source"), ["source"], unique=False)


def downgrade() -> None:
    """Drop the spending and EU-NATO tables."""
    with op.batch_alter_table("spending_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spending_sources_source"))

    op.drop_table("spending_sources")
    with op.batch_alter_table("proposal_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_sources_source"))

    op.drop_table("proposal_sources")
    with op.batch_alter_table("proposal_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_reports_report"))

    op.drop_table("proposal_reports")
    with op.batch_alter_table("guideline_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guideline_sources_source"))

    op.drop_table("guideline_sources")
    with op.batch_alter_table("spending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spending_measure_year"))
        batch_op.drop_index(batch_op.f("ix_spending_ally_year_measure"))

    op.drop_table("spending")
    with op.batch_alter_table("release_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_sources_source"))

    op.drop_table("release_sources")
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposals_area"))

    op.drop_table("proposals")
    op.drop_table("guidelines")
    with op.batch_alter_table("eu_nato_document_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eu_nato_document_sources_source"))

    op.drop_table("eu_nato_document_sources")
    op.drop_table("releases")
    op.drop_table("eu_nato_documents")
