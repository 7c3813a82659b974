"""`memberships` and `membership_segments`: memberships filtered, paged or cut by status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from allied.answer import Listing
from allied.codes import CODE_COLUMNS, crosswalk
from allied.errors import InvalidQuery
from allied.model import (
    ROLES,
    Membership,
)
from allied.period import PartialDate
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class MembershipList(Listing):
    """Memberships matching the filters, ordered by start date."""

    items: tuple[Membership, ...]

    COLUMNS: ClassVar = ("framework", "actor", "role", "start", "end", "start_precision",
                         "end_precision", "end_reason", "sources", "note")  # fmt: skip


def memberships(
    registry: Registry,
    *,
    framework: str | None = None,
    actor: str | None = None,
    role: str | None = None,
    on: DateLike = None,
    offset: int = 0,
    limit: int | None = 100,
) -> MembershipList:
    """Memberships matching every filter given, a page at a time."""
    if role is not None and role not in ROLES:
        raise InvalidQuery(f"{role!r} is not a role: use one of {', '.join(ROLES)}")
    found = registry.memberships(framework=framework, actor=actor, role=role, on=on)
    return MembershipList.of(found, offset=offset, limit=limit)


@dataclass(frozen=True)
class Segment:
    """A membership over one status segment, as `allied export memberships` writes it."""

    framework: str
    actor: str
    name: str
    role: str
    status: str
    start: str
    end: str
    start_precision: str
    end_precision: str
    end_reason: str
    sources: str
    note: str
    #: The COW code in the segment's first year (the panel gives it year by year).
    cow: int | None
    iso2: str | None
    iso_numeric: str | None
    wikidata: str | None


@dataclass(frozen=True)
class SegmentList(Listing):
    """Every membership, one row per status segment (active, suspended, …)."""

    items: tuple[Segment, ...]

    COLUMNS: ClassVar = ("framework", "actor", "name", "role", "status", "start", "end",
                         "start_precision", "end_precision", "end_reason", "sources",
                         "note", *CODE_COLUMNS, "data_version")  # fmt: skip


def membership_segments(registry: Registry) -> SegmentList:
    """Every membership by framework, actor and role, cut where its status changes.

    A membership with no status change is one row. One suspended in the middle
    becomes three, so every row has a single status over its own period; the
    end reason sits on the last segment only.
    """
    ordered = sorted(registry.dataset.memberships, key=lambda m: (m.framework, m.actor, m.role))
    return SegmentList.of([row for m in ordered for row in _segments(registry, m)])


def _segments(registry: Registry, membership: Membership) -> list[Segment]:
    pieces: list[tuple[str, PartialDate, PartialDate | None, tuple[str, ...]]] = []
    cursor: PartialDate | None = membership.period.start
    for status in registry.statuses_of(membership):
        if cursor is not None and status.period.start != cursor:
            pieces.append(("active", cursor, status.period.start, membership.sources))
        pieces.append((status.status, status.period.start, status.period.end,
                       membership.sources + status.sources))  # fmt: skip
        cursor = status.period.end
    if cursor is not None and (membership.period.end is None or cursor != membership.period.end):
        pieces.append(("active", cursor, membership.period.end, membership.sources))
    name = registry.name(membership.actor, membership.period.start)
    m = membership
    codes = crosswalk(registry)
    return [
        Segment(m.framework, m.actor, name, m.role, status, str(start), str(end or ""),
                start.precision, end.precision if end else "",
                m.end_reason if index == len(pieces) - 1 else "", "|".join(cited), m.note,
                **codes.of(m.actor, start.year))
        for index, (status, start, end, cited) in enumerate(pieces)
    ]  # fmt: skip
