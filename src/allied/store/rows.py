"""Facts as table rows and back: one `Family` per fact family, and `read_dataset`.

A `Family` says how a fact becomes a row (`to_row`), which of its tuples live
in link tables (`lists`), which columns identify it (`key`), which survive a
data correction (`match`), and how a row becomes the fact again (`to_fact`).
`sync_dataset` writes through these; `read_dataset` reads back, so a synced
database gives back exactly the dataset it was given.

>>> FAMILIES[0].name, FAMILIES[0].key
('sources', ('id',))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from allied.dataset import Dataset
from allied.model import (
    Actor,
    Conflict,
    CoreTask,
    Event,
    Framework,
    Membership,
    Name,
    Source,
    StatedCount,
    Status,
)
from allied.period import PartialDate, Period
from allied.store import tables as t
from allied.validation import sort_key

Row = dict[str, Any]
Lists = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class ListField:
    """A tuple of a fact kept in a link table: `(owner, position) -> value`."""

    field: str
    table: sa.Table
    value: str

    @property
    def owner(self) -> sa.Column[Any]:
        """The link table's column naming the fact that owns the row."""
        return self.table.c[next(iter(self.table.primary_key.columns)).name]


@dataclass(frozen=True, slots=True)
class Family:
    """How one fact family maps onto its table and link tables."""

    name: str
    table: sa.Table
    key: tuple[str, ...]
    match: tuple[str, ...]
    to_row: Callable[[Any], Row]
    to_fact: Callable[[Mapping[str, Any], Lists], Any]
    lists: tuple[ListField, ...] = ()

    @property
    def primary_key(self) -> sa.Column[Any]:
        """The table's one primary-key column (a natural code or a surrogate `id`)."""
        (column,) = self.table.primary_key.columns
        return column

    @property
    def has_surrogate_key(self) -> bool:
        """Whether rows are numbered by the database rather than named by the data."""
        return self.primary_key.name not in self.key


def date_columns(prefix: str, date: PartialDate | None) -> Row:
    """A date as four columns: ISO text at its precision, the precision, first and last day.

    >>> date_columns("start", PartialDate.parse("1995-04"))["start_last"]
    datetime.date(1995, 4, 30)
    """
    if date is None:
        return dict.fromkeys((prefix, f"{prefix}_precision", f"{prefix}_first", f"{prefix}_last"))
    return {
        prefix: str(date),
        f"{prefix}_precision": date.precision,
        f"{prefix}_first": date.first,
        f"{prefix}_last": date.last,
    }


def period_columns(period: Period | None) -> Row:
    """A period as the columns of its `start` and `end` (all empty for no period)."""
    if period is None:
        return date_columns("start", None) | date_columns("end", None)
    return date_columns("start", period.start) | date_columns("end", period.end)


def read_date(row: Mapping[str, Any], prefix: str) -> PartialDate | None:
    """The date stored under `prefix`, at its precision; `None` when empty."""
    text = row[prefix]
    return PartialDate.parse(text) if text is not None else None


def read_period(row: Mapping[str, Any]) -> Period:
    """The period stored in the `start` and `end` columns."""
    period = read_optional_period(row)
    assert period is not None
    return period


def read_optional_period(row: Mapping[str, Any]) -> Period | None:
    """The period stored in the `start` and `end` columns, `None` when there is none."""
    start = read_date(row, "start")
    return Period(start, read_date(row, "end")) if start is not None else None


def _cites(table: str) -> ListField:
    return ListField("sources", t.CITATIONS[table], "source")


def _source_row(s: Source) -> Row:
    return {
        "id": s.id,
        "kind": s.kind,
        "publisher": s.publisher,
        "title": s.title,
        "url": s.url,
        **date_columns("published", s.published),
        "note": s.note,
    }


def _source(r: Mapping[str, Any], _: Lists) -> Source:
    return Source(
        id=r["id"],
        kind=r["kind"],
        publisher=r["publisher"],
        title=r["title"],
        url=r["url"],
        published=read_date(r, "published"),
        note=r["note"],
    )


def _actor_row(a: Actor) -> Row:
    return {
        "code": a.code,
        "kind": a.kind,
        "iso2": a.iso2,
        "iso_numeric": a.iso_numeric,
        "cow": a.cow,
        "wikidata": a.wikidata,
    }


def _actor(r: Mapping[str, Any], lists: Lists) -> Actor:
    return Actor(
        code=r["code"],
        kind=r["kind"],
        iso2=r["iso2"],
        iso_numeric=r["iso_numeric"],
        cow=r["cow"],
        wikidata=r["wikidata"],
        sources=lists["sources"],
    )


def _name_row(n: Name) -> Row:
    return {
        "actor": n.actor,
        "name": n.name,
        "kind": n.kind,
        **date_columns("start", n.start),
        **date_columns("end", n.end),
        "note": n.note,
    }


def _name(r: Mapping[str, Any], lists: Lists) -> Name:
    return Name(
        actor=r["actor"],
        name=r["name"],
        kind=r["kind"],
        start=read_date(r, "start"),
        end=read_date(r, "end"),
        sources=lists["sources"],
        note=r["note"],
    )


def _framework_row(f: Framework) -> Row:
    return {
        "slug": f.slug,
        "name": f.name,
        "kind": f.kind,
        **period_columns(f.period),
        "end_reason": f.end_reason,
        "replaced_by": f.replaced_by or None,
        "founding_source": f.founding_source or None,
        "note": f.note,
    }


def _framework(r: Mapping[str, Any], lists: Lists) -> Framework:
    return Framework(
        slug=r["slug"],
        name=r["name"],
        kind=r["kind"],
        period=read_optional_period(r),
        end_reason=r["end_reason"],
        replaced_by=r["replaced_by"] or "",
        founding_source=r["founding_source"] or "",
        aliases=lists["aliases"],
        sources=lists["sources"],
        note=r["note"],
    )


def _membership_row(m: Membership) -> Row:
    return {
        "framework": m.framework,
        "actor": m.actor,
        "role": m.role,
        **period_columns(m.period),
        "end_reason": m.end_reason,
        "note": m.note,
    }


def _membership(r: Mapping[str, Any], lists: Lists) -> Membership:
    return Membership(
        framework=r["framework"],
        actor=r["actor"],
        role=r["role"],
        period=read_period(r),
        end_reason=r["end_reason"],
        sources=lists["sources"],
        note=r["note"],
    )


def _status_row(s: Status) -> Row:
    return {
        "framework": s.framework,
        "actor": s.actor,
        "role": s.role,
        "status": s.status,
        **period_columns(s.period),
        "note": s.note,
    }


def _status(r: Mapping[str, Any], lists: Lists) -> Status:
    return Status(
        framework=r["framework"],
        actor=r["actor"],
        role=r["role"],
        status=r["status"],
        period=read_period(r),
        sources=lists["sources"],
        note=r["note"],
    )


def _event_row(e: Event) -> Row:
    return {
        "id": e.id,
        "kind": e.kind,
        **date_columns("start", e.start),
        **date_columns("end", e.end),
        "title": e.title,
        "place": e.place,
        "note": e.note,
    }


def _event(r: Mapping[str, Any], lists: Lists) -> Event:
    start = read_date(r, "start")
    assert start is not None
    return Event(
        id=r["id"],
        kind=r["kind"],
        start=start,
        end=read_date(r, "end"),
        title=r["title"],
        place=r["place"],
        actors=lists["actors"],
        frameworks=lists["frameworks"],
        sources=lists["sources"],
        note=r["note"],
    )


def _core_task_row(c: CoreTask) -> Row:
    return {"event": c.event, "position": c.position, "task": c.task}


def _core_task(r: Mapping[str, Any], lists: Lists) -> CoreTask:
    return CoreTask(
        event=r["event"], position=r["position"], task=r["task"], sources=lists["sources"]
    )


def _stated_count_row(c: StatedCount) -> Row:
    return {
        "framework": c.framework,
        **date_columns("on", c.on),
        "count": c.count,
        "note": c.note,
    }


def _stated_count(r: Mapping[str, Any], lists: Lists) -> StatedCount:
    on = read_date(r, "on")
    assert on is not None
    return StatedCount(
        framework=r["framework"],
        on=on,
        count=r["count"],
        sources=lists["sources"],
        note=r["note"],
    )


def _conflict_row(c: Conflict) -> Row:
    return {"subject": c.subject, "claim": c.claim, "resolution": c.resolution}


def _conflict(r: Mapping[str, Any], lists: Lists) -> Conflict:
    return Conflict(
        subject=r["subject"], claim=r["claim"], sources=lists["sources"], resolution=r["resolution"]
    )


_ROLE_KEY = ("framework", "actor", "role")

#: Every fact family, in the order `Dataset` lists them.
FAMILIES: tuple[Family, ...] = (
    Family("sources", t.SourceRow.__table__, ("id",), ("id",), _source_row, _source),
    Family(
        "actors",
        t.ActorRow.__table__,
        ("code",),
        ("code",),
        _actor_row,
        _actor,
        (_cites("actors"),),
    ),
    Family(
        "names",
        t.NameRow.__table__,
        ("actor", "kind", "name", "start"),
        ("actor", "kind", "name"),
        _name_row,
        _name,
        (_cites("names"),),
    ),
    Family(
        "frameworks",
        t.FrameworkRow.__table__,
        ("slug",),
        ("slug",),
        _framework_row,
        _framework,
        (ListField("aliases", t.FRAMEWORK_ALIASES, "alias"), _cites("frameworks")),
    ),
    Family(
        "memberships",
        t.MembershipRow.__table__,
        (*_ROLE_KEY, "start"),
        _ROLE_KEY,
        _membership_row,
        _membership,
        (_cites("memberships"),),
    ),
    Family(
        "statuses",
        t.StatusRow.__table__,
        (*_ROLE_KEY, "start"),
        _ROLE_KEY,
        _status_row,
        _status,
        (_cites("statuses"),),
    ),
    Family(
        "events",
        t.EventRow.__table__,
        ("id",),
        ("id",),
        _event_row,
        _event,
        (
            ListField("actors", t.EVENT_ACTORS, "actor"),
            ListField("frameworks", t.EVENT_FRAMEWORKS, "framework"),
            _cites("events"),
        ),
    ),
    Family(
        "core_tasks",
        t.CoreTaskRow.__table__,
        ("event", "position"),
        ("event",),
        _core_task_row,
        _core_task,
        (_cites("core_tasks"),),
    ),
    Family(
        "stated_counts",
        t.StatedCountRow.__table__,
        ("framework", "on"),
        ("framework",),
        _stated_count_row,
        _stated_count,
        (_cites("stated_counts"),),
    ),
    Family(
        "conflicts",
        t.ConflictRow.__table__,
        ("subject", "claim"),
        ("subject",),
        _conflict_row,
        _conflict,
        (_cites("conflicts"),),
    ),
)


def read_lists(connection: Connection, field: ListField) -> dict[Any, tuple[str, ...]]:
    """Every owner's list in one link table, in position order."""
    found: dict[Any, list[str]] = defaultdict(list)
    query = sa.select(field.owner, field.table.c[field.value]).order_by(
        field.owner, field.table.c.position
    )
    for owner, value in connection.execute(query):
        found[owner].append(value)
    return {owner: tuple(values) for owner, values in found.items()}


def read_family(connection: Connection, family: Family) -> list[tuple[Any, Row, dict[str, Any]]]:
    """Every stored row of a family as `(primary key, row, lists)`, the row without its id."""
    lists = {field.field: read_lists(connection, field) for field in family.lists}
    stored = []
    query = sa.select(family.table).order_by(family.primary_key)
    for mapping in connection.execute(query).mappings():
        pk = mapping[family.primary_key.name]
        row = dict(mapping)
        if family.has_surrogate_key:
            del row[family.primary_key.name]
        stored.append((pk, row, {name: found.get(pk, ()) for name, found in lists.items()}))
    return stored


def read_dataset(target: Engine | Connection) -> Dataset:
    """Read the facts stored in the database back into a `Dataset`, in data-file order.

    >>> from allied.store.engine import create_engine
    >>> from allied.store.schema import upgrade
    >>> engine = create_engine("sqlite://"); _ = upgrade(engine)
    >>> read_dataset(engine).memberships
    ()
    """
    if isinstance(target, Engine):
        with target.connect() as connection:
            return read_dataset(connection)
    families = {}
    for family in FAMILIES:
        facts = [family.to_fact(row, lists) for _, row, lists in read_family(target, family)]
        families[family.name] = tuple(sorted(facts, key=sort_key(family.name)))
    return Dataset(**families)
