"""Facts as table rows and back: one `Family` per fact family, and `read_dataset`.

The mapping follows the model's declarations (`allied.families`): a text,
choice or number is its column, a `PartialDate` its four columns (`date_columns`),
a `Period` its eight, a tuple a link table `(owner, position) -> value`, and an
optional reference is NULL when empty. A `Family` says how a fact becomes a row
(`to_row`), which columns identify it (`key`), which survive a data correction
(`match`), and how a row becomes the fact again (`to_fact`). `sync_dataset`
writes through these; `read_dataset` reads back, so a synced database gives back
exactly the dataset it was given.

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

from allied import schema as declared
from allied.families import Dataset
from allied.period import PartialDate, Period
from allied.schema import FactField
from allied.store import tables as t

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
    declaration: declared.Family | None = None

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


def read_period(row: Mapping[str, Any]) -> Period | None:
    """The period stored in the `start` and `end` columns, `None` when there is none."""
    start = read_date(row, "start")
    return Period(start, read_date(row, "end")) if start is not None else None


def store_columns(field: FactField) -> tuple[str, ...]:
    """The table columns a field is stored in (none for a list: it has a link table)."""
    if field.kind == "list":
        return ()
    if field.kind in ("date", "period"):
        return tuple(
            name
            for column in field.columns
            for name in (column, *(f"{column}_{part}" for part in ("precision", "first", "last")))
        )
    return (field.name,)


def is_nullable(field: FactField, column: str | None = None) -> bool:
    """Whether a field's `column` may hold NULL: an optional date, number or reference.

    A period's `end` columns may always be NULL (an ongoing period has no end).
    """
    if field.kind == "period" and column is not None and column.startswith("end"):
        return True
    return not field.required and (field.kind not in ("text", "choice") or field.refers is not None)


def _writer(field: FactField) -> Callable[[Any, Row], None]:
    name = field.name
    if field.kind == "date":
        return lambda fact, row: row.update(date_columns(name, getattr(fact, name)))
    if field.kind == "period":
        return lambda fact, row: row.update(period_columns(getattr(fact, name)))
    if is_nullable(field) and field.kind in ("text", "choice"):
        return lambda fact, row: row.__setitem__(name, getattr(fact, name) or None)
    return lambda fact, row: row.__setitem__(name, getattr(fact, name))


def _reader(field: FactField) -> Callable[[Mapping[str, Any], Lists], Any]:
    name = field.name
    if field.kind == "list":
        return lambda row, lists: lists[name]
    if field.kind == "date":
        return lambda row, _: read_date(row, name)
    if field.kind == "period":
        return lambda row, _: read_period(row)
    if is_nullable(field) and field.kind in ("text", "choice"):
        return lambda row, _: row[name] or ""
    return lambda row, _: row[name]


def _family(declaration: declared.Family) -> Family:
    table = t.Base.metadata.tables[declaration.name]
    writers = [_writer(f) for f in declaration.fields if f.kind != "list"]
    readers = [(f.name, _reader(f)) for f in declaration.fields]
    model = declaration.model

    def to_row(fact: Any) -> Row:
        row: Row = {}
        for write in writers:
            write(fact, row)
        return row

    def to_fact(row: Mapping[str, Any], lists: Lists) -> Any:
        return model(**{name: read(row, lists) for name, read in readers})

    lists = tuple(
        _list_field(declaration.name, f.name) for f in declaration.fields if f.kind == "list"
    )
    return Family(
        declaration.name,
        table,
        declaration.key,
        declaration.match,
        to_row,
        to_fact,
        lists,
        declaration,
    )


def _list_field(family: str, field: str) -> ListField:
    table = t.link_table(family, field)
    (value,) = (c.name for c in table.columns if not c.primary_key)
    return ListField(field, table, value)


#: Every fact family, in the order `Dataset` lists them.
FAMILIES: tuple[Family, ...] = tuple(_family(family) for family in declared.FAMILIES)


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
        families[family.name] = tuple(sorted(facts, key=declared.BY_NAME[family.name].sort_key))
    return Dataset(**families)
