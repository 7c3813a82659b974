"""Defence Capacity Building packages: recipient, agreement, revisions, measures, supporters.

A package is agreed at a partner's request and revised about every two years.
Staff create and revise packages; Allies read every package; a partner reads
only the packages it receives.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.areas import areas, ensure_areas
from allied.cooperation.context import Context
from allied.cooperation.errors import Forbidden, InvalidInput, NotFound, StaleVersion
from allied.cooperation.principal import Principal
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import (
    CoopPackageMeasureRow,
    CoopPackageRevisionRow,
    CoopPackageRow,
    CoopPackageSupporterRow,
    table_of,
)

PACKAGES = table_of(CoopPackageRow)
REVISIONS = table_of(CoopPackageRevisionRow)
MEASURES = table_of(CoopPackageMeasureRow)
SUPPORTERS = table_of(CoopPackageSupporterRow)


@dataclass(frozen=True)
class Package(Answer):
    """A DCB package's head row."""

    id: int
    recipient: str
    title: str
    agreed: _dt.date
    status: str
    synthetic: bool
    version: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "recipient",
        "title",
        "agreed",
        "status",
        "synthetic",
        "version",
    )


@dataclass(frozen=True)
class PackageList(Listing):
    """A page of DCB packages."""

    COLUMNS: ClassVar[tuple[str, ...]] = Package.COLUMNS


@dataclass(frozen=True)
class Revision:
    """A revision of a package."""

    revised: _dt.date
    summary: str


@dataclass(frozen=True)
class Measure:
    """A measure of a package, in a cooperation area."""

    area: str
    title: str


@dataclass(frozen=True)
class PackageDetail(Answer):
    """A package with its revisions, measures and supporting nations."""

    package: Package
    revisions: tuple[Revision, ...]
    measures: tuple[Measure, ...]
    supporters: tuple[str, ...]


def package_of(row: Any) -> Package:
    """A package from its table row."""
    return Package(*(row._mapping[name] for name in Package.COLUMNS))


def scope(principal: Principal) -> sa.ColumnElement[bool]:
    """The SQL condition selecting the packages `principal` may read."""
    if principal.reads_all:
        return sa.true()
    if principal.is_partner and principal.nation is not None:
        return sa.and_(PACKAGES.c.recipient == principal.nation)
    return sa.false()


def list_packages(
    context: Context, principal: Principal, *, offset: int = 0, limit: int = 100
) -> PackageList:
    """The packages the caller may read, by recipient."""
    with reading(context.engine) as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(PACKAGES).where(scope(principal))
        ).scalar_one()
        rows = connection.execute(
            sa.select(PACKAGES)
            .where(scope(principal))
            .order_by(PACKAGES.c.recipient, PACKAGES.c.agreed)
            .offset(offset)
            .limit(limit)
        ).all()
    following = offset + limit if offset + limit < total else None
    return PackageList(total, offset, limit, following, tuple(map(package_of, rows)))


def get_package(context: Context, principal: Principal, ident: int) -> PackageDetail:
    """One package in full; `NotFound` for a missing one and another recipient's alike."""
    with reading(context.engine) as connection:
        row = connection.execute(
            sa.select(PACKAGES).where(PACKAGES.c.id == ident, scope(principal))
        ).first()
        if row is None:
            raise NotFound("package", ident)
        revisions = connection.execute(
            sa.select(REVISIONS.c.revised, REVISIONS.c.summary)
            .where(REVISIONS.c.package_id == ident)
            .order_by(REVISIONS.c.revised)
        ).all()
        measures = connection.execute(
            sa.select(MEASURES.c.area, MEASURES.c.title)
            .where(MEASURES.c.package_id == ident)
            .order_by(MEASURES.c.id)
        ).all()
        supporters = connection.execute(
            sa.select(SUPPORTERS.c.nation)
            .where(SUPPORTERS.c.package_id == ident)
            .order_by(SUPPORTERS.c.nation)
        ).scalars()
        return PackageDetail(
            package_of(row),
            tuple(Revision(*r) for r in revisions),
            tuple(Measure(*m) for m in measures),
            tuple(supporters),
        )


def create_package(context: Context, principal: Principal, fields: dict[str, Any]) -> PackageDetail:
    """Record an agreed package with its measures and supporters (staff), in one transaction."""
    if not principal.is_staff:
        raise Forbidden("DCB packages are recorded by NATO staff")
    recipient = str(fields.get("recipient") or "").upper()
    if context.registry.get_actor(recipient) is None:
        raise InvalidInput(f"unknown recipient {fields.get('recipient')!r}")
    title = str(fields.get("title") or "").strip()
    if not title:
        raise InvalidInput("title is required")
    try:
        agreed = _dt.date.fromisoformat(str(fields.get("agreed")))
    except ValueError:
        raise InvalidInput("agreed must be YYYY-MM-DD") from None
    known = {area.slug for area in areas()}
    measures = fields.get("measures") or []
    if not isinstance(measures, list):
        raise InvalidInput("measures must be a list of {area, title}")
    for measure in measures:
        if (
            not isinstance(measure, dict)
            or measure.get("area") not in known
            or not str(measure.get("title") or "").strip()
        ):
            raise InvalidInput(f"a measure needs a known area and a title: {measure!r}")
    supporters = sorted({str(s).upper() for s in fields.get("supporters") or []})
    for nation in supporters:
        if context.registry.get_actor(nation) is None:
            raise InvalidInput(f"unknown supporting nation {nation!r}")
    with writing(context.engine) as connection:
        ensure_areas(connection)
        ident = connection.execute(
            sa.insert(PACKAGES)
            .values(
                recipient=recipient,
                title=title,
                agreed=agreed,
                status="agreed",
                synthetic=False,
                version=1,
            )
            .returning(PACKAGES.c.id)
        ).scalar_one()
        if measures:
            connection.execute(
                sa.insert(MEASURES),
                [{"package_id": ident, "area": m["area"], "title": m["title"]} for m in measures],
            )
        if supporters:
            connection.execute(
                sa.insert(SUPPORTERS), [{"package_id": ident, "nation": n} for n in supporters]
            )
        audit.record(connection, principal, "create", "package", ident, after=fields)
    return get_package(context, principal, ident)


def revise_package(
    context: Context,
    principal: Principal,
    ident: int,
    fields: dict[str, Any],
    *,
    expected_version: int,
) -> PackageDetail:
    """Add a revision to a package at `expected_version` (staff)."""
    if not principal.is_staff:
        raise Forbidden("DCB packages are revised by NATO staff")
    summary = str(fields.get("summary") or "").strip()
    if not summary:
        raise InvalidInput("summary is required")
    try:
        revised = _dt.date.fromisoformat(str(fields.get("revised")))
    except ValueError:
        raise InvalidInput("revised must be YYYY-MM-DD") from None
    with writing(context.engine) as connection:
        row = connection.execute(sa.select(PACKAGES).where(PACKAGES.c.id == ident)).first()
        if row is None:
            raise NotFound("package", ident)
        before = package_of(row)
        done = connection.execute(
            sa.update(PACKAGES)
            .where(PACKAGES.c.id == ident, PACKAGES.c.version == expected_version)
            .values(version=PACKAGES.c.version + 1)
        )
        if done.rowcount != 1:
            raise StaleVersion(f"package {ident} is at version {before.version}")
        connection.execute(
            sa.insert(REVISIONS).values(package_id=ident, revised=revised, summary=summary)
        )
        audit.record(
            connection,
            principal,
            "revise",
            "package",
            ident,
            before=before.document(),
            after={"revised": revised, "summary": summary},
        )
    return get_package(context, principal, ident)
