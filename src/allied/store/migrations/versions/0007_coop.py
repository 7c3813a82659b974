"""Add the cooperation tables: users and tokens, areas, activities, programmes, registrations,
feedback, DCB packages, decisions under silence, and the audit log.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the cooperation tables."""
    op.create_table(
        "coop_areas",
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_coop_areas")),
    )
    op.create_table(
        "coop_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_audit")),
        sa.UniqueConstraint("hash", name=op.f("uq_coop_audit_hash")),
    )
    op.create_table(
        "coop_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("agreed", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_packages")),
    )
    with op.batch_alter_table("coop_packages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coop_packages_recipient"), ["recipient"], unique=False)

    op.create_table(
        "coop_programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(), nullable=False),
        sa.Column("document_type", sa.String(), nullable=False),
        sa.Column("cycle_start", sa.Date(), nullable=False),
        sa.Column("cycle_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_programmes")),
    )
    with op.batch_alter_table("coop_programmes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_programmes_partner_cycle_start"),
            ["partner", "cycle_start"],
            unique=False,
        )

    op.create_table(
        "coop_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("nation", sa.String(), nullable=True),
        sa.Column("password_hash", sa.String(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_users")),
        sa.UniqueConstraint("email", name=op.f("uq_coop_users_email")),
    )
    op.create_table(
        "coop_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("open_to", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area"], ["coop_areas.slug"], name=op.f("fk_coop_activities_area_coop_areas")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_activities")),
    )
    with op.batch_alter_table("coop_activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_activities_area_start"), ["area", "start"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coop_activities_open_to_start"), ["open_to", "start"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coop_activities_start_area"), ["start", "area"], unique=False
        )

    op.create_table(
        "coop_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("proposed_by", sa.Integer(), nullable=False),
        sa.Column("circulated", sa.DateTime(), nullable=False),
        sa.Column("deadline", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposed_by"],
            ["coop_users.id"],
            name=op.f("fk_coop_decisions_proposed_by_coop_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_decisions")),
    )
    with op.batch_alter_table("coop_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_decisions_state_deadline"), ["state", "deadline"], unique=False
        )

    op.create_table(
        "coop_objectives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["coop_programmes.id"],
            name=op.f("fk_coop_objectives_programme_id_coop_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_objectives")),
    )
    with op.batch_alter_table("coop_objectives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_objectives_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "coop_package_measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area"], ["coop_areas.slug"], name=op.f("fk_coop_package_measures_area_coop_areas")
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["coop_packages.id"],
            name=op.f("fk_coop_package_measures_package_id_coop_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_package_measures")),
    )
    with op.batch_alter_table("coop_package_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_package_measures_package_id"), ["package_id"], unique=False
        )

    op.create_table(
        "coop_package_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("revised", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["coop_packages.id"],
            name=op.f("fk_coop_package_revisions_package_id_coop_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_package_revisions")),
    )
    with op.batch_alter_table("coop_package_revisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_package_revisions_package_id"), ["package_id"], unique=False
        )

    op.create_table(
        "coop_package_supporters",
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("nation", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["coop_packages.id"],
            name=op.f("fk_coop_package_supporters_package_id_coop_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("package_id", "nation", name=op.f("pk_coop_package_supporters")),
    )
    op.create_table(
        "coop_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["coop_users.id"],
            name=op.f("fk_coop_tokens_user_id_coop_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_coop_tokens_token_hash")),
    )
    with op.batch_alter_table("coop_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coop_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "coop_decision_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("nation", sa.String(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["coop_decisions.id"],
            name=op.f("fk_coop_decision_steps_decision_id_coop_decisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["coop_users.id"], name=op.f("fk_coop_decision_steps_user_id_coop_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_decision_steps")),
    )
    with op.batch_alter_table("coop_decision_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_decision_steps_decision_id"), ["decision_id"], unique=False
        )

    op.create_table(
        "coop_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("nation", sa.String(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["coop_activities.id"],
            name=op.f("fk_coop_feedback_activity_id_coop_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_feedback")),
    )
    with op.batch_alter_table("coop_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_feedback_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coop_feedback_nation_activity_id"),
            ["nation", "activity_id"],
            unique=False,
        )

    op.create_table(
        "coop_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["coop_objectives.id"],
            name=op.f("fk_coop_goals_objective_id_coop_objectives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_goals")),
    )
    with op.batch_alter_table("coop_goals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_goals_objective_id"), ["objective_id"], unique=False
        )

    op.create_table(
        "coop_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("nation", sa.String(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("contact_name", sa.String(), nullable=True),
        sa.Column("contact_role", sa.String(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["coop_activities.id"],
            name=op.f("fk_coop_registrations_activity_id_coop_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coop_registrations")),
        sa.UniqueConstraint(
            "activity_id", "nation", name=op.f("uq_coop_registrations_activity_id_nation")
        ),
    )
    with op.batch_alter_table("coop_registrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_registrations_nation_activity_id"),
            ["nation", "activity_id"],
            unique=False,
        )

    op.create_table(
        "coop_goal_activities",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["coop_activities.id"],
            name=op.f("fk_coop_goal_activities_activity_id_coop_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["coop_goals.id"],
            name=op.f("fk_coop_goal_activities_goal_id_coop_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "activity_id", name=op.f("pk_coop_goal_activities")),
    )
    with op.batch_alter_table("coop_goal_activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coop_goal_activities_activity_id"), ["activity_id"], unique=False
        )


def downgrade() -> None:
    """Drop the cooperation tables."""
    with op.batch_alter_table("coop_goal_activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_goal_activities_activity_id"))

    op.drop_table("coop_goal_activities")
    with op.batch_alter_table("coop_registrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_registrations_nation_activity_id"))

    op.drop_table("coop_registrations")
    with op.batch_alter_table("coop_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_goals_objective_id"))

    op.drop_table("coop_goals")
    with op.batch_alter_table("coop_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_feedback_nation_activity_id"))
        batch_op.drop_index(batch_op.f("ix_coop_feedback_activity_id"))

    op.drop_table("coop_feedback")
    with op.batch_alter_table("coop_decision_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_decision_steps_decision_id"))

    op.drop_table("coop_decision_steps")
    with op.batch_alter_table("coop_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_tokens_user_id"))

    op.drop_table("coop_tokens")
    op.drop_table("coop_package_supporters")
    with op.batch_alter_table("coop_package_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_package_revisions_package_id"))

    op.drop_table("coop_package_revisions")
    with op.batch_alter_table("coop_package_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_package_measures_package_id"))

    op.drop_table("coop_package_measures")
    with op.batch_alter_table("coop_objectives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_objectives_programme_id"))

    op.drop_table("coop_objectives")
    with op.batch_alter_table("coop_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_decisions_state_deadline"))

    op.drop_table("coop_decisions")
    with op.batch_alter_table("coop_activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_activities_start_area"))
        batch_op.drop_index(batch_op.f("ix_coop_activities_open_to_start"))
        batch_op.drop_index(batch_op.f("ix_coop_activities_area_start"))

    op.drop_table("coop_activities")
    op.drop_table("coop_users")
    with op.batch_alter_table("coop_programmes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_programmes_partner_cycle_start"))

    op.drop_table("coop_programmes")
    with op.batch_alter_table("coop_packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coop_packages_recipient"))

    op.drop_table("coop_packages")
    op.drop_table("coop_audit")
    op.drop_table("coop_areas")
