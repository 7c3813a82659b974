"""`frameworks`, `framework` and `history`: the frameworks and how their membership changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer, Listing
from allied.model import (
    Change,
    Framework,
    Source,
)
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class FrameworkList(Listing):
    """Frameworks in existence on a date, or every one of them."""

    items: tuple[Framework, ...]

    COLUMNS: ClassVar = ("slug", "name", "kind", "start", "end", "replaced_by",
                         "founding_source")  # fmt: skip


def frameworks(registry: Registry, *, on: DateLike = None, every: bool = False) -> FrameworkList:
    """The frameworks that existed on `on` (by slug), or `every` one (by founding date)."""
    found = registry.all_frameworks() if every else registry.frameworks(on=on)
    return FrameworkList.of(found)


@dataclass(frozen=True)
class Count:
    """How many were in a framework from a day on."""

    date: str
    count: int


@dataclass(frozen=True)
class FrameworkAnswer(Answer):
    """One framework, its founding document, its sources and its members over time."""

    framework: Framework = field(metadata={"flatten": True})
    founding_document: Source | None
    source_records: tuple[Source, ...]
    members_over_time: tuple[Count, ...]

    COLUMNS: ClassVar = ("date", "count")
    ROWS: ClassVar = "members_over_time"


def framework(registry: Registry, name: str) -> FrameworkAnswer:
    """A framework by slug, name or alias, with what a reader needs to trust it."""
    fw = registry.framework(name)
    found = (registry.get_source(source) for source in fw.sources)
    return FrameworkAnswer(
        fw,
        registry.get_source(fw.founding_source),
        tuple(source for source in found if source is not None),
        tuple(Count(day.isoformat(), count) for day, count in registry.counts_over_time(fw.slug)),
    )


@dataclass(frozen=True)
class History(Answer):
    """Every join, departure, suspension and resumption in a framework, in order."""

    framework: str
    changes: tuple[Change, ...]

    COLUMNS: ClassVar = ("date", "change", "actor", "name", "role", "reason", "sources")
    ROWS: ClassVar = "changes"


def history(registry: Registry, framework: str) -> History:
    """The history of `framework`."""
    fw = registry.framework(framework)
    return History(fw.slug, tuple(registry.history(fw.slug)))
