"""Add the operations tables: operations, contributions over periods, dated snapshots, totals.

Operations have link tables for their legal basis and aliases; every new family
cites its sources through a `<family>_sources` link table, as in 0001.

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
    """Create the operations tables."""
    op.create_table(
        "operations",
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("parent", sa.String(), nullable=True),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("predecessor", sa.String(), nullable=True),
        sa.Column("successor", sa.String(), nullable=True),
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
            ["parent"],
            ["operations.slug"],
            name=op.f("fk_operations_parent_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["predecessor"],
            ["operations.slug"],
            name=op.f("fk_operations_predecessor_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["successor"],
            ["operations.slug"],
            name=op.f("fk_operations_successor_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_operations")),
    )
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_operations_start_first"), ["start_first"], unique=False
        )

    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
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
            name=op.f("fk_contributions_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_contributions_operation_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
        sa.UniqueConstraint(
            "operation",
            "actor",
            "role",
            "start",
            name=op.f("uq_contributions_operation_actor_role_start"),
        ),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contributions_actor_start_first"), ["actor", "start_first"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contributions_operation_start_first"),
            ["operation", "start_first"],
            unique=False,
        )

    op.create_table(
        "operation_aliases",
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_operation_aliases_operation_operations"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("operation", "position", name=op.f("pk_operation_aliases")),
    )
    op.create_table(
        "operation_legal_basis",
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("legal_basis", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_operation_legal_basis_operation_operations"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("operation", "position", name=op.f("pk_operation_legal_basis")),
    )
    op.create_table(
        "operation_sources",
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_operation_sources_operation_operations"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_operation_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("operation", "position", name=op.f("pk_operation_sources")),
    )
    with op.batch_alter_table("operation_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operation_sources_source"), ["source"], unique=False)

    op.create_table(
        "snapshot_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("as_of", sa.String(), nullable=False),
        sa.Column("as_of_precision", sa.String(), nullable=False),
        sa.Column("as_of_first", sa.Date(), nullable=False),
        sa.Column("as_of_last", sa.Date(), nullable=False),
        sa.Column("personnel", sa.Integer(), nullable=True),
        sa.Column("nations", sa.Integer(), nullable=True),
        sa.Column("listing", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_snapshot_totals_operation_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshot_totals")),
        sa.UniqueConstraint("operation", "as_of", name=op.f("uq_snapshot_totals_operation_as_of")),
    )
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(), nullable=False),
        sa.Column("as_of", sa.String(), nullable=False),
        sa.Column("as_of_precision", sa.String(), nullable=False),
        sa.Column("as_of_first", sa.Date(), nullable=False),
        sa.Column("as_of_last", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("personnel", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor"],
            ["actors.code"],
            name=op.f("fk_snapshots_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["operation"],
            ["operations.slug"],
            name=op.f("fk_snapshots_operation_operations"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshots")),
        sa.UniqueConstraint(
            "operation",
            "as_of",
            "actor",
            "role",
            name=op.f("uq_snapshots_operation_as_of_actor_role"),
        ),
    )
    with op.batch_alter_table("snapshots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_snapshots_actor_as_of_first"), ["actor", "as_of_first"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_snapshots_operation_as_of_first"),
            ["operation", "as_of_first"],
            unique=False,
        )

    op.create_table(
        "contribution_sources",
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contributions.id"],
            name=op.f("fk_contribution_sources_contribution_id_contributions"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_contribution_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "contribution_id", "position", name=op.f("pk_contribution_sources")
        ),
    )
    with op.batch_alter_table("contribution_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contribution_sources_source"), ["source"], unique=False
        )

    op.create_table(
        "snapshot_sources",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["snapshots.id"],
            name=op.f("fk_snapshot_sources_snapshot_id_snapshots"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_snapshot_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("snapshot_id", "position", name=op.f("pk_snapshot_sources")),
    )
    with op.batch_alter_table("snapshot_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_snapshot_sources_source"), ["source"], unique=False)

    op.create_table(
        "snapshot_total_sources",
        sa.Column("snapshot_total_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_total_id"],
            ["snapshot_totals.id"],
            name=op.f("fk_snapshot_total_sources_snapshot_total_id_snapshot_totals"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_snapshot_total_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "snapshot_total_id", "position", name=op.f("pk_snapshot_total_sources")
        ),
    )
    with op.batch_alter_table("snapshot_total_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_snapshot_total_sources_source"), ["source"], unique=False
        )


def downgrade() -> None:
    """Drop the operations tables."""
    with op.batch_alter_table("snapshot_total_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_snapshot_total_sources_source"))

    op.drop_table("snapshot_total_sources")
    with op.batch_alter_table("snapshot_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_snapshot_sources_source"))

    op.drop_table("snapshot_sources")
    with op.batch_alter_table("contribution_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_sources_source"))

    op.drop_table("contribution_sources")
    with op.batch_alter_table("snapshots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_snapshots_operation_as_of_first"))
        batch_op.drop_index(batch_op.f("ix_snapshots_actor_as_of_first"))

    op.drop_table("snapshots")
    op.drop_table("snapshot_totals")
    with op.batch_alter_table("operation_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operation_sources_source"))

    op.drop_table("operation_sources")
    op.drop_table("operation_legal_basis")
    op.drop_table("operation_aliases")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contributions_operation_start_first"))
        batch_op.drop_index(batch_op.f("ix_contributions_actor_start_first"))

    op.drop_table("contributions")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operations_start_first"))

    op.drop_table("operations")
