"""Create the reference tables: the bundled dataset, one table per fact family.

Dates are stored as ISO text at their precision, the precision, and the first
and last days they stand for; lists (cited sources, an event's actors) are link
tables with a position. Foreign keys are deferred to commit.

Revision ID: 0001
Revises: (none: the first revision)
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create every table of the bundled dataset."""
    op.create_table(
        "actors",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("iso2", sa.String(), nullable=False),
        sa.Column("iso_numeric", sa.String(), nullable=False),
        sa.Column("cow", sa.Integer(), nullable=True),
        sa.Column("wikidata", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_actors")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_index(op.f("ix_conflicts_subject"), "conflicts", ["subject"])

    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("start", sa.String(), nullable=False),
        sa.Column("start_precision", sa.String(), nullable=False),
        sa.Column("start_first", sa.Date(), nullable=False),
        sa.Column("start_last", sa.Date(), nullable=False),
        sa.Column("end", sa.String(), nullable=True),
        sa.Column("end_precision", sa.String(), nullable=True),
        sa.Column("end_first", sa.Date(), nullable=True),
        sa.Column("end_last", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_kind_start_first"), "events", ["kind", "start_first"])
    op.create_index(op.f("ix_events_start_first"), "events", ["start_first"])

    op.create_table(
        "sources",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("publisher", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("published_precision", sa.String(), nullable=True),
        sa.Column("published_first", sa.Date(), nullable=True),
        sa.Column("published_last", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_table(
        "actor_sources",
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor"],
            ["actors.code"],
            name=op.f("fk_actor_sources_actor_actors"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_actor_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("actor", "position", name=op.f("pk_actor_sources")),
    )
    op.create_index(op.f("ix_actor_sources_source"), "actor_sources", ["source"])

    op.create_table(
        "conflict_sources",
        sa.Column("conflict_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conflict_id"],
            ["conflicts.id"],
            name=op.f("fk_conflict_sources_conflict_id_conflicts"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_conflict_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("conflict_id", "position", name=op.f("pk_conflict_sources")),
    )
    op.create_index(op.f("ix_conflict_sources_source"), "conflict_sources", ["source"])

    op.create_table(
        "core_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event"],
            ["events.id"],
            name=op.f("fk_core_tasks_event_events"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_core_tasks")),
        sa.UniqueConstraint("event", "position", name=op.f("uq_core_tasks_event_position")),
    )
    op.create_table(
        "event_actors",
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor"],
            ["actors.code"],
            name=op.f("fk_event_actors_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["event"],
            ["events.id"],
            name=op.f("fk_event_actors_event_events"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("event", "position", name=op.f("pk_event_actors")),
    )
    op.create_index(op.f("ix_event_actors_actor"), "event_actors", ["actor"])

    op.create_table(
        "event_sources",
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event"],
            ["events.id"],
            name=op.f("fk_event_sources_event_events"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_event_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("event", "position", name=op.f("pk_event_sources")),
    )
    op.create_index(op.f("ix_event_sources_source"), "event_sources", ["source"])

    op.create_table(
        "frameworks",
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("end_reason", sa.String(), nullable=False),
        sa.Column("replaced_by", sa.String(), nullable=True),
        sa.Column("founding_source", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("start", sa.String(), nullable=True),
        sa.Column("start_precision", sa.String(), nullable=True),
        sa.Column("start_first", sa.Date(), nullable=True),
        sa.Column("start_last", sa.Date(), nullable=True),
        sa.Column("end", sa.String(), nullable=True),
        sa.Column("end_precision", sa.String(), nullable=True),
        sa.Column("end_first", sa.Date(), nullable=True),
        sa.Column("end_last", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["founding_source"],
            ["sources.id"],
            name=op.f("fk_frameworks_founding_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by"],
            ["frameworks.slug"],
            name=op.f("fk_frameworks_replaced_by_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_frameworks")),
    )
    op.create_table(
        "names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("start", sa.String(), nullable=True),
        sa.Column("start_precision", sa.String(), nullable=True),
        sa.Column("start_first", sa.Date(), nullable=True),
        sa.Column("start_last", sa.Date(), nullable=True),
        sa.Column("end", sa.String(), nullable=True),
        sa.Column("end_precision", sa.String(), nullable=True),
        sa.Column("end_first", sa.Date(), nullable=True),
        sa.Column("end_last", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor"],
            ["actors.code"],
            name=op.f("fk_names_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_names")),
        sa.UniqueConstraint(
            "actor", "kind", "name", "start", name=op.f("uq_names_actor_kind_name_start")
        ),
    )
    op.create_index(op.f("ix_names_actor"), "names", ["actor"])
    op.create_index(op.f("ix_names_name"), "names", ["name"])

    op.create_table(
        "core_task_sources",
        sa.Column("core_task_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["core_task_id"],
            ["core_tasks.id"],
            name=op.f("fk_core_task_sources_core_task_id_core_tasks"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_core_task_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("core_task_id", "position", name=op.f("pk_core_task_sources")),
    )
    op.create_index(op.f("ix_core_task_sources_source"), "core_task_sources", ["source"])

    op.create_table(
        "event_frameworks",
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event"],
            ["events.id"],
            name=op.f("fk_event_frameworks_event_events"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_event_frameworks_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("event", "position", name=op.f("pk_event_frameworks")),
    )
    op.create_index(op.f("ix_event_frameworks_framework"), "event_frameworks", ["framework"])

    op.create_table(
        "framework_aliases",
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_framework_aliases_framework_frameworks"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("framework", "position", name=op.f("pk_framework_aliases")),
    )
    op.create_table(
        "framework_sources",
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_framework_sources_framework_frameworks"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_framework_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("framework", "position", name=op.f("pk_framework_sources")),
    )
    op.create_index(op.f("ix_framework_sources_source"), "framework_sources", ["source"])

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("end_reason", sa.String(), nullable=False),
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
            name=op.f("fk_memberships_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_memberships_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint(
            "framework",
            "actor",
            "role",
            "start",
            name=op.f("uq_memberships_framework_actor_role_start"),
        ),
    )
    op.create_index(
        op.f("ix_memberships_actor_start_first"), "memberships", ["actor", "start_first"]
    )
    op.create_index(
        op.f("ix_memberships_framework_start_first"), "memberships", ["framework", "start_first"]
    )

    op.create_table(
        "name_sources",
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["name_id"],
            ["names.id"],
            name=op.f("fk_name_sources_name_id_names"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_name_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("name_id", "position", name=op.f("pk_name_sources")),
    )
    op.create_index(op.f("ix_name_sources_source"), "name_sources", ["source"])

    op.create_table(
        "stated_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("on", sa.String(), nullable=False),
        sa.Column("on_precision", sa.String(), nullable=False),
        sa.Column("on_first", sa.Date(), nullable=False),
        sa.Column("on_last", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_stated_counts_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stated_counts")),
        sa.UniqueConstraint("framework", "on", name=op.f("uq_stated_counts_framework_on")),
    )
    op.create_table(
        "statuses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
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
            name=op.f("fk_statuses_actor_actors"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["framework"],
            ["frameworks.slug"],
            name=op.f("fk_statuses_framework_frameworks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statuses")),
        sa.UniqueConstraint(
            "framework",
            "actor",
            "role",
            "start",
            name=op.f("uq_statuses_framework_actor_role_start"),
        ),
    )
    op.create_index(op.f("ix_statuses_actor_start_first"), "statuses", ["actor", "start_first"])

    op.create_table(
        "membership_sources",
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["memberships.id"],
            name=op.f("fk_membership_sources_membership_id_memberships"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_membership_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("membership_id", "position", name=op.f("pk_membership_sources")),
    )
    op.create_index(op.f("ix_membership_sources_source"), "membership_sources", ["source"])

    op.create_table(
        "stated_count_sources",
        sa.Column("stated_count_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_stated_count_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["stated_count_id"],
            ["stated_counts.id"],
            name=op.f("fk_stated_count_sources_stated_count_id_stated_counts"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint(
            "stated_count_id", "position", name=op.f("pk_stated_count_sources")
        ),
    )
    op.create_index(op.f("ix_stated_count_sources_source"), "stated_count_sources", ["source"])

    op.create_table(
        "status_sources",
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["sources.id"],
            name=op.f("fk_status_sources_source_sources"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["statuses.id"],
            name=op.f("fk_status_sources_status_id_statuses"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("status_id", "position", name=op.f("pk_status_sources")),
    )
    op.create_index(op.f("ix_status_sources_source"), "status_sources", ["source"])


def downgrade() -> None:
    """Drop every table, link tables first."""
    op.drop_table("status_sources")
    op.drop_table("stated_count_sources")
    op.drop_table("membership_sources")
    op.drop_table("statuses")
    op.drop_table("stated_counts")
    op.drop_table("name_sources")
    op.drop_table("memberships")
    op.drop_table("framework_sources")
    op.drop_table("framework_aliases")
    op.drop_table("event_frameworks")
    op.drop_table("core_task_sources")
    op.drop_table("names")
    op.drop_table("frameworks")
    op.drop_table("event_sources")
    op.drop_table("event_actors")
    op.drop_table("core_tasks")
    op.drop_table("conflict_sources")
    op.drop_table("actor_sources")
    op.drop_table("sources")
    op.drop_table("events")
    op.drop_table("conflicts")
    op.drop_table("actors")
