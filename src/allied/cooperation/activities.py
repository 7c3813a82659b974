"""The catalogue: activities by area, their lifecycle, and who sees which.

An activity goes `proposed → approved → open → held → reported`; it may be
`cancelled` before it is held. Staff take every step; the Ally hosting it may
open it, mark it held and report it; only staff approve or cancel. Staff and
Allies see the whole catalogue; a partner sees the open, held and reported
activities it is eligible for on their start date (see `eligibility`) and the
ones it hosts, and nothing else, with every filter applied in the query.

>>> ALLOWED["proposed"]
('approved', 'cancelled')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.areas import areas, ensure_areas
from allied.cooperation.context import Context
from allied.cooperation.eligibility import OPEN_TO, eligible_partners, windows
from allied.cooperation.errors import (
    Forbidden,
    InvalidInput,
    InvalidTransition,
    NotFound,
    StaleVersion,
)
from allied.cooperation.principal import Principal
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import CoopActivityRow, table_of

ACTIVITIES = table_of(CoopActivityRow)
STATES = ("proposed", "approved", "open", "held", "reported", "cancelled")
KINDS = ("course", "seminar", "exercise", "training", "conference", "workshop")
ALLOWED: dict[str, tuple[str, ...]] = {
    "proposed": ("approved", "cancelled"),
    "approved": ("open", "cancelled"),
    "open": ("held", "cancelled"),
    "held": ("reported",),
    "reported": (),
    "cancelled": (),
}
#: The steps the hosting Ally may take itself; the others are staff's.
HOST_STEPS = ("open", "held", "reported")
#: What a partner sees of the catalogue.
PUBLISHED = ("open", "held", "reported")


@dataclass(frozen=True)
class Activity(Answer):
    """One catalogue entry, with its version (the ETag of writes)."""

    id: int
    title: str
    area: str
    kind: str
    host: str
    place: str
    start: _dt.date
    end: _dt.date
    capacity: int
    language: str
    open_to: str
    state: str
    synthetic: bool
    version: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "title",
        "area",
        "kind",
        "host",
        "place",
        "start",
        "end",
        "capacity",
        "language",
        "open_to",
        "state",
        "synthetic",
        "version",
    )


@dataclass(frozen=True)
class ActivityDetail(Answer):
    """An activity, the partners eligible on its start date, and its steps allowed next."""

    activity: Activity
    eligible: tuple[str, ...]
    next_states: tuple[str, ...]
    registered_participants: int


@dataclass(frozen=True)
class Facet:
    """One value of a facet and how many visible activities have it."""

    value: str
    count: int


@dataclass(frozen=True)
class FacetGroup:
    """The counts of one facet (`area`, `kind`, `state`, `open_to`)."""

    name: str
    values: tuple[Facet, ...]


@dataclass(frozen=True)
class ActivityList(Listing):
    """A page of the catalogue, with counts by area, kind, state and audience."""

    facets: tuple[FacetGroup, ...] | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = Activity.COLUMNS


def activity_of(row: Any) -> Activity:
    """An activity from its table row."""
    return Activity(*(row._mapping[name] for name in Activity.COLUMNS))


def visible(principal: Principal, context: Context) -> sa.ColumnElement[bool]:
    """The SQL condition selecting the activities `principal` may see."""
    if principal.reads_all:
        return sa.true()
    if not principal.is_partner or principal.nation is None:
        return sa.false()
    eligible = [
        sa.and_(
            ACTIVITIES.c.open_to.in_((w.framework, "partners")),
            ACTIVITIES.c.start >= w.start,
            *([ACTIVITIES.c.start < w.end] if w.end is not None else []),
        )
        for w in windows(context.registry, principal.nation)
    ]
    return sa.and_(
        ACTIVITIES.c.state.in_(PUBLISHED),
        sa.or_(ACTIVITIES.c.host == principal.nation, *eligible),
    )


def _filters(
    *,
    area: str | None,
    start: _dt.date | None,
    end: _dt.date | None,
    open_to: str | None,
    state: str | None,
    kind: str | None,
) -> list[sa.ColumnElement[bool]]:
    if open_to is not None and open_to not in OPEN_TO:
        raise InvalidInput(f"open_to must be one of {', '.join(OPEN_TO)}, not {open_to!r}")
    if state is not None and state not in STATES:
        raise InvalidInput(f"state must be one of {', '.join(STATES)}, not {state!r}")
    if start is not None and end is not None and end < start:
        raise InvalidInput(f"to ({end}) is before from ({start})")
    conditions: list[sa.ColumnElement[bool]] = []
    if area is not None:
        conditions.append(ACTIVITIES.c.area == area)
    if kind is not None:
        conditions.append(ACTIVITIES.c.kind == kind)
    if start is not None:
        conditions.append(ACTIVITIES.c.start >= start)
    if end is not None:
        conditions.append(ACTIVITIES.c.start <= end)
    if open_to is not None:
        conditions.append(ACTIVITIES.c.open_to == open_to)
    if state is not None:
        conditions.append(ACTIVITIES.c.state == state)
    return conditions


def list_activities(
    context: Context,
    principal: Principal,
    *,
    area: str | None = None,
    start: _dt.date | None = None,
    end: _dt.date | None = None,
    open_to: str | None = None,
    state: str | None = None,
    kind: str | None = None,
    offset: int = 0,
    limit: int = 100,
    facets: bool = False,
) -> ActivityList:
    """The visible activities matching every filter, by start date; facet counts if asked."""
    where = sa.and_(
        visible(principal, context),
        *_filters(area=area, start=start, end=end, open_to=open_to, state=state, kind=kind),
    )
    with reading(context.engine) as connection:
        rows = connection.execute(
            sa.select(ACTIVITIES)
            .where(where)
            .order_by(ACTIVITIES.c.start, ACTIVITIES.c.id)
            .offset(offset)
            .limit(limit)
        ).all()
        if facets:
            counted = _facets(connection, where)
            total = sum(facet.count for facet in counted[0].values)
        else:
            counted = None
            total = connection.execute(
                sa.select(sa.func.count()).select_from(ACTIVITIES).where(where)
            ).scalar_one()
    following = offset + limit if offset + limit < total else None
    items = tuple(activity_of(row) for row in rows)
    return ActivityList(total, offset, limit, following, items, counted)


FACETS = ("area", "kind", "state", "open_to")


def _facets(connection: Connection, where: sa.ColumnElement[bool]) -> tuple[FacetGroup, ...]:
    """Every facet's counts in one statement (one round trip): a UNION ALL of group-bys."""
    parts = [
        sa.select(sa.literal(name).label("facet"), ACTIVITIES.c[name].label("value"),
                  sa.func.count().label("n"))
        .where(where)
        .group_by(ACTIVITIES.c[name])
        for name in FACETS
    ]  # fmt: skip
    found: dict[str, list[Facet]] = {name: [] for name in FACETS}
    for facet, value, count in connection.execute(sa.union_all(*parts)).all():
        found[facet].append(Facet(value, count))
    return tuple(
        FacetGroup(name, tuple(sorted(found[name], key=lambda f: f.value))) for name in FACETS
    )


def titles(context: Context, principal: Principal, idents: list[int]) -> dict[int, str]:
    """The titles of those of `idents` that `principal` may see, in one query."""
    if not idents:
        return {}
    with reading(context.engine) as connection:
        rows = connection.execute(
            sa.select(ACTIVITIES.c.id, ACTIVITIES.c.title).where(
                ACTIVITIES.c.id.in_(idents), visible(principal, context)
            )
        ).all()
    return {row.id: row.title for row in rows}


def _fetch(connection: Connection, context: Context, principal: Principal, ident: int) -> Any:
    row = connection.execute(
        sa.select(ACTIVITIES).where(ACTIVITIES.c.id == ident, visible(principal, context))
    ).first()
    if row is None:
        raise NotFound("activity", ident)
    return row


def get_activity(context: Context, principal: Principal, ident: int) -> ActivityDetail:
    """One visible activity with its eligible partners; `NotFound` otherwise."""
    from allied.store.coop_tables import CoopRegistrationRow, table_of

    registrations = table_of(CoopRegistrationRow)
    with reading(context.engine) as connection:
        activity = activity_of(_fetch(connection, context, principal, ident))
        scope = registrations.c.activity_id == ident
        if not principal.reads_all:
            scope = sa.and_(scope, registrations.c.nation == principal.nation)
        registered = connection.execute(
            sa.select(sa.func.coalesce(sa.func.sum(registrations.c.participants), 0)).where(scope)
        ).scalar_one()
    eligible = eligible_partners(context.registry, activity.open_to, activity.start)
    if not principal.reads_all:
        eligible = [code for code in eligible if code == principal.nation]
    steps = tuple(s for s in ALLOWED[activity.state] if may_step(principal, activity, s))
    return ActivityDetail(activity, tuple(eligible), steps, int(registered))


def may_step(principal: Principal, activity: Activity, state: str) -> bool:
    """Whether `principal` may move `activity` to `state` (allowed or not by the lifecycle)."""
    if principal.is_staff:
        return True
    return principal.role == "ally" and principal.nation == activity.host and state in HOST_STEPS


def validate_fields(context: Context, fields: dict[str, Any]) -> dict[str, Any]:
    """Check a new activity's fields: return them typed, or raise `InvalidInput`."""
    required = ("title", "area", "kind", "host", "place", "start", "end", "capacity", "language")
    missing = [name for name in required if fields.get(name) in (None, "")]
    if missing:
        raise InvalidInput(f"missing field(s): {', '.join(missing)}")
    known_areas = {area.slug for area in areas()}
    if fields["area"] not in known_areas:
        raise InvalidInput(
            f"unknown area {fields['area']!r} (one of: {', '.join(sorted(known_areas))})"
        )
    if fields["kind"] not in KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(KINDS)}, not {fields['kind']!r}")
    open_to = fields.get("open_to") or "partners"
    if open_to not in OPEN_TO:
        raise InvalidInput(f"open_to must be one of {', '.join(OPEN_TO)}, not {open_to!r}")
    host = str(fields["host"]).upper()
    if context.registry.get_actor(host) is None:
        raise InvalidInput(f"unknown host {fields['host']!r}: give an actor code such as BEL")
    try:
        start = _as_date(fields["start"])
        end = _as_date(fields["end"])
        capacity = int(fields["capacity"])
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"bad date or capacity: {error}") from None
    if end < start:
        raise InvalidInput(f"end ({end}) is before start ({start})")
    if not 1 <= capacity <= 10_000:
        raise InvalidInput(f"capacity must be between 1 and 10000, not {capacity}")
    title = str(fields["title"]).strip()
    if len(title) > 200:
        raise InvalidInput("title is longer than 200 characters")
    return {
        "title": title,
        "area": fields["area"],
        "kind": fields["kind"],
        "host": context.registry.actor_of(host).code,
        "place": str(fields["place"]).strip()[:200],
        "start": start,
        "end": end,
        "capacity": capacity,
        "language": str(fields["language"]).strip()[:40],
        "open_to": open_to,
    }


def _as_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def create_activity(context: Context, principal: Principal, fields: dict[str, Any]) -> Activity:
    """Propose an activity (staff, or an Ally hosting it itself); it starts `proposed`."""
    if principal.role not in ("staff", "ally"):
        raise Forbidden("only staff and Allies propose activities")
    values = validate_fields(context, fields)
    if principal.role == "ally" and values["host"] != principal.nation:
        raise Forbidden(f"an Ally proposes the activities it hosts itself ({principal.nation})")
    values |= {"state": "proposed", "synthetic": False, "version": 1}
    with writing(context.engine) as connection:
        ensure_areas(connection)
        ident = connection.execute(
            sa.insert(ACTIVITIES).values(values).returning(ACTIVITIES.c.id)
        ).scalar_one()
        created = activity_of(
            connection.execute(sa.select(ACTIVITIES).where(ACTIVITIES.c.id == ident)).one()
        )
        audit.record(connection, principal, "create", "activity", ident, after=_plain(created))
    return created


def transition(
    context: Context, principal: Principal, ident: int, state: str, *, expected_version: int
) -> Activity:
    """Move an activity to `state` if the lifecycle and the caller's role allow it.

    Raises `NotFound` (not visible), `InvalidTransition`, `Forbidden`, or
    `StaleVersion` when the activity changed since `expected_version`.
    """
    if state not in STATES:
        raise InvalidInput(f"state must be one of {', '.join(STATES)}, not {state!r}")
    with writing(context.engine) as connection:
        before = activity_of(_fetch(connection, context, principal, ident))
        if before.version != expected_version:
            raise StaleVersion(
                f"activity {ident} is at version {before.version}, not {expected_version}"
            )
        if state not in ALLOWED[before.state]:
            raise InvalidTransition(f"activity {ident} cannot go from {before.state} to {state}")
        if not may_step(principal, before, state):
            raise Forbidden(f"your role may not move an activity to {state}")
        done = connection.execute(
            sa.update(ACTIVITIES)
            .where(ACTIVITIES.c.id == ident, ACTIVITIES.c.version == expected_version)
            .values(state=state, version=ACTIVITIES.c.version + 1)
        )
        if done.rowcount != 1:
            raise StaleVersion(f"activity {ident} changed meanwhile")
        after = activity_of(
            connection.execute(sa.select(ACTIVITIES).where(ACTIVITIES.c.id == ident)).one()
        )
        audit.record(
            connection,
            principal,
            f"transition:{state}",
            "activity",
            ident,
            before=_plain(before),
            after=_plain(after),
        )
    return after


def _plain(activity: Activity) -> dict[str, Any]:
    return activity.document()
