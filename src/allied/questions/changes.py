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

    COLUMNS: ClassVar = ("framework", "change", "actor", "name", "role", "before", "after",
                         "uncertain")  # fmt: skip
    ROWS: ClassVar = "changes"


def diff(registry: Registry, start: DateLike, end: DateLike, *,
         framework: str | None = None) -> Diff:  # fmt: skip
    """What changed from `start` to `end`, in every framework or in one."""
    before, after = parse_date(start), parse_date(end)
    return Diff(before, after, tuple(registry.diff(before, after, framework=framework)))


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
