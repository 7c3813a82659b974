"""`diff` and `events`: what changed between two dates, and when things happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer, Listing
from allied.model import (
    Difference,
    Event,
)
from allied.period import PartialDate, parse_date
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class Diff(Answer):
    """Who was added, removed or changed status between two dates."""

    since: PartialDate = field(metadata={"key": "from"})
    until: PartialDate = field(metadata={"key": "to"})
    changes: tuple[Difference, ...] = ()

    COLUMNS: ClassVar = ("framework", "change", "actor", "name", "role", "role_before",
                         "before", "after", "date", "uncertain")  # fmt: skip
    ROWS: ClassVar = "changes"


def diff(registry: Registry, start: DateLike, end: DateLike, *,
         framework: str | None = None) -> Diff:  # fmt: skip
    """What changed from `start` to `end`: accessions to NATO first, then by date.

    >>> import allied
    >>> changes = diff(allied.load(), "2003", "2004").changes
    >>> [(c.framework, c.change, c.actor, str(c.date)) for c in changes[:1]]
    [('nato', 'added', 'BGR', '2004-03-29')]
    >>> [(c.framework, c.change, c.role_before, c.role) for c in changes[7:8]]
    [('eapc', 'role', 'partner', 'member')]
    """
    before, after = parse_date(start), parse_date(end)
    found = registry.diff(before, after, framework=framework)
    return Diff(before, after, tuple(sorted(found, key=_reading_order)))


def _reading_order(d: Difference) -> tuple[bool, str, str, str]:
    joined_nato = d.framework == "nato" and d.role == "member" and d.change in ("added", "role")
    return (not joined_nato, d.date.first.isoformat() if d.date else "9999", d.framework, d.name)


@dataclass(frozen=True)
class EventList(Listing):
    """Events in date order."""

    items: tuple[Event, ...]

    COLUMNS: ClassVar = ("id", "kind", "start", "end", "title", "place", "actors", "frameworks",
                         "sources")  # fmt: skip


def events(
    registry: Registry,
    *,
    kind: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
    framework: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> EventList:
    """Events filtered by kind, framework and a `[start, end]` window."""
    found = registry.events(kind=kind, start=start, end=end, framework=framework)
    return EventList.of(found, offset=offset, limit=limit)
