"""Read the curated data files into typed, immutable facts.

One CSV file per fact family lives in `allied/data/`. Each file has a fixed
header (its schema); every cell is parsed once, here, into typed values. Any
cell that does not parse is reported with its file, line and column, and no
partial dataset is returned.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from allied.errors import AlliedError, DataError
from allied.model import (
    ACTOR_KINDS,
    END_REASONS,
    EVENT_KINDS,
    FRAMEWORK_KINDS,
    NAME_KINDS,
    ROLES,
    SOURCE_KINDS,
    STATUSES,
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


@dataclass(frozen=True, slots=True)
class Dataset:
    """Every fact family, as loaded from the data files (rows in file order)."""

    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    names: tuple[Name, ...]
    frameworks: tuple[Framework, ...]
    memberships: tuple[Membership, ...]
    statuses: tuple[Status, ...]
    events: tuple[Event, ...]
    core_tasks: tuple[CoreTask, ...]
    stated_counts: tuple[StatedCount, ...]
    conflicts: tuple[Conflict, ...]


class _Row:
    """One CSV row with typed accessors; each raises `_CellError` naming its column."""

    __slots__ = ("cells",)

    def __init__(self, cells: dict[str, str]) -> None:
        self.cells = cells

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.cells[column].strip()
        if required and not value:
            raise _CellError(column, "is required")
        return value

    def choice(self, column: str, choices: Iterable[str], *, required: bool = True) -> Any:
        value = self.text(column, required=required)
        if value and value not in choices:
            raise _CellError(column, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def date(self, column: str, *, required: bool = True) -> PartialDate | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except AlliedError as error:
            raise _CellError(column, str(error)) from None

    def period(self, start: str = "start", end: str = "end") -> Period:
        first = self.date(start)
        assert first is not None
        return self._period(first, end)

    def optional_period(self) -> Period | None:
        first = self.date("start", required=False)
        if first is None:
            if self.text("end", required=False):
                raise _CellError("end", "an end needs a start")
            return None
        return self._period(first, "end")

    def _period(self, first: PartialDate, end: str) -> Period:
        try:
            return Period(first, self.date(end, required=False))
        except AlliedError as error:
            raise _CellError(end, str(error)) from None

    def integer(self, column: str, *, required: bool = True) -> int | None:
        value = self.text(column, required=required)
        if not value:
            return None
        if not value.isdigit():
            raise _CellError(column, f"{value!r} is not a whole number")
        return int(value)

    def items(self, column: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.text(column, required=required)
        return tuple(item.strip() for item in value.split("|")) if value else ()


class _CellError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")


def _source(row: _Row) -> Source:
    return Source(
        id=row.text("id"),
        kind=row.choice("kind", SOURCE_KINDS),
        publisher=row.text("publisher"),
        title=row.text("title"),
        url=row.text("url"),
        published=row.date("published", required=False),
        note=row.text("note", required=False),
    )


def _actor(row: _Row) -> Actor:
    return Actor(
        code=row.text("code"),
        kind=row.choice("kind", ACTOR_KINDS),
        iso2=row.text("iso2", required=False),
        iso_numeric=row.text("iso_numeric", required=False),
        cow=row.integer("cow", required=False),
        wikidata=row.text("wikidata", required=False),
        sources=row.items("sources", required=True),
    )


def _name(row: _Row) -> Name:
    return Name(
        actor=row.text("actor"),
        name=row.text("name"),
        kind=row.choice("kind", NAME_KINDS),
        start=row.date("start", required=False),
        end=row.date("end", required=False),
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _framework(row: _Row) -> Framework:
    return Framework(
        slug=row.text("slug"),
        name=row.text("name"),
        kind=row.choice("kind", FRAMEWORK_KINDS),
        period=row.optional_period(),
        end_reason=row.choice("end_reason", END_REASONS, required=False),
        replaced_by=row.text("replaced_by", required=False),
        founding_source=row.text("founding_source", required=False),
        aliases=row.items("aliases"),
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _membership(row: _Row) -> Membership:
    return Membership(
        framework=row.text("framework"),
        actor=row.text("actor"),
        role=row.choice("role", ROLES),
        period=row.period(),
        end_reason=row.choice("end_reason", END_REASONS, required=False),
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _status(row: _Row) -> Status:
    return Status(
        framework=row.text("framework"),
        actor=row.text("actor"),
        role=row.choice("role", ROLES),
        status=row.choice("status", STATUSES),
        period=row.period(),
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _event(row: _Row) -> Event:
    start = row.period().start  # validates that end is not before start
    return Event(
        id=row.text("id"),
        kind=row.choice("kind", EVENT_KINDS),
        start=start,
        end=row.date("end", required=False),
        title=row.text("title"),
        place=row.text("place", required=False),
        actors=row.items("actors"),
        frameworks=row.items("frameworks"),
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _core_task(row: _Row) -> CoreTask:
    position = row.integer("position")
    assert position is not None
    return CoreTask(
        event=row.text("event"),
        position=position,
        task=row.text("task"),
        sources=row.items("sources", required=True),
    )


def _stated_count(row: _Row) -> StatedCount:
    on, count = row.date("on"), row.integer("count")
    assert on is not None and count is not None
    return StatedCount(
        framework=row.text("framework"),
        on=on,
        count=count,
        sources=row.items("sources", required=True),
        note=row.text("note", required=False),
    )


def _conflict(row: _Row) -> Conflict:
    return Conflict(
        subject=row.text("subject"),
        claim=row.text("claim"),
        sources=row.items("sources", required=True),
        resolution=row.text("resolution"),
    )


@dataclass(frozen=True, slots=True)
class FileSchema:
    """A data file: the family it holds, its exact header, how a row becomes a fact."""

    field: str
    columns: tuple[str, ...]
    build: Callable[[_Row], Any]

    @property
    def filename(self) -> str:
        return f"{self.field}.csv"


def _schema(field: str, columns: str, build: Callable[[_Row], Any]) -> FileSchema:
    return FileSchema(field, tuple(columns.split()), build)


SCHEMAS: tuple[FileSchema, ...] = (
    _schema("sources", "id kind publisher title url published note", _source),
    _schema("actors", "code kind iso2 iso_numeric cow wikidata sources", _actor),
    _schema("names", "actor name kind start end sources note", _name),
    _schema(
        "frameworks",
        "slug name kind start end end_reason replaced_by founding_source aliases sources note",
        _framework,
    ),
    _schema("memberships", "framework actor role start end end_reason sources note", _membership),
    _schema("statuses", "framework actor role status start end sources note", _status),
    _schema("events", "id kind start end title place actors frameworks sources note", _event),
    _schema("core_tasks", "event position task sources", _core_task),
    _schema("stated_counts", "framework on count sources note", _stated_count),
    _schema("conflicts", "subject claim sources resolution", _conflict),
)


def bundled_data_dir() -> str:
    """The directory of the data files shipped inside the package."""
    # Beside this module rather than through importlib.resources: the package is
    # always installed unzipped, and importlib.resources (with pathlib and
    # tempfile) costs about 10 ms of start-up on every CLI call.
    return os.path.join(os.path.dirname(__file__), "data")


def load_dataset(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """Read and type every data file; raise `DataError` listing every bad cell.

    `data_dir` defaults to the bundled data. Nothing is returned unless every
    file parses, so a caller never sees half a dataset.
    """
    directory = os.fspath(data_dir) if data_dir is not None else bundled_data_dir()
    problems: list[str] = []
    families: dict[str, tuple[Any, ...]] = {}
    for schema in SCHEMAS:
        path = os.path.join(directory, schema.filename)
        families[schema.field] = tuple(_read_file(path, schema, problems))
    if problems:
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise DataError(f"{len(problems)} problem(s) in the data files:\n{shown}{more}")
    return Dataset(**families)


def _read_file(path: str, schema: FileSchema, problems: list[str]) -> list[Any]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        problems.append(f"{schema.filename}: file is missing")
        return []
    except UnicodeDecodeError:
        problems.append(f"{schema.filename}: not UTF-8")
        return []
    reader = csv.reader(io.StringIO(text))
    header = tuple(next(reader, ()))
    if header != schema.columns:
        expected, found = ",".join(schema.columns), ",".join(header)
        problems.append(f"{schema.filename}:1: header must be {expected} (found {found})")
        return []
    facts = []
    for cells in reader:
        line = reader.line_num
        if not cells:
            continue
        if len(cells) != len(header):
            problems.append(f"{schema.filename}:{line}: {len(cells)} cells, expected {len(header)}")
            continue
        try:
            facts.append(schema.build(_Row(dict(zip(header, cells, strict=True)))))
        except _CellError as error:
            problems.append(f"{schema.filename}:{line}: {error}")
    return facts
