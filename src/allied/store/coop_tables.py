"""The cooperation tables: operational data written by users, never part of the registry.

Areas, activities, programmes (objectives → goals → linked activities),
registrations, feedback, DCB packages, decisions under the silence procedure,
users with their API tokens, and the append-only audit log. They share the
registry's metadata (so one Alembic history covers both) but no fact family
maps onto them and `allied db sync` never touches them. Every row the demo
world writes carries `synthetic = true`.

Objects a client may update carry a `version`, raised on every write: the
API's ETag, and the guard of every `UPDATE … WHERE version = :expected`.
"""

from __future__ import annotations

import datetime as _dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from allied.store.tables import Base


def _fk(target: str, *, cascade: bool = False) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE" if cascade else None)


class CoopUserRow(Base):
    """A user: a role (`staff`, `ally`, `partner`, `public`) and, except for staff, a nation."""

    __tablename__ = "coop_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    role: Mapped[str]
    nation: Mapped[str | None]
    password_hash: Mapped[str | None]
    synthetic: Mapped[bool] = mapped_column(default=False)
    created: Mapped[_dt.datetime]


class CoopTokenRow(Base):
    """An API token, kept only as the SHA-256 of its random text."""

    __tablename__ = "coop_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(_fk("coop_users.id", cascade=True), index=True)
    token_hash: Mapped[str] = mapped_column(unique=True)
    created: Mapped[_dt.datetime]


class CoopAreaRow(Base):
    """A cooperation area, with the source that names it."""

    __tablename__ = "coop_areas"

    slug: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    source: Mapped[str]


class CoopActivityRow(Base):
    """One entry of the catalogue: a course, seminar, exercise or training event."""

    __tablename__ = "coop_activities"
    __table_args__ = (
        sa.Index(None, "start", "area"),
        sa.Index(None, "area", "start"),
        sa.Index(None, "open_to", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    area: Mapped[str] = mapped_column(_fk("coop_areas.slug"))
    kind: Mapped[str]
    host: Mapped[str]
    place: Mapped[str]
    start: Mapped[_dt.date]
    end: Mapped[_dt.date]
    capacity: Mapped[int]
    language: Mapped[str]
    open_to: Mapped[str]
    state: Mapped[str]
    synthetic: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)


class CoopProgrammeRow(Base):
    """One partner's programme for one cycle (ITPP since March 2021; IPP, IPCP, IPAP, ANP)."""

    __tablename__ = "coop_programmes"
    __table_args__ = (sa.Index(None, "partner", "cycle_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str]
    document_type: Mapped[str]
    cycle_start: Mapped[_dt.date]
    cycle_end: Mapped[_dt.date]
    status: Mapped[str]
    synthetic: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)


class CoopObjectiveRow(Base):
    """A strategic objective of a programme."""

    __tablename__ = "coop_objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(_fk("coop_programmes.id", cascade=True), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)


class CoopGoalRow(Base):
    """A partnership goal serving an objective."""

    __tablename__ = "coop_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(_fk("coop_objectives.id", cascade=True), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)


class CoopGoalActivityRow(Base):
    """An activity supporting a goal."""

    __tablename__ = "coop_goal_activities"

    goal_id: Mapped[int] = mapped_column(_fk("coop_goals.id", cascade=True), primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        _fk("coop_activities.id", cascade=True), primary_key=True, index=True
    )


class CoopRegistrationRow(Base):
    """A nation's participation in an activity: a count, and a contact only where needed."""

    __tablename__ = "coop_registrations"
    __table_args__ = (
        sa.UniqueConstraint("activity_id", "nation"),
        sa.Index(None, "nation", "activity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(_fk("coop_activities.id", cascade=True))
    nation: Mapped[str]
    participants: Mapped[int]
    contact_name: Mapped[str | None]
    contact_role: Mapped[str | None]
    synthetic: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)


class CoopFeedbackRow(Base):
    """A nation's feedback report on an activity it took part in."""

    __tablename__ = "coop_feedback"
    __table_args__ = (sa.Index(None, "nation", "activity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(_fk("coop_activities.id", cascade=True), index=True)
    nation: Mapped[str]
    rating: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    created: Mapped[_dt.datetime]


class CoopPackageRow(Base):
    """A Defence Capacity Building package agreed at a partner's request."""

    __tablename__ = "coop_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(index=True)
    title: Mapped[str]
    agreed: Mapped[_dt.date]
    status: Mapped[str]
    synthetic: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)


class CoopPackageRevisionRow(Base):
    """A revision of a DCB package (about every two years)."""

    __tablename__ = "coop_package_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(_fk("coop_packages.id", cascade=True), index=True)
    revised: Mapped[_dt.date]
    summary: Mapped[str] = mapped_column(sa.Text)


class CoopPackageMeasureRow(Base):
    """A measure of a DCB package, in a cooperation area."""

    __tablename__ = "coop_package_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(_fk("coop_packages.id", cascade=True), index=True)
    area: Mapped[str] = mapped_column(_fk("coop_areas.slug"))
    title: Mapped[str]


class CoopPackageSupporterRow(Base):
    """An Ally (or partner) supporting a DCB package."""

    __tablename__ = "coop_package_supporters"

    package_id: Mapped[int] = mapped_column(_fk("coop_packages.id", cascade=True), primary_key=True)
    nation: Mapped[str] = mapped_column(primary_key=True)


class CoopDecisionRow(Base):
    """A proposal put under the silence procedure: `silence`, then `broken` or `adopted`."""

    __tablename__ = "coop_decisions"
    __table_args__ = (sa.Index(None, "state", "deadline"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str]
    title: Mapped[str]
    proposed_by: Mapped[int] = mapped_column(_fk("coop_users.id"))
    circulated: Mapped[_dt.datetime]
    deadline: Mapped[_dt.datetime]
    state: Mapped[str]
    synthetic: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)


class CoopDecisionStepRow(Base):
    """One recorded step of a decision: circulated, silence broken (with a reason), adopted."""

    __tablename__ = "coop_decision_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(_fk("coop_decisions.id", cascade=True), index=True)
    at: Mapped[_dt.datetime]
    kind: Mapped[str]
    nation: Mapped[str | None]
    user_id: Mapped[int | None] = mapped_column(_fk("coop_users.id"))
    reason: Mapped[str] = mapped_column(sa.Text)


class CoopAuditRow(Base):
    """One write, chained: `hash` = SHA-256 of the previous entry's hash and this entry."""

    __tablename__ = "coop_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[_dt.datetime]
    who: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    before: Mapped[str] = mapped_column(sa.Text)
    after: Mapped[str] = mapped_column(sa.Text)
    previous_hash: Mapped[str]
    hash: Mapped[str] = mapped_column(unique=True)


def table_of(row: type[Base]) -> sa.Table:
    """The Core table of a mapped class (typed as a `Table`, as the services use it)."""
    return Base.metadata.tables[row.__tablename__]


#: The names of the cooperation tables.
COOP_TABLES = tuple(name for name in Base.metadata.tables if name.startswith("coop_"))
