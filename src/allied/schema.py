"""What the families' declarations mean for the files and the store: fields, columns, keys.

`allied.families` declares the families (`Dataset`); here each declaration is
read: each model field becomes a `FactField` (its kind read from its type, its
extras from `allied.column`) and each family a `Family` (its model, file, key,
order and fields). The CSV reader (`allied.dataset`), the store's row mapping
(`allied.store.rows`), the file order, the load-time integrity check and the
codebook in `docs/data.md` are all derived from these. A load from the cache
needs none of it (it knows the families by name), so this is imported only to
parse, check or write the files.

>>> FAMILIES[4].name, FAMILIES[4].columns[:4]
('memberships', ('framework', 'actor', 'role', 'start'))
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import operator
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from allied import column as _column
from allied import model as _model
from allied.families import Dataset, filename
from allied.hints import field_type, split_optional
from allied.period import PartialDate, Period

Kind = Literal["text", "choice", "integer", "number", "flag", "date", "period", "list"]
_NO_DATE = (_dt.date.min, 0)


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
        return filename(self.name)

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
