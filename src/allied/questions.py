"""Every question about the registry that the CLI and the API both answer, answered once.

Each function parses nothing and formats nothing: it takes a `Registry` and
typed arguments and returns an `Answer` (see `allied.answer`), which the CLI
renders as a table, JSON or CSV and the API as JSON or CSV — the same document
and the same rows both ways.

>>> import allied
>>> roster = members(allied.load(), "nato", on="2004-03-29")
>>> roster.count, roster.document()["on_precision"]
(26, 'day')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from allied import panel as _panel
from allied import relations as _relations
from allied import search as _search
from allied.answer import Answer, Listing
from allied.errors import InvalidQuery
from allied.model import (
    FULL_ROLES,
    ROLES,
    Actor,
    Change,
    Difference,
    Event,
    Framework,
    Membership,
    Name,
    Role,
    Source,
    Standing,
    Status,
    StatusValue,
)
from allied.period import PartialDate, Period, parse_date
from allied.registry import DateLike, Registry

# --- members -------------------------------------------------------------------


def roles_wanted(roles: Iterable[str] | None) -> tuple[str, ...] | None:
    """The roles a query counts: the full roles by default, every role for `all` (`None`)."""
    chosen = tuple(roles or ())
    if not chosen:
        return FULL_ROLES
    if "all" in chosen:
        return None
    return chosen


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


# --- actor -----------------------------------------------------------------------


@dataclass(frozen=True)
class Tie:
    """One of an actor's memberships, with the framework's name."""

    membership: Membership = field(metadata={"flatten": True})
    framework_name: str = ""


@dataclass(frozen=True)
class ActorAnswer(Answer):
    """One actor: codes, its name on the date, names over time, every relationship, events."""

    actor: Actor = field(metadata={"flatten": True})
    name: str
    names: tuple[Name, ...]
    memberships: tuple[Tie, ...]
    statuses: tuple[Status, ...]
    events: tuple[Event, ...]

    COLUMNS: ClassVar = ("framework", "framework_name", "role", "start", "end", "end_reason",
                         "sources")  # fmt: skip
    ROWS: ClassVar = "memberships"


def actor(registry: Registry, name: str, *, on: DateLike = None) -> ActorAnswer:
    """Everything known about the actor with this code or any name it ever had."""
    profile = registry.actor(name, on=on)
    ties = tuple(Tie(m, registry.framework(m.framework).name) for m in profile.memberships)
    return ActorAnswer(profile.actor, profile.name, profile.names, ties, profile.statuses,
                       profile.events)  # fmt: skip


# --- frameworks --------------------------------------------------------------------


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


# --- history and diff ----------------------------------------------------------


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


# --- events and sources ----------------------------------------------------------


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


# --- search, relations, panel, memberships -------------------------------------------


@dataclass(frozen=True)
class SearchResults(Listing):
    """Actors and frameworks found by one of their names, exact matches first."""

    items: tuple[_search.Hit, ...]
    query: str = ""

    COLUMNS: ClassVar = ("kind", "id", "name", "matched", "exact")


def search(registry: Registry, text: str, *, limit: int = 50) -> SearchResults:
    """Actors and frameworks one of whose names contains `text` (at most `limit`)."""
    return SearchResults.of(_search.search(registry, text, limit=limit), query=text)


@dataclass(frozen=True)
class Relations(Answer):
    """Each actor's closest tie to NATO on a date, and the legend's categories."""

    on: PartialDate
    categories: tuple[_relations.Category, ...]
    relations: tuple[_relations.Relation, ...]

    COLUMNS: ClassVar = ("actor", "name", "iso_numeric", "category", "uncertain", "sources")
    ROWS: ClassVar = "relations"


def relations(registry: Registry, *, on: DateLike = None) -> Relations:
    """The home map's data on a date."""
    when = parse_date(on)
    return Relations(
        when,
        tuple(_relations.categories(registry)),
        tuple(_relations.relations_on(registry, when)),
    )


@dataclass(frozen=True)
class Panel(Listing):
    """A country-year panel: one row per actor, framework and year."""

    items: tuple[_panel.PanelRow, ...]

    COLUMNS: ClassVar = _panel.PANEL_COLUMNS


def panel(
    registry: Registry,
    *,
    first: int = 1949,
    last: int | None = None,
    frameworks: Sequence[str] | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Panel:
    """Country-years from `first` to `last` (default: this year), in every framework or some."""
    last = last if last is not None else PartialDate.today().year
    rows = _panel.country_years(registry, first=first, last=last, frameworks=frameworks or None)
    return Panel.of(rows, offset=offset, limit=limit)


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


@dataclass(frozen=True)
class SegmentList(Listing):
    """Every membership, one row per status segment (active, suspended, …)."""

    items: tuple[Segment, ...]

    COLUMNS: ClassVar = ("framework", "actor", "name", "role", "status", "start", "end",
                         "start_precision", "end_precision", "end_reason", "sources",
                         "note")  # fmt: skip


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
    return [
        Segment(m.framework, m.actor, name, m.role, status, str(start), str(end or ""),
                start.precision, end.precision if end else "",
                m.end_reason if index == len(pieces) - 1 else "", "|".join(cited), m.note)
        for index, (status, start, end, cited) in enumerate(pieces)
    ]  # fmt: skip
