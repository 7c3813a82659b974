"""The fact families, each declared once: the model's fields drive everything else.

`Dataset` lists the families; each of its fields names one (`memberships`), its
model class (`Membership`, from the annotation) and, in its metadata, the rest:
what one row is, the key columns, the columns a data correction keeps (`match`),
the fields the file is sorted by, and whether the file may be empty. Each model
field becomes a `FactField` — its kind read from its type, its extras from
`allied.column`. The CSV reader (`allied.dataset`), the store's row mapping
(`allied.store.rows`), the file order, the load-time integrity check and the
codebook in `docs/data.md` are all derived from these.

Adding a family: a model dataclass, a field here, a table, a migration, a file, and
the regenerated `datapackage.json` (`python -m allied.datapackage`) and codebook.

>>> FAMILIES[4].name, FAMILIES[4].columns[:4]
('memberships', ('framework', 'actor', 'role', 'start'))
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import operator
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from allied import column as _column
from allied import model as _model
from allied.hints import field_type, split_optional
from allied.period import PartialDate, Period

if TYPE_CHECKING:  # looked up by name when a family's model is first used (`Family.model`)
    from allied.model import (
        AccessionCase,
        Actor,
        Conflict,
        Contribution,
        CoreTask,
        CowCode,
        EuNatoDocument,
        Event,
        Exemption,
        Format,
        Framework,
        Guideline,
        Membership,
        Name,
        Operation,
        Proposal,
        Ratification,
        Release,
        Snapshot,
        SnapshotTotal,
        Source,
        SpendingValue,
        StatedCount,
        Status,
        Territory,
    )

Kind = Literal["text", "choice", "integer", "number", "flag", "date", "period", "list"]
_NO_DATE = (_dt.date.min, 0)


def family(
    doc: str,
    *,
    key: str,
    match: str | None = None,
    order: str | None = None,
    non_empty: bool = False,
) -> Mapping[str, Any]:
    """Declare a family's extras, as `dataclasses.field(metadata=family(...))`.

    `key` (space-separated column names) identifies a row and must be unique;
    `match` (default: the key) is what a stored row keeps across a data
    correction; `order` (field names, default: the key's fields) sorts the file.
    """
    return {"family": (doc, tuple(key.split()), tuple((match or key).split()), order, non_empty)}


_ROLE = "framework actor role"


@dataclass(frozen=True)
class Dataset:
    """Every fact family, as loaded from the data files (rows in file order).

    A dataset read from the cache (`Dataset.deferred`) reads each family when it
    is first used; to its users it is the same.
    """

    sources: tuple[Source, ...] = dataclasses.field(
        metadata=family("a source: who published what, where, when", key="id", non_empty=True)
    )
    actors: tuple[Actor, ...] = dataclasses.field(
        metadata=family(
            "a state (ISO alpha-3) or an organisation (short code) with its cross-walk codes",
            key="code",
            non_empty=True,
        )
    )
    names: tuple[Name, ...] = dataclasses.field(
        metadata=family(
            "a name of an actor: `short` (in use over a period), `formal`, or `alias`",
            key="actor kind name start",
            match="actor kind name",
            order="actor kind start name",
        )
    )
    frameworks: tuple[Framework, ...] = dataclasses.field(
        metadata=family(
            "the Alliance, a partnership, programme, status, body or relation",
            key="slug",
            non_empty=True,
        )
    )
    memberships: tuple[Membership, ...] = dataclasses.field(
        metadata=family(
            "one actor in one framework in one role over a period",
            key=f"{_ROLE} start",
            match=_ROLE,
            order=f"{_ROLE} period",
            non_empty=True,
        )
    )
    statuses: tuple[Status, ...] = dataclasses.field(
        metadata=family(
            "a sub-period of a membership with a status other than `active`",
            key=f"{_ROLE} start",
            match=_ROLE,
            order=f"{_ROLE} period",
        )
    )
    exemptions: tuple[Exemption, ...] = dataclasses.field(
        metadata=family(
            "a framework that an actor's suspension in a sibling framework does not extend to",
            key=f"{_ROLE} suspended_in",
            match=f"{_ROLE} suspended_in",
        )
    )
    territories: tuple[Territory, ...] = dataclasses.field(
        metadata=family(
            "a dependent territory the map draws with its sovereign's tie",
            key="code start",
            match="code",
            order="code period",
        )
    )
    events: tuple[Event, ...] = dataclasses.field(
        metadata=family(
            "a dated event: a summit, a treaty, an accession, an Article 4 or 5 consultation",
            key="id",
            order="start id",
        )
    )
    accession_cases: tuple[AccessionCase, ...] = dataclasses.field(
        metadata=family("one candidate's invitation, protocol and accession", key="candidate")
    )
    ratifications: tuple[Ratification, ...] = dataclasses.field(
        metadata=family(
            "one Ally's step in ratifying a candidate's accession protocol",
            key="candidate ally milestone",
            order="candidate milestone date ally",
        )
    )
    core_tasks: tuple[CoreTask, ...] = dataclasses.field(
        metadata=family(
            "a core task of a Strategic Concept (an event), in order",
            key="event position",
            match="event",
        )
    )
    stated_counts: tuple[StatedCount, ...] = dataclasses.field(
        metadata=family(
            "a count an official text states on a date (checked by `allied validate`)",
            key="framework on",
            match="framework",
        )
    )
    conflicts: tuple[Conflict, ...] = dataclasses.field(
        metadata=family(
            "a value another source gives, and which value the dataset keeps and why",
            key="subject claim",
            match="subject",
        )
    )
    formats: tuple[Format, ...] = dataclasses.field(
        metadata=family("a table NATO sits at with others", key="slug")
    )
    operations: tuple[Operation, ...] = dataclasses.field(
        metadata=family("a NATO-led operation, mission or activity", key="slug")
    )
    contributions: tuple[Contribution, ...] = dataclasses.field(
        metadata=family(
            "one actor's part in one operation in one role, over a period",
            key="operation actor role start",
            match="operation actor role",
            order="operation actor role period",
        )
    )
    snapshots: tuple[Snapshot, ...] = dataclasses.field(
        metadata=family(
            "one actor's part in one operation on a dated list, with the figure printed",
            key="operation as_of actor role",
            match="operation actor role",
        )
    )
    snapshot_totals: tuple[SnapshotTotal, ...] = dataclasses.field(
        metadata=family(
            "the totals a source states for an operation on a date",
            key="operation as_of",
            match="operation",
        )
    )
    cow_codes: tuple[CowCode, ...] = dataclasses.field(
        metadata=family(
            "a span in which a state was in the COW state system under one COW code",
            key="actor start",
            order="actor period",
        )
    )
    releases: tuple[Release, ...] = dataclasses.field(
        metadata=family(
            "one release of NATO's defence-expenditure tables: published, cut-off, base year",
            key="id",
            order="published id",
        )
    )
    spending: tuple[SpendingValue, ...] = dataclasses.field(
        metadata=family(
            "one figure of one release: an Ally's measure for a year, with its estimate flag",
            key="release ally year measure",
        )
    )
    guidelines: tuple[Guideline, ...] = dataclasses.field(
        metadata=family(
            "a dated spending rule: measure, threshold, the years it judges",
            key="id",
            order="adopted id",
        )
    )
    eu_nato_documents: tuple[EuNatoDocument, ...] = dataclasses.field(
        metadata=family(
            "an EU-NATO Joint Declaration, common set of proposals or progress report",
            key="id",
            order="date id",
        )
    )
    proposals: tuple[Proposal, ...] = dataclasses.field(
        metadata=family(
            "one EU-NATO common proposal: its set, number and area", key="id", order="set number"
        )
    )

    @classmethod
    def deferred(cls, read: Callable[[str], tuple[Any, ...]]) -> Dataset:
        """A dataset whose families are read by `read(name)`, each once, when first used.

        For facts already checked (the cache holds only datasets that loaded cleanly).
        """
        dataset = object.__new__(cls)
        object.__setattr__(dataset, "_read", read)
        return dataset

    if not TYPE_CHECKING:  # mypy keeps checking the families' names and types

        def __getattr__(self, name: str) -> Any:
            # Reached only when `name` is not set: a family a deferred dataset has not read.
            read = self.__dict__.get("_read")
            if read is None or name not in self.__dataclass_fields__:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            # Two threads may read a family at once: both keep the one stored first.
            return self.__dict__.setdefault(name, read(name))

    def __getstate__(self) -> dict[str, Any]:
        """Every family (read now if deferred), without the reader: what a pickle keeps."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class FactField:
    """One model field as the files and the store see it: its kind and its extras."""

    name: str
    kind: Kind
    required: bool
    doc: str
    choices: tuple[str, ...] = ()
    refers: str | None = None
    not_before: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """Its columns in a data file: a period is `start` and `end`, any other field one."""
        return ("start", "end") if self.kind == "period" else (self.name,)


@dataclass(frozen=True)
class Family:
    """A fact family: its model, file, key, order and fields, all read from the declarations.

    The model class and what is read from it (`model`, `fields`, `order`) are
    looked up when first used, so naming a family does not import its model.
    """

    name: str
    doc: str
    key: tuple[str, ...]
    match: tuple[str, ...]
    non_empty: bool
    _model: str = dataclasses.field(repr=False)
    _order: str | None = dataclasses.field(repr=False)

    @cached_property
    def model(self) -> type[Any]:
        """The model class of one fact (`Membership`), imported now if it was not yet."""
        found: type[Any] = getattr(_model, self._model)
        return found

    @cached_property
    def fields(self) -> tuple[FactField, ...]:
        """The model's fields as the files and the store see them."""
        return tuple(
            _fact_field(f, field_type(self.model, f)) for f in dataclasses.fields(self.model)
        )

    @cached_property
    def order(self) -> tuple[str, ...]:
        """The fields the file is sorted by."""
        names = {f.name for f in self.fields}
        return (
            tuple(self._order.split()) if self._order else tuple(c for c in self.key if c in names)
        )

    @cached_property
    def _key(self) -> Callable[[Any], tuple[Any, ...]]:
        return _key_getter(self.fields, self.key)

    @property
    def filename(self) -> str:
        """The data file holding the family, in `allied/data/`."""
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        """The data file's exact header."""
        return tuple(column for f in self.fields for column in f.columns)

    def field_of(self, name: str) -> FactField:
        """The field called `name`, or holding the file column `name` (`start`: the period)."""
        for f in self.fields:
            if name == f.name or name in f.columns:
                return f
        raise KeyError(name)

    def sort_key(self, fact: Any) -> tuple[Any, ...]:
        """The stable key the file's rows are sorted by, so diffs read like a changelog."""
        return tuple(_sortable(getattr(fact, name)) for name in self.order)

    def key_of(self, fact: Any) -> tuple[Any, ...]:
        """The values of the key columns for one fact (`start` is its period's start)."""
        return self._key(fact)


def _key_getter(fields: tuple[FactField, ...], key: tuple[str, ...]) -> Callable[[Any], Any]:
    by_column = {column: f for f in fields for column in f.columns}
    paths = []
    for column in key:
        f = by_column[column]
        if f.kind == "period" and not f.required:
            raise TypeError(f"{column}: a key cannot be part of an optional period")
        paths.append(f"{f.name}.{column}" if f.kind == "period" else column)
    getter = operator.attrgetter(*paths)
    return (lambda fact: (getter(fact),)) if len(paths) == 1 else getter


def _sortable(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.sort_key
    if isinstance(value, Period):
        return value.start.sort_key
    return _NO_DATE if value is None else value


def _fact_field(field: dataclasses.Field[Any], hint: Any) -> FactField:
    extras = field.metadata.get(_column.KEY) or _column.Column("")
    has_default = field.default is not dataclasses.MISSING
    hint, optional = split_optional(hint)
    choices: tuple[str, ...] = ()
    kind: Kind
    if typing.get_origin(hint) is Literal:
        kind, choices = "choice", typing.get_args(hint)
    elif hint is str:
        kind, choices = ("choice", extras.choices) if extras.choices else ("text", ())
    elif hint is int:
        kind = "integer"
    elif hint is float:
        kind = "number"
    elif hint is bool:
        kind = "flag"
    elif hint is PartialDate:
        kind = "date"
    elif hint is Period:
        kind = "period"
    elif typing.get_origin(hint) is tuple:
        kind = "list"
    else:
        raise TypeError(f"{field.name}: no column kind for {hint!r}")
    if kind == "list":
        required = bool(extras.required)
    elif kind in ("text", "choice"):
        required = not has_default and extras.required is not False
    else:
        required = not optional
    if optional and required:
        raise TypeError(f"{field.name}: declared required, typed optional")
    return FactField(
        field.name, kind, required, extras.doc, choices, extras.refers, extras.not_before
    )


def _family(field: dataclasses.Field[Any]) -> Family:
    doc, key, match, order, non_empty = field.metadata["family"]
    # The field's type is the text `tuple[Model, ...]` (annotations are not evaluated here):
    # the class is named, and imported from `allied.model` only when first used.
    model = str(field.type).removeprefix("tuple[").removesuffix(", ...]")
    return Family(field.name, doc, key, match, non_empty, model, order)


def _families() -> tuple[Family, ...]:
    return tuple(_family(f) for f in dataclasses.fields(Dataset))


#: Every fact family, in the order `Dataset` lists them (references point backwards).
FAMILIES: tuple[Family, ...] = _families()
BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}


def codebook_markdown() -> str:
    """The per-family column tables of `docs/data.md`, generated from the declarations."""
    parts = []
    for fam in FAMILIES:
        order = ", ".join(fam.field_of(name).columns[0] for name in fam.order)
        rule = " It must not be empty." if fam.non_empty else ""
        parts.append(
            f"### `{fam.filename}`\n\nOne row is {fam.doc}. Key: {', '.join(fam.key)}; "
            f"sorted by {order}.{rule}\n\n"
            "| column | type | required | description |\n|---|---|---|---|\n"
            + "".join(_codebook_rows(f) for f in fam.fields)
        )
    return "\n".join(parts)


def _codebook_rows(f: FactField) -> str:
    required = "yes" if f.required else ""
    if f.kind == "period":
        return (
            f"| `start` | date | {required} | {f.doc} |\n"
            f"| `end` | date |  | The first day it no longer holds (empty while ongoing). |\n"
        )
    kind = _KIND_TEXT[f.kind]
    if f.kind == "choice":
        kind = "one of " + ", ".join(f"`{choice}`" for choice in f.choices)
    elif f.refers:
        kind = ("ids" if f.kind == "list" else "an id") + f" in `{f.refers}.csv`"
    return f"| `{f.name}` | {kind} | {required} | {f.doc} |\n"


_KIND_TEXT: dict[Kind, str] = {
    "text": "text",
    "choice": "choice",
    "integer": "whole number",
    "number": "number",
    "flag": "`true` or `false`",
    "date": "date",
    "period": "period",
    "list": "list",
}
