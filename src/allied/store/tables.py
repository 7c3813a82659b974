"""The database tables: one per fact family, link tables for lists, indexed for date ranges.

Every date is stored four ways: the ISO text at its own precision (`start`),
the precision (`start_precision`: `day`, `month`, `year` or `range`), and the first and
last days it can stand for (`start_first`, `start_last`, SQL `DATE`), so SQL
can ask date-range questions without parsing text. A list in a data file (the
sources a fact cites, an event's actors) is a link table with a `position`
keeping its order. Foreign keys are checked at commit, so one sync is checked
as a whole. The schema changes only through the Alembic migrations beside this
module; `tests/store/test_schema.py` checks that they match these models.

>>> sorted(Base.metadata.tables)[:3]
['accession_case_sources', 'accession_cases', 'actor_sources']
"""

from __future__ import annotations

import datetime as _dt

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The declarative base of every table; its metadata is Alembic's target."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _refers(target: str, *, cascade: bool = False) -> sa.ForeignKey:
    """A foreign key checked at commit; link rows go with the fact that owns them."""
    return sa.ForeignKey(
        target, deferrable=True, initially="DEFERRED", ondelete="CASCADE" if cascade else None
    )


class _Period:
    """`start` (required) and `end` (empty while ongoing), each stored four ways."""

    start: Mapped[str]
    start_precision: Mapped[str]
    start_first: Mapped[_dt.date]
    start_last: Mapped[_dt.date]
    end: Mapped[str | None]
    end_precision: Mapped[str | None]
    end_first: Mapped[_dt.date | None]
    end_last: Mapped[_dt.date | None]


class SourceRow(Base):
    """A source: who published what, where, when."""

    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(primary_key=True)
    kind: Mapped[str]
    publisher: Mapped[str]
    title: Mapped[str]
    url: Mapped[str]
    published: Mapped[str | None]
    published_precision: Mapped[str | None]
    published_first: Mapped[_dt.date | None]
    published_last: Mapped[_dt.date | None]
    note: Mapped[str] = mapped_column(sa.Text)


class ActorRow(Base):
    """A state or an international organisation, with its cross-walk codes."""

    __tablename__ = "actors"

    code: Mapped[str] = mapped_column(primary_key=True)
    kind: Mapped[str]
    iso2: Mapped[str]
    iso_numeric: Mapped[str]
    cow: Mapped[int | None]
    wikidata: Mapped[str]


class NameRow(Base):
    """A name of an actor over the period it was in use (aliases have none)."""

    __tablename__ = "names"
    __table_args__ = (sa.UniqueConstraint("actor", "kind", "name", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(_refers("actors.code"), index=True)
    name: Mapped[str] = mapped_column(index=True)
    kind: Mapped[str]
    start: Mapped[str | None]
    start_precision: Mapped[str | None]
    start_first: Mapped[_dt.date | None]
    start_last: Mapped[_dt.date | None]
    end: Mapped[str | None]
    end_precision: Mapped[str | None]
    end_first: Mapped[_dt.date | None]
    end_last: Mapped[_dt.date | None]
    note: Mapped[str] = mapped_column(sa.Text)


class FrameworkRow(_Period, Base):
    """The Alliance, a partnership, programme, status, body or relation.

    `start` is empty for a label with no founding act (partners across the globe).
    """

    __tablename__ = "frameworks"

    start: Mapped[str | None] = mapped_column(nullable=True)  # type: ignore[assignment]
    start_precision: Mapped[str | None] = mapped_column(nullable=True)  # type: ignore[assignment]
    start_first: Mapped[_dt.date | None] = mapped_column(nullable=True)  # type: ignore[assignment]
    start_last: Mapped[_dt.date | None] = mapped_column(nullable=True)  # type: ignore[assignment]
    slug: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    end_reason: Mapped[str]
    replaced_by: Mapped[str | None] = mapped_column(_refers("frameworks.slug"))
    founding_source: Mapped[str | None] = mapped_column(_refers("sources.id"))
    note: Mapped[str] = mapped_column(sa.Text)


class MembershipRow(_Period, Base):
    """One actor in one framework in one role over a period."""

    __tablename__ = "memberships"
    __table_args__ = (
        sa.UniqueConstraint("framework", "actor", "role", "start"),
        sa.Index(None, "framework", "start_first"),
        sa.Index(None, "actor", "start_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    framework: Mapped[str] = mapped_column(_refers("frameworks.slug"))
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    role: Mapped[str]
    end_reason: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class StatusRow(_Period, Base):
    """A sub-period of a membership with a status other than `active`."""

    __tablename__ = "statuses"
    __table_args__ = (
        sa.UniqueConstraint("framework", "actor", "role", "start"),
        sa.Index(None, "actor", "start_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    framework: Mapped[str] = mapped_column(_refers("frameworks.slug"))
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    role: Mapped[str]
    status: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class CowCodeRow(_Period, Base):
    """A span in which a state was in the COW state system under one COW code."""

    __tablename__ = "cow_codes"
    __table_args__ = (sa.UniqueConstraint("actor", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    cow: Mapped[int]
    abbreviation: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class ExemptionRow(Base):
    """A framework that an actor's suspension in a sibling framework does not extend to."""

    __tablename__ = "exemptions"
    __table_args__ = (sa.UniqueConstraint("framework", "actor", "role", "suspended_in"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework: Mapped[str] = mapped_column(_refers("frameworks.slug"))
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    role: Mapped[str]
    suspended_in: Mapped[str] = mapped_column(_refers("frameworks.slug"))
    note: Mapped[str] = mapped_column(sa.Text)


class TerritoryRow(_Period, Base):
    """A dependent territory the map draws with its sovereign's tie."""

    __tablename__ = "territories"
    __table_args__ = (sa.UniqueConstraint("code", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str]
    name: Mapped[str]
    iso_numeric: Mapped[str]
    sovereign: Mapped[str] = mapped_column(_refers("actors.code"))
    note: Mapped[str] = mapped_column(sa.Text)


class EventRow(_Period, Base):
    """A dated event: a summit, a protocol, a declaration."""

    __tablename__ = "events"
    __table_args__ = (sa.Index(None, "start_first"), sa.Index(None, "kind", "start_first"))

    id: Mapped[str] = mapped_column(primary_key=True)
    kind: Mapped[str]
    title: Mapped[str]
    place: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class AccessionCaseRow(Base):
    """One candidate's invitation, protocol and accession."""

    __tablename__ = "accession_cases"

    candidate: Mapped[str] = mapped_column(_refers("actors.code"), primary_key=True)
    invited: Mapped[str | None]
    invited_precision: Mapped[str | None]
    invited_first: Mapped[_dt.date | None]
    invited_last: Mapped[_dt.date | None]
    invited_at: Mapped[str]
    protocol: Mapped[str | None] = mapped_column(_refers("events.id"))
    accession: Mapped[str | None] = mapped_column(_refers("events.id"))
    note: Mapped[str] = mapped_column(sa.Text)


class RatificationRow(Base):
    """One Ally's step in ratifying a candidate's accession protocol."""

    __tablename__ = "ratifications"
    __table_args__ = (
        sa.UniqueConstraint("candidate", "ally", "milestone"),
        sa.Index(None, "candidate", "date_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate: Mapped[str] = mapped_column(_refers("accession_cases.candidate"))
    ally: Mapped[str] = mapped_column(_refers("actors.code"))
    milestone: Mapped[str]
    date: Mapped[str]
    date_precision: Mapped[str]
    date_first: Mapped[_dt.date]
    date_last: Mapped[_dt.date]
    note: Mapped[str] = mapped_column(sa.Text)


class ProcedureRow(Base):
    """Whether an Ally's ratification procedure has a milestone, and which act fills it."""

    __tablename__ = "procedures"
    __table_args__ = (sa.UniqueConstraint("ally", "milestone", "since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ally: Mapped[str] = mapped_column(_refers("actors.code"))
    milestone: Mapped[str]
    applies: Mapped[bool]
    since: Mapped[str | None]
    since_precision: Mapped[str | None]
    since_first: Mapped[_dt.date | None]
    since_last: Mapped[_dt.date | None]
    until: Mapped[str | None]
    until_precision: Mapped[str | None]
    until_first: Mapped[_dt.date | None]
    until_last: Mapped[_dt.date | None]
    note: Mapped[str] = mapped_column(sa.Text)


class CoreTaskRow(Base):
    """A core task set by a Strategic Concept, in its stated order."""

    __tablename__ = "core_tasks"
    __table_args__ = (sa.UniqueConstraint("event", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[str] = mapped_column(_refers("events.id"))
    position: Mapped[int]
    task: Mapped[str] = mapped_column(sa.Text)


class StatedCountRow(Base):
    """A count an official text states for a framework on a date."""

    __tablename__ = "stated_counts"
    __table_args__ = (sa.UniqueConstraint("framework", "on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework: Mapped[str] = mapped_column(_refers("frameworks.slug"))
    on: Mapped[str]
    on_precision: Mapped[str]
    on_first: Mapped[_dt.date]
    on_last: Mapped[_dt.date]
    count: Mapped[int]
    note: Mapped[str] = mapped_column(sa.Text)


class ConflictRow(Base):
    """A value another source gives, and which value the dataset keeps and why."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(index=True)
    claim: Mapped[str] = mapped_column(sa.Text)
    resolution: Mapped[str] = mapped_column(sa.Text)


class FormatRow(Base):
    """A table NATO sits at with others."""

    __tablename__ = "formats"

    slug: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class OperationRow(_Period, Base):
    """A NATO-led operation, mission or activity."""

    __tablename__ = "operations"
    __table_args__ = (sa.Index(None, "start_first"),)

    slug: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    parent: Mapped[str | None] = mapped_column(_refers("operations.slug"))
    area: Mapped[str]
    predecessor: Mapped[str | None] = mapped_column(_refers("operations.slug"))
    successor: Mapped[str | None] = mapped_column(_refers("operations.slug"))
    note: Mapped[str] = mapped_column(sa.Text)


class ContributionRow(_Period, Base):
    """One actor's part in one operation in one role, over a period."""

    __tablename__ = "contributions"
    __table_args__ = (
        sa.UniqueConstraint("operation", "actor", "role", "start"),
        sa.Index(None, "operation", "start_first"),
        sa.Index(None, "actor", "start_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[str] = mapped_column(_refers("operations.slug"))
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    role: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class SnapshotRow(Base):
    """One actor's part in one operation on a dated list, with the figure printed."""

    __tablename__ = "snapshots"
    __table_args__ = (
        sa.UniqueConstraint("operation", "as_of", "actor", "role"),
        sa.Index(None, "operation", "as_of_first"),
        sa.Index(None, "actor", "as_of_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[str] = mapped_column(_refers("operations.slug"))
    as_of: Mapped[str]
    as_of_precision: Mapped[str]
    as_of_first: Mapped[_dt.date]
    as_of_last: Mapped[_dt.date]
    actor: Mapped[str] = mapped_column(_refers("actors.code"))
    role: Mapped[str]
    personnel: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class SnapshotTotalRow(Base):
    """The totals a source states for an operation on a date."""

    __tablename__ = "snapshot_totals"
    __table_args__ = (sa.UniqueConstraint("operation", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[str] = mapped_column(_refers("operations.slug"))
    as_of: Mapped[str]
    as_of_precision: Mapped[str]
    as_of_first: Mapped[_dt.date]
    as_of_last: Mapped[_dt.date]
    personnel: Mapped[int | None]
    nations: Mapped[int | None]
    unnamed_nations: Mapped[int | None]
    unnamed_personnel: Mapped[int | None]
    listing: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class ReleaseRow(Base):
    """One release of NATO's defence-expenditure tables."""

    __tablename__ = "releases"

    id: Mapped[str] = mapped_column(primary_key=True)
    published: Mapped[str]
    published_precision: Mapped[str]
    published_first: Mapped[_dt.date]
    published_last: Mapped[_dt.date]
    cutoff: Mapped[str | None]
    cutoff_precision: Mapped[str | None]
    cutoff_first: Mapped[_dt.date | None]
    cutoff_last: Mapped[_dt.date | None]
    base_year: Mapped[int | None]
    title: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class SpendingValueRow(Base):
    """One figure of one release: an Ally's measure for a year, with its estimate flag.

    `ally` is an actor's code or `NATO` (the total), so it has no foreign key.
    """

    __tablename__ = "spending"
    __table_args__ = (
        sa.UniqueConstraint("release", "ally", "year", "measure"),
        sa.Index(None, "ally", "year", "measure"),
        sa.Index(None, "measure", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    release: Mapped[str] = mapped_column(_refers("releases.id"))
    ally: Mapped[str]
    year: Mapped[int]
    measure: Mapped[str]
    value: Mapped[float]
    estimate: Mapped[bool]
    note: Mapped[str] = mapped_column(sa.Text)


class GuidelineRow(Base):
    """A dated spending rule: measure, threshold, the years it judges."""

    __tablename__ = "guidelines"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str]
    adopted: Mapped[str]
    adopted_precision: Mapped[str]
    adopted_first: Mapped[_dt.date]
    adopted_last: Mapped[_dt.date]
    event: Mapped[str | None] = mapped_column(_refers("events.id"))
    measure: Mapped[str]
    threshold: Mapped[float | None]
    from_year: Mapped[int]
    until_year: Mapped[int | None]
    target_year: Mapped[int | None]
    text: Mapped[str] = mapped_column(sa.Text)
    note: Mapped[str] = mapped_column(sa.Text)


class EuNatoDocumentRow(Base):
    """An EU-NATO Joint Declaration, common set of proposals or progress report."""

    __tablename__ = "eu_nato_documents"

    id: Mapped[str] = mapped_column(primary_key=True)
    kind: Mapped[str]
    date: Mapped[str]
    date_precision: Mapped[str]
    date_first: Mapped[_dt.date]
    date_last: Mapped[_dt.date]
    title: Mapped[str]
    note: Mapped[str] = mapped_column(sa.Text)


class ProposalRow(Base):
    """One EU-NATO common proposal: its set, number and area."""

    __tablename__ = "proposals"
    __table_args__ = (sa.UniqueConstraint("set", "number"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    set: Mapped[str] = mapped_column(_refers("eu_nato_documents.id"))
    number: Mapped[int]
    area: Mapped[str] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(sa.Text)
    note: Mapped[str] = mapped_column(sa.Text)


def _link_table(name: str, owner: str, value: str, *, value_refers: str | None) -> sa.Table:
    """A list belonging to a fact: `(owner, position) -> value`, in the list's order."""
    owner_table, owner_column = owner.split(".")
    owner_key = Base.metadata.tables[owner_table].c[owner_column]
    # A natural key is named like the fact (`actor`), a surrogate one `membership_id`.
    owner_name = _singular(owner_table)
    if isinstance(owner_key.type, sa.Integer):
        owner_name += "_id"
    return sa.Table(
        name,
        Base.metadata,
        sa.Column(owner_name, owner_key.type, _refers(owner, cascade=True), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column(
            value,
            sa.String(),
            *([_refers(value_refers)] if value_refers else []),
            nullable=False,
            index=value_refers is not None,
        ),
    )


def _singular(table: str) -> str:
    return {"statuses": "status", "territories": "territory"}.get(table, table.removesuffix("s"))


def link_table(family: str, field: str) -> sa.Table:
    """The link table holding a family's list `field`: `<singular family>_<field>`."""
    return Base.metadata.tables[f"{_singular(family)}_{field}"]


FRAMEWORK_ALIASES = _link_table("framework_aliases", "frameworks.slug", "alias", value_refers=None)
EVENT_ACTORS = _link_table("event_actors", "events.id", "actor", value_refers="actors.code")
EVENT_FRAMEWORKS = _link_table(
    "event_frameworks", "events.id", "framework", value_refers="frameworks.slug"
)
FORMAT_FRAMEWORKS = _link_table(
    "format_frameworks", "formats.slug", "framework", value_refers="frameworks.slug"
)
OPERATION_LEGAL_BASIS = _link_table(
    "operation_legal_basis", "operations.slug", "legal_basis", value_refers=None
)
OPERATION_ALIASES = _link_table("operation_aliases", "operations.slug", "alias", value_refers=None)
PROPOSAL_REPORTS = _link_table(
    "proposal_reports", "proposals.id", "report", value_refers="eu_nato_documents.id"
)

#: The sources each family cites: `<family>_sources(owner, position, source)`.
CITATIONS: dict[str, sa.Table] = {
    table: _link_table(
        f"{_singular(table)}_sources", f"{table}.{key}", "source", value_refers="sources.id"
    )
    for table, key in (
        ("actors", "code"),
        ("names", "id"),
        ("frameworks", "slug"),
        ("memberships", "id"),
        ("statuses", "id"),
        ("exemptions", "id"),
        ("territories", "id"),
        ("events", "id"),
        ("accession_cases", "candidate"),
        ("ratifications", "id"),
        ("procedures", "id"),
        ("core_tasks", "id"),
        ("stated_counts", "id"),
        ("conflicts", "id"),
        ("formats", "slug"),
        ("operations", "slug"),
        ("contributions", "id"),
        ("snapshots", "id"),
        ("snapshot_totals", "id"),
        ("cow_codes", "id"),
        ("releases", "id"),
        ("spending", "id"),
        ("guidelines", "id"),
        ("eu_nato_documents", "id"),
        ("proposals", "id"),
    )
}

# The operational (cooperation) tables join the same metadata: one Alembic history.
from allied.store import coop_tables as _coop_tables  # noqa: E402,F401
