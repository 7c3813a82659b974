"""`sources` and `source`: where every fact comes from, and what cites a source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from allied.answer import Answer, Listing
from allied.model import (
    Source,
)
from allied.registry import Registry


@dataclass(frozen=True)
class SourceList(Listing):
    """Sources, by id."""

    items: tuple[Source, ...]

    COLUMNS: ClassVar = ("id", "kind", "publisher", "title", "url", "published", "note")


def sources(
    registry: Registry, ids: Sequence[str] = (), *, offset: int = 0, limit: int | None = None
) -> SourceList:
    """Every source (or those with these ids, in the order given)."""
    found = [registry.source(source_id) for source_id in ids] if ids else registry.sources()
    return SourceList.of(found, offset=offset, limit=limit)


@dataclass(frozen=True)
class Citation:
    """A fact that cites a source: its family, framework, actor, date and event id."""

    kind: str
    framework: str
    actor: str
    date: str
    event: str

    @classmethod
    def of(cls, family: str, fact: object) -> Citation:
        """Where a fact of `family` (`memberships`, `events`, …) stands, as far as it says."""

        def get(name: str, default: Any = None) -> Any:
            return getattr(fact, name, default)

        framework = get("framework") or get("slug") or "|".join(get("frameworks", ()))
        actor = get("actor") or ("|".join(get("actors", ())) or get("code", ""))
        period = get("period")
        date = period.start if period is not None else get("start") or get("on") or ""
        event = get("event") or (get("id", "") if family == "events" else "")
        kind = "status" if family == "statuses" else family.removesuffix("s")
        return cls(kind, framework, actor, str(date), event)


@dataclass(frozen=True)
class SourceAnswer(Answer):
    """One source and every fact in the registry that cites it."""

    source: Source = field(metadata={"flatten": True})
    cited_by: tuple[Citation, ...]

    COLUMNS: ClassVar = ("kind", "framework", "actor", "date", "event")
    ROWS: ClassVar = "cited_by"


def source(registry: Registry, source_id: str) -> SourceAnswer:
    """The source with this id, and every fact of every family that cites it."""
    found = registry.source(source_id)
    data, sid = registry.dataset, found.id
    cited = [
        Citation.of(family.name, fact)
        for family in fields(data)
        for fact in getattr(data, family.name)
        if sid in getattr(fact, "sources", ()) or sid == getattr(fact, "founding_source", "")
    ]
    return SourceAnswer(found, tuple(cited))
