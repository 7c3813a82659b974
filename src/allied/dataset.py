"""Read the curated data files into typed, immutable facts.

One CSV file per fact family lives in `allied/data/`. Its header, and how each
cell parses, follow from the family's declaration (`allied.families`, read by
`allied.schema`, which a load from the cache does not need): every
cell is parsed once, here, into typed values. A cell that does not parse, a
duplicate key or a reference to a fact that is not there is reported with its
file, line and column, and no partial dataset is returned.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from allied import cache as _cache
from allied.errors import AlliedError, DataError
from allied.families import NAMES, Dataset, filename
from allied.period import PartialDate, Period

if TYPE_CHECKING:
    from allied.integrity import Breach
    from allied.schema import FactField, Family

__all__ = ["Dataset", "bundled_data_dir", "load_dataset", "write_facts"]

_MAX_SHOWN = 50
_FILENAMES = [filename(name) for name in NAMES]
_FLAGS = {"true": True, "false": False}


class _CellError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")


#: Parses one row's cells (by position) into a field's value; `values` holds earlier fields.
_Parser = Callable[[list[str], dict[str, Any]], Any]


def _parser(field: FactField, header: tuple[str, ...], shared: dict[Any, Any]) -> _Parser:
    """How one field's value is read from a row of cells (one call per cell: this is hot).

    Equal texts and lists are handed out as one object (`shared`), so the cached
    pickle stores a repeated code or list of sources once and loads it once.
    """
    index = header.index(field.columns[0])
    column, required = field.name, field.required
    if field.kind == "period":
        start, end = _date(index, "start", required=required), _date(index + 1, "end")

        def period(cells: list[str], values: dict[str, Any]) -> Period | None:
            first = start(cells, values)
            if first is None:
                if cells[index + 1].strip():
                    raise _CellError("end", "an end needs a start")
                return None
            return _period(first, end(cells, values), "end")

        return period
    if field.kind == "date":
        date = _date(index, column, required=required)
        if field.not_before is None:
            return date
        before = field.not_before

        def bounded(cells: list[str], values: dict[str, Any]) -> PartialDate | None:
            value: PartialDate | None = date(cells, values)
            if value is not None:
                _period(values[before], value, column)  # validates that it is not before
            return value

        return bounded
    if field.kind == "list":

        def items(cells: list[str], _: dict[str, Any]) -> tuple[str, ...]:
            value = cells[index].strip()
            if not value:
                if required:
                    raise _CellError(column, "is required")
                return ()
            found = tuple(item.strip() for item in value.split("|"))
            kept: tuple[str, ...] = shared.setdefault(found, found)
            return kept

        return items
    if field.kind == "integer":

        def integer(cells: list[str], _: dict[str, Any]) -> int | None:
            value = cells[index].strip()
            if not value:
                if required:
                    raise _CellError(column, "is required")
                return None
            if not value.isdigit():
                raise _CellError(column, f"{value!r} is not a whole number")
            return int(value)

        return integer
    if field.kind == "number":

        def number(cells: list[str], _: dict[str, Any]) -> float | None:
            value = cells[index].strip()
            if not value:
                if required:
                    raise _CellError(column, "is required")
                return None
            # Plain decimals only (`-1.25`): no exponents, signs, underscores or `nan`.
            if not value.removeprefix("-").replace(".", "", 1).isdigit() or not value.isascii():
                raise _CellError(column, f"{value!r} is not a number")
            return float(value)

        return number
    if field.kind == "flag":

        def flag(cells: list[str], _: dict[str, Any]) -> bool:
            value = cells[index].strip()
            if value not in _FLAGS:
                raise _CellError(column, f"{value!r} is not true or false")
            return _FLAGS[value]

        return flag
    choices = frozenset(field.choices) if field.kind == "choice" else None
    shown = ", ".join(field.choices)

    def text(cells: list[str], _: dict[str, Any]) -> str:
        value = cells[index].strip()
        if not value:
            if required:
                raise _CellError(column, "is required")
        elif choices is not None and value not in choices:
            raise _CellError(column, f"{value!r} is not one of {shown}")
        kept: str = shared.setdefault(value, value)
        return kept

    return text


def _date(index: int, column: str, *, required: bool = False) -> _Parser:
    def date(cells: list[str], _: dict[str, Any]) -> PartialDate | None:
        value = cells[index].strip()
        if not value:
            if required:
                raise _CellError(column, "is required")
            return None
        try:
            return PartialDate.parse(value)
        except AlliedError as error:
            raise _CellError(column, str(error)) from None

    return date


def _period(start: PartialDate, end: PartialDate | None, column: str) -> Period:
    try:
        return Period(start, end)
    except AlliedError as error:
        raise _CellError(column, str(error)) from None


def _builder(family: Family) -> Callable[[list[str]], Any]:
    """How one row of cells becomes a fact of `family`."""
    shared: dict[Any, Any] = {}
    parsers = [(field.name, _parser(field, family.columns, shared)) for field in family.fields]
    model = family.model

    def build(cells: list[str]) -> Any:
        values: dict[str, Any] = {}
        for name, parse in parsers:
            values[name] = parse(cells, values)
        return model(**values)

    return build


def bundled_data_dir() -> str:
    """The directory of the data files shipped inside the package."""
    # Beside this module rather than through importlib.resources: the package is
    # always installed unzipped, and importlib.resources (with pathlib and
    # tempfile) costs about 10 ms of start-up on every CLI call.
    return os.path.join(os.path.dirname(__file__), "data")


def load_dataset(data_dir: str | os.PathLike[str] | None = None, *, cache: bool = True) -> Dataset:
    """Read and type every data file; raise `DataError` listing every problem.

    `data_dir` defaults to the bundled data. Nothing is returned unless every
    file parses, every key is unique and every reference resolves, so a caller
    never sees half a dataset or a broken one. A dataset that loaded cleanly is
    kept in the user's cache (`allied.cache`) until a file changes; a dataset
    read from there reads each family when it is first used.
    """
    directory = os.fspath(data_dir) if data_dir is not None else bundled_data_dir()
    if not cache:
        return _parse(directory)
    shelf = _cache.shelf(directory, _FILENAMES)
    if shelf is None:
        return _parse_and_keep(directory)
    return Dataset.deferred(partial(_kept_family, shelf, directory))


def _kept_family(shelf: _cache.Shelf, directory: str, family: str) -> tuple[Any, ...]:
    """One family of a cached dataset, read when first used."""
    facts = shelf.facts(family)
    if facts is None:  # its file is gone or spoilt: parse and check every file again
        facts = getattr(_parse_and_keep(directory), family)
    return facts


def _parse_and_keep(directory: str) -> Dataset:
    """Parse and check every file, then keep each family in the cache."""
    dataset = _parse(directory)
    _cache.write(directory, _FILENAMES, {name: getattr(dataset, name) for name in NAMES})
    return dataset


def _parse(directory: str) -> Dataset:
    """Read, type and check every data file of `directory` (see `load_dataset`)."""
    from allied.schema import FAMILIES

    problems: list[str] = []
    families: dict[str, tuple[Any, ...]] = {}
    lines: dict[str, list[int]] = {}
    for family in FAMILIES:
        path = os.path.join(directory, family.filename)
        rows = _read_file(path, family, problems)
        families[family.name] = tuple(fact for _, fact in rows)
        lines[family.name] = [line for line, _ in rows]
    if not problems:
        from allied.integrity import find_breaches  # not needed by a dataset from the cache

        dataset = Dataset(**families)
        problems += [
            _locate(breach, lines[breach.family.name]) for breach in find_breaches(dataset)
        ]
    if len(problems) == 1:
        raise DataError(problems[0])
    if problems:
        shown = "\n".join(problems[:_MAX_SHOWN])
        more = f"\n… and {len(problems) - _MAX_SHOWN} more" if len(problems) > _MAX_SHOWN else ""
        raise DataError(f"{len(problems)} problem(s) in the data files:\n{shown}{more}")
    return dataset


def _locate(breach: Breach, lines: list[int]) -> str:
    again = f" (first on line {lines[breach.first]})" if breach.first is not None else ""
    where = f"{breach.family.filename}:{lines[breach.index]}"
    return f"{where}: {breach.column}: {breach.message}{again}"


def _read_file(path: str, family: Family, problems: list[str]) -> list[tuple[int, Any]]:
    """The facts of one file with their line numbers; what is wrong goes to `problems`."""
    name = family.filename
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        problems.append(f"{name}: file is missing")
        return []
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8")
        return []
    except OSError as error:
        problems.append(f"{name}: cannot be read ({error.strerror or error})")
        return []
    import csv  # here, with `io`: a load from the cache reads no CSV
    import io

    reader = csv.reader(io.StringIO(text))
    header = tuple(next(reader, ()))
    if header != family.columns:
        expected, found = ",".join(family.columns), ",".join(header)
        problems.append(f"{name}:1: header must be {expected} (found {found})")
        return []
    build, width = _builder(family), len(header)
    facts = []
    line = reader.line_num
    try:
        for cells in reader:
            line, first = reader.line_num, line + 1
            if not cells:
                continue
            if line != first:
                # One row is one line: a cell spanning lines is a quote left open.
                problems.append(f"{name}:{first}: a quoted cell runs on to line {line}")
                continue
            if len(cells) != width:
                problems.append(f"{name}:{line}: {len(cells)} cells, expected {width}")
                continue
            try:
                facts.append((line, build(cells)))
            except _CellError as error:
                problems.append(f"{name}:{line}: {error}")
    except csv.Error as error:
        problems.append(f"{name}:{reader.line_num}: {error}")
    if family.non_empty and not facts and not problems:
        problems.append(f"{name}: no rows (this file must not be empty)")
    return facts


def fact_cells(family: Family, fact: Any) -> list[str]:
    """One fact as the cells of its data file's row: the inverse of reading it.

    >>> from allied.schema import BY_NAME
    >>> from allied.model import SpendingValue
    >>> v = SpendingValue("2025-08", "POL", 2024, "pct_gdp", 4.0, True, ("s1",))
    >>> fact_cells(BY_NAME["spending"], v)
    ['2025-08', 'POL', '2024', 'pct_gdp', '4', 'true', 's1', '']
    """
    cells: list[str] = []
    for field in family.fields:
        value = getattr(fact, field.name)
        if field.kind == "period":
            cells += [str(value.start), str(value.end or "")] if value else ["", ""]
        elif field.kind == "list":
            cells.append("|".join(value))
        elif field.kind == "flag":
            cells.append("true" if value else "false")
        elif field.kind == "number":
            text = repr(value) if value is not None else ""
            cells.append(text.removesuffix(".0"))
        else:
            cells.append("" if value is None else str(value))
    return cells


def write_facts(directory: str | os.PathLike[str], family: Family, facts: list[Any]) -> None:
    """Write a family's data file: its header, then the facts sorted by its declared order.

    The file is written beside its final place and moved there in one step, so a
    reader sees the old file or the new one, never half of one.
    """
    import csv
    import io

    path = os.path.join(os.fspath(directory), family.filename)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(family.columns)
    writer.writerows(fact_cells(family, fact) for fact in sorted(facts, key=family.sort_key))
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    os.replace(temporary, path)
