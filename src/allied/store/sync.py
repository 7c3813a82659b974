"""Mirror a dataset into the database: one idempotent `sync_dataset`, in one transaction.

Each family's stored rows are matched to the dataset's facts by their key
(`memberships`: framework, actor, role, start). A fact whose key is new but
which corrects a stored one — same framework, actor and role, a different
start — is paired with it and updated in place, so row ids survive data
corrections. What matches and is equal is left alone; what the dataset no
longer holds is deleted. Running it twice changes nothing the second time.

Syncs are serialised: one holds the database's write lock for its whole
transaction and a concurrent one fails at once with `SyncInProgress`, having
written nothing. Two syncs of different datasets would otherwise both plan
from the same stored state and commit a mixture of the two.

>>> from allied.store.engine import create_engine
>>> from allied.store.schema import upgrade
>>> import allied
>>> engine = create_engine("sqlite://"); _ = upgrade(engine)
>>> first = sync_dataset(engine, allied.load().dataset)
>>> sync_dataset(engine, allied.load().dataset).total.changed
0
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from allied.dataset import Dataset
from allied.errors import DataError, SyncInProgress
from allied.store.engine import SQLITE_BEGIN
from allied.store.rows import FAMILIES, Family, Row, read_family

#: The first half of the PostgreSQL advisory lock a sync holds ("alli"); the second
#: half is the oid of the schema synced into, so syncs into other schemas run freely.
LOCK_KEY = int.from_bytes(b"alli", "big")


@dataclass(frozen=True, slots=True)
class Changes:
    """How many rows of a family were inserted, updated, deleted or left unchanged."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        """Rows inserted, updated or deleted."""
        return self.inserted + self.updated + self.deleted

    def __add__(self, other: Changes) -> Changes:
        return Changes(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.unchanged + other.unchanged,
        )

    def __str__(self) -> str:
        return (
            f"{self.inserted} inserted, {self.updated} updated, "
            f"{self.deleted} deleted, {self.unchanged} unchanged"
        )


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one sync did, per family (a fact's cited sources and lists count with it)."""

    families: dict[str, Changes]

    @property
    def total(self) -> Changes:
        """The changes over every family."""
        return sum(self.families.values(), Changes())

    def __str__(self) -> str:
        return str(self.total)


@dataclass
class _Plan:
    """The writes one family needs: rows to insert, update (by primary key) and delete."""

    family: Family
    inserts: list[tuple[Row, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[Any, Row | None, dict[str, Any] | None]] = field(default_factory=list)
    deletes: list[Any] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes(self) -> Changes:
        return Changes(len(self.inserts), len(self.updates), len(self.deletes), self.unchanged)


def sync_dataset(
    target: Engine | Connection | Session,
    dataset: Dataset,
    *,
    progress: Callable[[str], None] | None = None,
) -> SyncReport:
    """Make the database hold exactly `dataset`; return what changed.

    Given an engine, the sync runs in its own transaction and commits. Given a
    connection or a session already in a transaction, it joins that transaction
    and the caller commits. Either way nothing is half-written: every change is
    planned before the first write, foreign keys are checked at commit, and an
    error rolls the whole sync back. `progress` is called with each family's
    name once it is written. The schema must be at the newest revision
    (`allied.store.schema.upgrade`).

    Raises `SyncInProgress`, writing nothing, while another sync is writing to
    the same database: on PostgreSQL it holds an advisory lock until it commits,
    on SQLite the write lock (taken at BEGIN IMMEDIATE when given an engine; a
    caller's own transaction takes it at its first write).

    Example: `sync_dataset(create_engine(), allied.load().dataset)`.
    """
    if isinstance(target, Engine):
        with _writing(target) as connection:
            return _sync(connection, dataset, progress)
    if isinstance(target, Session):
        return _sync(target.connection(), dataset, progress)
    if target.in_transaction():
        return _sync(target, dataset, progress)
    with target.begin():
        return _sync(target, dataset, progress)


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """One transaction on `engine` that holds SQLite's write lock from its BEGIN."""
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        try:
            transaction = connection.begin()
        except sa.exc.OperationalError as error:
            code = getattr(error.orig, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == sqlite3.SQLITE_BUSY:
                raise SyncInProgress(_in_progress(connection)) from None
            raise
        with transaction:
            yield connection


def _lock(connection: Connection) -> None:
    """Hold PostgreSQL's sync lock until the transaction ends, or raise `SyncInProgress`.

    The lock is tried, not waited for: a sync replaces the whole dataset, so the
    one that arrives second is told, rather than silently overwriting the first
    a moment later. Retrying is safe, since a sync is idempotent.
    """
    if connection.dialect.name != "postgresql":
        return
    schema = sa.text("coalesce(to_regnamespace(current_schema())::oid::int4, 0)")
    taken = connection.execute(sa.select(sa.func.pg_try_advisory_xact_lock(LOCK_KEY, schema)))
    if not taken.scalar_one():
        raise SyncInProgress(_in_progress(connection))


def _in_progress(connection: Connection) -> str:
    where = connection.engine.url.render_as_string(hide_password=True)
    return (
        f"{where}: another `allied db sync` is writing to this database; "
        "nothing synced, try again when it has finished"
    )


def _sync(
    connection: Connection, dataset: Dataset, progress: Callable[[str], None] | None
) -> SyncReport:
    _lock(connection)
    plans = [_plan(connection, family, getattr(dataset, family.name)) for family in FAMILIES]
    for plan in plans:
        _apply(connection, plan)
        if progress is not None:
            progress(plan.family.name)
    return SyncReport({plan.family.name: plan.changes for plan in plans})


def _plan(connection: Connection, family: Family, facts: Iterable[Any]) -> _Plan:
    plan = _Plan(family)
    wanted: dict[tuple[Any, ...], tuple[Row, dict[str, Any]]] = {}
    for fact in facts:
        row = family.to_row(fact)
        key = tuple(row[column] for column in family.key)
        if key in wanted:
            raise DataError(f"{family.name}: {_show(key)} appears more than once")
        wanted[key] = (row, {f.field: tuple(getattr(fact, f.field)) for f in family.lists})
    stored = {
        tuple(row[column] for column in family.key): (pk, row, lists)
        for pk, row, lists in read_family(connection, family)
    }
    pairs = [(stored[key], wanted[key]) for key in wanted if key in stored]
    pairs += _corrections(
        family,
        [value for key, value in stored.items() if key not in wanted],
        [value for key, value in wanted.items() if key not in stored],
        plan,
    )
    for (pk, old_row, old_lists), (row, lists) in pairs:
        new_row = row if row != old_row else None
        new_lists = lists if lists != old_lists else None
        if new_row is None and new_lists is None:
            plan.unchanged += 1
        else:
            plan.updates.append((pk, new_row, new_lists))
    return plan


def _corrections(
    family: Family,
    gone: list[tuple[Any, Row, dict[str, Any]]],
    new: list[tuple[Row, dict[str, Any]]],
    plan: _Plan,
) -> list[tuple[tuple[Any, Row, dict[str, Any]], tuple[Row, dict[str, Any]]]]:
    """Pair stored rows the dataset dropped with new facts that correct them, in key order.

    What stays unpaired is deleted or inserted (added to `plan`).
    """
    by_match: dict[tuple[Any, ...], tuple[list[Any], list[Any]]] = defaultdict(lambda: ([], []))
    for stored in gone:
        by_match[tuple(stored[1][c] for c in family.match)][0].append(stored)
    for wanted in new:
        by_match[tuple(wanted[0][c] for c in family.match)][1].append(wanted)
    pairs: list[tuple[tuple[Any, Row, dict[str, Any]], tuple[Row, dict[str, Any]]]] = []
    for old, fresh in by_match.values():
        old.sort(key=lambda item: _sortable(item[1], family.key))
        fresh.sort(key=lambda item: _sortable(item[0], family.key))
        pairs += zip(old, fresh, strict=False)
        plan.deletes += [pk for pk, _, _ in old[len(fresh) :]]
    # New rows go in in the dataset's order, so ids follow the data files.
    paired = {id(fresh) for _, fresh in pairs}
    plan.inserts += [item for item in new if id(item) not in paired]
    return pairs


def _apply(connection: Connection, plan: _Plan) -> None:
    family, table, pk = plan.family, plan.family.table, plan.family.primary_key
    if plan.deletes:
        for field_ in family.lists:
            connection.execute(sa.delete(field_.table).where(field_.owner.in_(plan.deletes)))
        connection.execute(sa.delete(table).where(pk.in_(plan.deletes)))
    rows = [(key, row) for key, row, _ in plan.updates if row is not None]
    if rows:
        statement = sa.update(table).where(pk == sa.bindparam("_pk"))
        connection.execute(statement, [{**row, "_pk": key} for key, row in rows])
    replaced = [(key, lists) for key, _, lists in plan.updates if lists is not None]
    for field_ in family.lists:
        owners = [key for key, _ in replaced]
        if owners:
            connection.execute(sa.delete(field_.table).where(field_.owner.in_(owners)))
    _insert_lists(connection, family, replaced)
    if plan.inserts:
        new_rows = [row for row, _ in plan.inserts]
        if family.has_surrogate_key:
            returning = sa.insert(table).returning(pk, sort_by_parameter_order=True)
            keys = list(connection.execute(returning, new_rows).scalars())
        else:
            connection.execute(sa.insert(table), new_rows)
            keys = [row[pk.name] for row in new_rows]
        owned = zip(keys, [lists for _, lists in plan.inserts], strict=True)
        _insert_lists(connection, family, owned)


def _insert_lists(
    connection: Connection, family: Family, owned: Iterable[tuple[Any, dict[str, Any]]]
) -> None:
    links: dict[str, list[Row]] = defaultdict(list)
    for key, lists in owned:
        for field_ in family.lists:
            links[field_.field] += [
                {field_.owner.name: key, "position": position, field_.value: value}
                for position, value in enumerate(lists[field_.field], start=1)
            ]
    for field_ in family.lists:
        if links[field_.field]:
            connection.execute(sa.insert(field_.table), links[field_.field])


def _sortable(row: Row, columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("" if row[c] is None else str(row[c]) for c in columns)


def _show(key: tuple[Any, ...]) -> str:
    return "/".join("" if part is None else str(part) for part in key)
