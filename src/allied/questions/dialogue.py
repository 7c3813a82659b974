"""`formats` and `dialogue`: the tables NATO sits at with others, and who may sit there when.

Who may sit at a table on a date is derived from the registry — the Allies that
day, and the members that day of each framework the format names — so it can
never disagree with the memberships.

>>> import allied
>>> table = dialogue(allied.load(), "nrc", on="2013-06-01")
>>> table.count, [s.actor for s in table.seats if not s.ally]
(29, ['RUS'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer, Listing
from allied.errors import OutsideLifetime, UnknownFramework
from allied.model import FULL_ROLES, Format, StatusValue
from allied.period import PartialDate, parse_date
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class FormatList(Listing):
    """Every dialogue format NATO sits at, by slug."""

    items: tuple[Format, ...]

    COLUMNS: ClassVar = ("slug", "name", "frameworks", "sources")


def formats(registry: Registry) -> FormatList:
    """Every dialogue format, by slug."""
    return FormatList.of(sorted(registry.dataset.formats, key=lambda f: f.slug))


@dataclass(frozen=True)
class Seat:
    """Who may sit at the table on the date: an Ally, or a member of a framework named."""

    actor: str
    name: str
    ally: bool
    via: str
    status: StatusValue
    uncertain: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Table(Answer):
    """Who may sit at one table on a date: the Allies, then the others, by name."""

    format: Format = field(metadata={"flatten": True})
    on: PartialDate
    count: int
    seats: tuple[Seat, ...]

    COLUMNS: ClassVar = ("actor", "name", "ally", "via", "status", "uncertain", "sources")
    ROWS: ClassVar = "seats"


def dialogue(registry: Registry, slug: str, *, on: DateLike = None) -> Table:
    """The seats at format `slug` on `on` (default today).

    Raises `UnknownFramework` for an unknown format and `OutsideLifetime` when a
    framework it names did not exist on the date.
    """
    found = {f.slug: f for f in registry.dataset.formats}.get(slug.strip().lower())
    if found is None:
        known = ", ".join(sorted(f.slug for f in registry.dataset.formats))
        raise UnknownFramework(f"unknown dialogue format {slug!r}; one of: {known}")
    when = parse_date(on)
    existing = {fw.slug for fw in registry.frameworks(on=when)}
    missing = [slug_ for slug_ in found.frameworks if slug_ not in existing]
    if missing:
        raise OutsideLifetime(f"{found.slug} did not meet on {when}: no {missing[0]} then")
    seats = [
        Seat(s.membership.actor, s.name, True, "nato", s.status, s.uncertain, s.sources)
        for s in registry.members("nato", on=when, roles=("member",))
    ]
    seated = {seat.actor for seat in seats}
    for slug_ in found.frameworks:
        for s in registry.members(slug_, on=when, roles=FULL_ROLES):
            if s.membership.actor not in seated:
                seated.add(s.membership.actor)
                seats.append(Seat(s.membership.actor, s.name, False, slug_, s.status,
                                  s.uncertain, s.sources))  # fmt: skip
    return Table(found, when, len(seats), tuple(seats))
