"""Registrations: how many participants a nation sends to an activity, and participation counts.

A registration holds a count and, only where the host needs one, a contact's
name and role — no other personal data. A partner registers its own nation
for an open activity it is eligible for; staff may register any eligible
partner or Ally. Staff and Allies read every registration; a partner only its
own, in lists, counts and dashboards alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.activities import ACTIVITIES, _fetch, activity_of
from allied.cooperation.context import Context
from allied.cooperation.eligibility import is_ally, is_eligible
from allied.cooperation.errors import Forbidden, InvalidInput, NotFound, StaleVersion
from allied.cooperation.principal import Principal
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import CoopRegistrationRow, table_of

REGISTRATIONS = table_of(CoopRegistrationRow)


@dataclass(frozen=True)
class Registration(Answer):
    """One nation's registration for one activity."""

    id: int
    activity_id: int
    nation: str
    participants: int
    contact_name: str | None
    contact_role: str | None
    synthetic: bool
    version: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "activity_id",
        "nation",
        "participants",
        "contact_name",
        "contact_role",
        "synthetic",
        "version",
    )


@dataclass(frozen=True)
class RegistrationList(Listing):
    """A page of registrations."""

    COLUMNS: ClassVar[tuple[str, ...]] = Registration.COLUMNS


@dataclass(frozen=True)
class ParticipationCell:
    """Participants a nation (or every visible nation) sent in one area in one year."""

    year: int
    area: str
    activities: int
    participants: int


@dataclass(frozen=True)
class Participation(Answer):
    """Participation by area over the years: a partner's dashboard."""

    nation: str | None
    cells: tuple[ParticipationCell, ...]

    COLUMNS: ClassVar[tuple[str, ...]] = ("year", "area", "activities", "participants")
    ROWS: ClassVar[str] = "cells"


def registration_of(row: Any) -> Registration:
    """A registration from its table row."""
    return Registration(*(row._mapping[name] for name in Registration.COLUMNS))


def scope(principal: Principal) -> sa.ColumnElement[bool]:
    """The SQL condition selecting the registrations `principal` may see."""
    if principal.reads_all:
        return sa.true()
    if principal.is_partner and principal.nation is not None:
        return sa.and_(REGISTRATIONS.c.nation == principal.nation)
    return sa.false()


def list_registrations(
    context: Context,
    principal: Principal,
    *,
    activity_id: int | None = None,
    nation: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> RegistrationList:
    """The visible registrations, optionally of one activity or nation, newest activity first."""
    where = [scope(principal)]
    if activity_id is not None:
        where.append(REGISTRATIONS.c.activity_id == activity_id)
    if nation is not None:
        where.append(REGISTRATIONS.c.nation == nation.upper())
    condition = sa.and_(*where)
    with reading(context.engine) as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(REGISTRATIONS).where(condition)
        ).scalar_one()
        rows = connection.execute(
            sa.select(REGISTRATIONS)
            .where(condition)
            .order_by(REGISTRATIONS.c.activity_id.desc(), REGISTRATIONS.c.nation)
            .offset(offset)
            .limit(limit)
        ).all()
    following = offset + limit if offset + limit < total else None
    return RegistrationList(total, offset, limit, following, tuple(map(registration_of, rows)))


def get_registration(context: Context, principal: Principal, ident: int) -> Registration:
    """One visible registration; `NotFound` for a missing one and another nation's alike."""
    with reading(context.engine) as connection:
        row = connection.execute(
            sa.select(REGISTRATIONS).where(REGISTRATIONS.c.id == ident, scope(principal))
        ).first()
    if row is None:
        raise NotFound("registration", ident)
    return registration_of(row)


def _contact(fields: dict[str, Any]) -> tuple[str | None, str | None]:
    name = (fields.get("contact_name") or "").strip() or None
    role = (fields.get("contact_role") or "").strip() or None
    if (name and len(name) > 120) or (role and len(role) > 80):
        raise InvalidInput("contact_name is at most 120 characters, contact_role 80")
    return name, role


def _participants(value: Any) -> int:
    try:
        count = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"participants must be a whole number, not {value!r}") from None
    if not 1 <= count <= 500:
        raise InvalidInput(f"participants must be between 1 and 500, not {count}")
    return count


def register(
    context: Context, principal: Principal, activity_id: int, fields: dict[str, Any]
) -> Registration:
    """Register a nation's participants for an open activity; one registration per nation."""
    if principal.is_partner:
        nation = principal.nation
    elif principal.is_staff:
        nation = str(fields.get("nation") or "").upper() or None
    else:
        raise Forbidden("Allies do not register through a partner's programme; staff may")
    if not nation:
        raise InvalidInput("nation is required")
    participants = _participants(fields.get("participants"))
    name, role = _contact(fields)
    with writing(context.engine) as connection:
        activity = activity_of(_fetch(connection, context, principal, activity_id))
        if activity.state != "open":
            raise InvalidInput(f"activity {activity_id} is {activity.state}, not open")
        if not (
            is_eligible(context.registry, nation, activity.open_to, activity.start)
            or (principal.is_staff and is_ally(context.registry, nation, activity.start))
        ):
            raise InvalidInput(f"{nation} is not eligible for activity {activity_id}")
        taken = connection.execute(
            sa.select(sa.func.coalesce(sa.func.sum(REGISTRATIONS.c.participants), 0)).where(
                REGISTRATIONS.c.activity_id == activity_id
            )
        ).scalar_one()
        exists = connection.execute(
            sa.select(REGISTRATIONS.c.id).where(
                REGISTRATIONS.c.activity_id == activity_id, REGISTRATIONS.c.nation == nation
            )
        ).first()
        if exists is not None:
            raise InvalidInput(f"{nation} is already registered for activity {activity_id}")
        if taken + participants > activity.capacity:
            raise InvalidInput(
                f"activity {activity_id} has {activity.capacity - taken} places left"
            )
        values = {
            "activity_id": activity_id,
            "nation": nation,
            "participants": participants,
            "contact_name": name,
            "contact_role": role,
            "synthetic": False,
            "version": 1,
        }
        ident = connection.execute(
            sa.insert(REGISTRATIONS).values(values).returning(REGISTRATIONS.c.id)
        ).scalar_one()
        created = registration_of(
            connection.execute(sa.select(REGISTRATIONS).where(REGISTRATIONS.c.id == ident)).one()
        )
        audit.record(
            connection, principal, "create", "registration", ident, after=created.document()
        )
    return created


def update_registration(
    context: Context,
    principal: Principal,
    ident: int,
    fields: dict[str, Any],
    *,
    expected_version: int,
) -> Registration:
    """Change a registration's count or contact, if it is still at `expected_version`."""
    if not (principal.is_staff or principal.is_partner):
        raise Forbidden("only staff and the registering partner change a registration")
    with writing(context.engine) as connection:
        row = connection.execute(
            sa.select(REGISTRATIONS).where(REGISTRATIONS.c.id == ident, scope(principal))
        ).first()
        if row is None:
            raise NotFound("registration", ident)
        before = registration_of(row)
        if before.version != expected_version:
            raise StaleVersion(
                f"registration {ident} is at version {before.version}, not {expected_version}"
            )
        values: dict[str, Any] = {}
        if "participants" in fields:
            values["participants"] = _participants(fields["participants"])
        if "contact_name" in fields or "contact_role" in fields:
            values["contact_name"], values["contact_role"] = _contact(fields)
        if not values:
            raise InvalidInput("nothing to change: give participants, contact_name or contact_role")
        done = connection.execute(
            sa.update(REGISTRATIONS)
            .where(REGISTRATIONS.c.id == ident, REGISTRATIONS.c.version == expected_version)
            .values(**values, version=REGISTRATIONS.c.version + 1)
        )
        if done.rowcount != 1:
            raise StaleVersion(f"registration {ident} changed meanwhile")
        after = registration_of(
            connection.execute(sa.select(REGISTRATIONS).where(REGISTRATIONS.c.id == ident)).one()
        )
        audit.record(
            connection,
            principal,
            "update",
            "registration",
            ident,
            before=before.document(),
            after=after.document(),
        )
    return after


def participation(
    context: Context, principal: Principal, *, nation: str | None = None
) -> Participation:
    """Activities and participants by year and area: one nation's, or all the caller sees."""
    if principal.is_partner:
        nation = principal.nation  # a partner's dashboard is its own, whatever it asks
    elif not principal.reads_all:
        raise Forbidden("the public sees the registry only")
    where = [scope(principal)]
    if nation is not None:
        where.append(REGISTRATIONS.c.nation == nation.upper())
    year = sa.extract("year", ACTIVITIES.c.start)
    query = (
        sa.select(
            year.label("year"),
            ACTIVITIES.c.area,
            sa.func.count(sa.distinct(ACTIVITIES.c.id)),
            sa.func.sum(REGISTRATIONS.c.participants),
        )
        .select_from(REGISTRATIONS.join(ACTIVITIES, ACTIVITIES.c.id == REGISTRATIONS.c.activity_id))
        .where(*where)
        .group_by(year, ACTIVITIES.c.area)
        .order_by(year, ACTIVITIES.c.area)
    )
    with reading(context.engine) as connection:
        rows = connection.execute(query).all()
    cells = tuple(ParticipationCell(int(y), a, int(n), int(p or 0)) for y, a, n, p in rows)
    return Participation(nation.upper() if nation else None, cells)
