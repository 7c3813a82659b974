"""`members`: who was in a framework on a date, in which role and status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from allied.answer import Answer
from allied.frozen import frozen
from allied.model import (
    FULL_ROLES,
    Role,
    Standing,
    StatusValue,
)
from allied.period import PartialDate, Period, parse_date
from allied.registry import DateLike, Registry


def roles_wanted(roles: Iterable[str] | None) -> tuple[str, ...] | None:
    """The roles a query counts: the full roles by default, every role for `all` (`None`)."""
    chosen = tuple(roles or ())
    if not chosen:
        return FULL_ROLES
    if "all" in chosen:
        return None
    return chosen


@frozen
class Member:
    """One member on a date: who, in which role and status, since when, says who."""

    actor: str
    name: str
    role: Role
    status: StatusValue
    period: Period
    end_reason: str
    uncertain: bool
    sources: tuple[str, ...]

    @classmethod
    def of(cls, standing: Standing) -> Member:
        """The row of one `Standing`."""
        m = standing.membership
        return cls(m.actor, standing.name, m.role, standing.status, m.period, m.end_reason,
                   standing.uncertain, standing.sources)  # fmt: skip


@frozen
class Roster(Answer):
    """Who was in a framework on a date (`allied members`, `/frameworks/{slug}/members`)."""

    framework: str
    framework_name: str
    on: PartialDate
    count: int
    uncertain: int
    members: tuple[Member, ...]

    COLUMNS: ClassVar = ("actor", "name", "role", "status", "start", "end", "uncertain", "sources")
    ROWS: ClassVar = "members"


def members(
    registry: Registry, framework: str, *, on: DateLike = None, roles: Iterable[str] | None = None
) -> Roster:
    """Who was in `framework` on a date, in the roles asked (default: the full roles)."""
    fw = registry.framework(framework)
    when = parse_date(on)
    standings = registry.members(fw.slug, on=when, roles=roles_wanted(roles))
    rows = tuple(Member.of(s) for s in standings)
    return Roster(fw.slug, fw.name, when, len(rows), sum(s.uncertain for s in standings), rows)
