"""NATO's defence-expenditure workbook: recognise its tables by their titles, read, validate.

A release's Excel workbook holds its tables one per sheet (2019), several per
sheet (2025), with years across and Allies down. The reader does not trust
cell offsets: it finds each table by its title ("Defence expenditure as a
share of GDP and annual real change", "Distribution of defence expenditure by
main category", "Defence expenditure (million US dollars)", and the 2026
edition's "core" titles), each block inside a table by its heading ("Share of
real GDP", "Annual real change", "Equipment", "Constant 2021 prices"…), the
year columns by their labels (`2024e`: every figure of the year is an
estimate), and each Ally by its name as the registry knows it.

Anything it does not know stops it, naming the sheet and the cell: a table
title, a block heading, a country, a cell that is not a number. `read_workbook`
returns every value or raises; `import_workbook` also checks the release is
new and writes `releases.csv` and `spending.csv` only when everything is valid.
openpyxl is imported here only (the `xlsx` extra).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allied.errors import AlliedError, quoted
from allied.model import Measure, Release, SpendingValue
from allied.period import PartialDate
from allied.registry import Registry
from allied.spending import TOTAL

Progress = Callable[[int, int], None]


class WorkbookError(AlliedError, ValueError):
    """A workbook the importer cannot read as a NATO release; the message names sheet and cell."""


class DuplicateRelease(AlliedError, ValueError):
    """The release is already recorded: nothing is overwritten."""


@dataclass(frozen=True)
class Block:
    """A block of a table: the heading that names it and the measure its figures are."""

    heading: re.Pattern[str]
    measure: Measure


@dataclass(frozen=True)
class Layout:
    """A table allied knows: its title, and its blocks (the first is the default)."""

    name: str
    title: re.Pattern[str]
    blocks: tuple[Block, ...]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DEF = r"(?:core\s+)?defen[cs]e\s+expenditures?"
#: The tables read, by title; the blocks inside each, by heading.
LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "share of GDP",
        _re(rf"{_DEF}\s+as\s+(?:a\s+)?(?:share|percentage)\s+of\s+(?:real\s+)?gdp"),
        (
            Block(_re(r"(?:share|percentage|%)\s+of\s+(?:real\s+)?gdp"), "pct_gdp"),
            Block(_re(r"annual\s+real\s+change"), "real_change"),
        ),
    ),
    Layout(
        "categories",
        _re(rf"distribution\s+of\s+{_DEF}\s+by\s+(?:main\s+)?category"),
        (
            Block(_re(r"equipment"), "equipment_share"),
            Block(_re(r"personnel"), "personnel_share"),
            Block(_re(r"infrastructure"), "infrastructure_share"),
            Block(_re(r"other"), "other_share"),
        ),
    ),
    Layout(
        "US dollars",
        _re(rf"{_DEF}\s*\(\s*(?:in\s+)?million\s+us\s+dollars"),
        (
            Block(_re(r"current\s+prices"), "usd_current_m"),
            Block(_re(r"constant|\d{4}\s+prices"), "usd_constant_m"),
        ),
    ),
    Layout(
        "equipment share",
        _re(r"(?:major\s+)?equipment\s+expenditures?\s+as\s+(?:a\s+)?(?:share|percentage)\s+of"),
        (Block(_re(r"equipment"), "equipment_share"),),
    ),
)
#: Tables a release holds that allied knows and does not read.
SKIPPED = _re(
    r"national\s+currency|real\s+gdp\s+and|gdp\s+per\s+capita|per\s+capita|military\s+personnel|"
    r"volume\s+ind|^\s*(?:contents|notes?|definitions?|cover)\s*$"
)
_TABLE_LABEL = _re(r"^\s*(?:table|graph|figure|chart)\s*\d+[a-z]?\s*[:.\-\u2013]?\s*")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*(e?)\s*(?:\(\w+\))?\s*$", re.IGNORECASE)
_MISSING = frozenset({"", "..", "...", "-", "\u2013", "n.a.", "na", "n/a", "x"})
_FOOTNOTE = re.compile(r"\s*(?:\(\s*\w{1,2}\s*\)|\*+|\d+\)|\[\d+\])\s*$")
_CUTOFF = _re(r"cut-?off\s+date[^.]*?\s(?:is|was)\s+(\d{1,2}\s+\w+\s+\d{4})")
_BASE = _re(r"(?:based\s+on\s+|constant\s+)?((?:19|20)\d\d)\s+prices")
_RELEASE_TITLE = _re(
    r"defen[cs]e\s+expenditures?\s+of\s+nato\s+countries\s*\(\s*\d{4}\s*[-\u2013]\s*\d{4}\s*\)"
)
#: Rows NATO prints for groups of Allies other than its total: read, not kept.
AGGREGATES = _re(
    r"^\s*(?:nato\s+)?europe(?:an\s+allies)?(?:\s+and\s+canada)?\s*$|^\s*nato\s+europe"
)
_TOTALS = _re(r"^\s*nato(?:\s+total)?\s*$|^\s*total\s+nato\s*$")
#: Bounds a figure of each measure must keep.
BOUNDS = {
    "pct_gdp": (0.0, 50.0),
    "real_change": (-100.0, 1000.0),
    "equipment_share": (0.0, 100.0),
    "personnel_share": (0.0, 100.0),
    "infrastructure_share": (0.0, 100.0),
    "other_share": (0.0, 100.0),
    "usd_constant_m": (0.0, 10_000_000.0),
    "usd_current_m": (0.0, 10_000_000.0),
}


@dataclass(frozen=True)
class Imported:
    """What a workbook holds: its release, every value, and the tables read and skipped."""

    release: Release
    values: tuple[SpendingValue, ...]
    tables: tuple[str, ...]
    skipped: tuple[str, ...]


@dataclass
class _Meta:
    cutoff: PartialDate | None = None
    base_year: int | None = None
    title: str = ""


def read_workbook(
    path: str | os.PathLike[str],
    registry: Registry,
    *,
    published: PartialDate,
    source: str,
    progress: Progress | None = None,
) -> Imported:
    """Read every table of a release's workbook; raise `WorkbookError` at the first problem.

    `published` is the release's date (its id is its month); `source` the id
    of the source it is read from (in `sources.csv`).
    """
    from allied.extras import require

    require("xlsx", by="allied spending import")
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = os.path.basename(os.fspath(path))
    if registry.get_source(source) is None:
        raise WorkbookError(f"unknown source {quoted(source)}: add it to sources.csv first")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        raise WorkbookError(f"{name}: not an Excel workbook ({error})") from None
    except Exception as error:  # zipfile.BadZipFile and friends: not a workbook either
        raise WorkbookError(f"{name}: not an Excel workbook ({type(error).__name__})") from None
    try:
        sheets = [
            (ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)])
            for ws in book.worksheets
        ]
    finally:
        book.close()
    release_id = f"{published.first:%Y-%m}"
    meta = _Meta()
    found: dict[tuple[str, int, str], tuple[SpendingValue, str]] = {}
    tables: list[str] = []
    skipped: list[str] = []
    reader = _Reader(name, registry, release_id, found, source)
    for done, (title, rows) in enumerate(sheets):
        _read_sheet(reader, title, rows, meta, tables, skipped)
        if progress is not None:
            progress(done + 1, len(sheets))
    if not any(measure == "pct_gdp" for _, _, measure in found):
        raise WorkbookError(f"{name}: no table of defence expenditure as a share of GDP")
    release = Release(
        release_id,
        published,
        meta.cutoff,
        meta.base_year,
        meta.title or f"Defence Expenditure of NATO Countries ({name})",
        (source,),
        "",
    )
    values = tuple(v for v, _ in found.values())
    return Imported(release, values, tuple(tables), tuple(skipped))


class _Reader:
    """Where values go, and how a country label becomes an Ally's code."""

    def __init__(
        self,
        book: str,
        registry: Registry,
        release: str,
        found: dict[tuple[str, int, str], tuple[SpendingValue, str]],
        source: str,
    ) -> None:
        self.book, self.registry, self.release, self.found = book, registry, release, found
        self.source = source
        self._codes: dict[str, str | None] = {}

    def fail(self, sheet: str, row: int, column: int, message: str) -> WorkbookError:
        return WorkbookError(f"{self.book}: sheet {sheet!r} cell {_cell(row, column)}: {message}")

    def ally(self, label: str) -> str | None:
        """The Ally a row label names, `NATO` for the total, `None` for another group."""
        if label not in self._codes:
            self._codes[label] = self._resolve(label)
        return self._codes[label]

    def _resolve(self, label: str) -> str | None:
        text = _FOOTNOTE.sub("", label).strip()
        if _TOTALS.match(text):
            return TOTAL
        if AGGREGATES.match(text):
            return None
        actor = self.registry.get_actor(text)
        if actor is None or actor.kind != "state":
            raise LookupError(text)
        return actor.code


def _read_sheet(
    reader: _Reader,
    sheet: str,
    rows: list[tuple[Any, ...]],
    meta: _Meta,
    tables: list[str],
    skipped: list[str],
) -> None:
    starts: list[tuple[int, int, Layout | None, str]] = []
    first_text: tuple[int, int, str] | None = None
    has_numbers = False
    for r, row in enumerate(rows):
        cells = [(c, v) for c, v in enumerate(row) if v is not None and str(v).strip()]
        if not cells:
            continue
        has_numbers = has_numbers or any(isinstance(v, int | float) for _, v in cells)
        texts = [(c, str(v)) for c, v in cells if isinstance(v, str)]
        for _, text in texts:
            _read_meta(text, meta)
        if len(texts) != len(cells) or len(cells) > 2:
            continue  # a title row holds a title (and at most a note), nothing else
        c, text = texts[0]
        if first_text is None:
            first_text = (r, c, text)
        layout = _layout(text)
        labelled = _TABLE_LABEL.match(text) is not None
        if layout is not None:
            starts.append((r, c, layout, text))
        elif SKIPPED.search(_TABLE_LABEL.sub("", text)) and (labelled or r == first_text[0]):
            starts.append((r, c, None, text))
        elif labelled:
            raise reader.fail(sheet, r, c, f"unknown table {quoted(text.strip())}")
    if not starts:
        if has_numbers:
            where = first_text or (0, 0, "")
            shown = f" (first text: {quoted(where[2].strip())})" if where[2] else ""
            raise reader.fail(sheet, where[0], where[1], f"no table title allied knows{shown}")
        return
    if has_numbers and first_text is not None and starts[0][0] > first_text[0] + 3:
        r, c, text = first_text
        raise reader.fail(sheet, r, c, f"unknown table {quoted(text.strip())}")
    bounds = [start[0] for start in starts[1:]] + [len(rows)]
    for (r, c, layout, text), end in zip(starts, bounds, strict=True):
        label = f"{sheet}!{_cell(r, c)}: {' '.join(text.split())}"
        if layout is None:
            skipped.append(label)
            continue
        _read_table(reader, sheet, rows, r, end, layout)
        tables.append(label)


def _layout(text: str) -> Layout | None:
    title = _TABLE_LABEL.sub("", " ".join(text.split()))
    if SKIPPED.search(title):
        return None
    for layout in LAYOUTS:
        if layout.title.search(title):
            return layout
    return None


def _read_meta(text: str, meta: _Meta) -> None:
    if meta.cutoff is None and (m := _CUTOFF.search(text)):
        try:
            day = _dt.datetime.strptime(m.group(1), "%d %B %Y").date()
        except ValueError:
            pass
        else:
            meta.cutoff = PartialDate.from_date(day)
    if meta.base_year is None and (m := _BASE.search(text)):
        meta.base_year = int(m.group(1))
    if not meta.title and (m := _RELEASE_TITLE.search(text)):
        meta.title = " ".join(m.group(0).split())


def _read_table(
    reader: _Reader, sheet: str, rows: list[tuple[Any, ...]], start: int, end: int, layout: Layout
) -> None:
    """Read one table's blocks: each starts at a header row of years."""
    heading: tuple[int, int, str] | None = None
    block: Block | None = None
    years: list[tuple[int, int, bool]] = []
    used: set[str] = set()
    for r in range(start + 1, end):
        row = rows[r]
        cells = [(c, v) for c, v in enumerate(row) if v is not None and str(v).strip()]
        if not cells:
            continue
        header = [(c, _year(v)) for c, v in cells]
        year_cells = [(c, y) for c, y in header if y is not None]
        if _is_header(year_cells, len(cells)):
            label_cells = [(c, str(v)) for c, v in cells if _year(v) is None]
            if label_cells and not _is_axis(label_cells[-1][1]):
                heading = (r, label_cells[-1][0], label_cells[-1][1])
            block = _block(reader, sheet, layout, heading, used)
            used.add(block.measure)
            years = [(c, y[0], y[1]) for c, y in year_cells]
            heading = None
            continue
        texts = [(c, str(v)) for c, v in cells if isinstance(v, str)]
        if block is None or not years:
            if texts:
                heading = (r, texts[0][0], texts[0][1])
            continue
        first_year = years[0][0]
        labels = [(c, str(v)) for c, v in cells if c < first_year and isinstance(v, str)]
        numbers = [(c, v) for c, v in cells if c >= first_year]
        if not labels:
            if numbers:
                raise reader.fail(sheet, r, first_year, "a row of figures with no country")
            continue
        if not numbers:
            heading = (r, labels[-1][0], labels[-1][1])  # the next block's heading
            block = None
            continue
        c, label = labels[-1]
        try:
            ally = reader.ally(label)
        except LookupError:
            raise reader.fail(sheet, r, c, f"unknown country {quoted(label.strip())}") from None
        if ally is None:
            continue
        for column, year, estimate in years:
            raw = row[column] if column < len(row) else None
            value, marked = _number(raw)
            if value is None:
                if marked:
                    raise reader.fail(sheet, r, column, f"not a number: {quoted(str(raw))}")
                continue
            low, high = BOUNDS[block.measure]
            if not low <= value <= high:
                raise reader.fail(
                    sheet, r, column, f"{block.measure} {value} is outside {low} to {high}"
                )
            _keep(reader, sheet, r, column, ally, year, block.measure, value, estimate or marked)


def _is_header(year_cells: list[tuple[int, tuple[int, bool]]], filled: int) -> bool:
    """Whether a row is a header of years: two or more, consecutive, and at most one label."""
    if len(year_cells) < 2 or filled - len(year_cells) > 1:
        return False
    years = [y for _, (y, _) in year_cells]
    return all(b == a + 1 for a, b in itertools.pairwise(years))


def _is_axis(text: str) -> bool:
    """Whether a header row's label only names the axes ("Country", "Year")."""
    return text.strip().casefold() in {"country", "countries", "ally", "allies", "year", "years"}


def _block(
    reader: _Reader,
    sheet: str,
    layout: Layout,
    heading: tuple[int, int, str] | None,
    used: set[str],
) -> Block:
    if heading is not None:
        r, c, text = heading
        for block in layout.blocks:
            if block.heading.search(text):
                return block
        if len(layout.blocks) > 1:
            raise reader.fail(
                sheet, r, c, f"unknown block {quoted(text.strip())} in a table of {layout.name}"
            )
    for block in layout.blocks:
        if block.measure not in used:
            return block
    return layout.blocks[0]


def _year(value: Any) -> tuple[int, bool] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1949 <= value <= 2100:
        return (value, False)
    if isinstance(value, str) and (m := _YEAR.match(value)):
        return (int(m.group(1)), bool(m.group(2)))
    return None


def _number(value: Any) -> tuple[float | None, bool]:
    """A cell's figure and whether it is marked `e`; `(None, True)` for text that is not one."""
    if isinstance(value, bool):
        return (None, True)
    if isinstance(value, int | float):
        return (float(value), False)
    text = str(value).strip() if value is not None else ""
    if text.casefold() in _MISSING:
        return (None, False)
    marked = text[-1:] in ("e", "E")
    digits = text[:-1].strip() if marked else text
    try:
        return (float(digits.replace(",", "")), marked)
    except ValueError:
        return (None, True)


def _keep(
    reader: _Reader,
    sheet: str,
    r: int,
    c: int,
    ally: str,
    year: int,
    measure: Measure,
    value: float,
    estimate: bool,
) -> None:
    key = (ally, year, measure)
    where = f"{sheet}!{_cell(r, c)}"
    kept = reader.found.get(key)
    if kept is not None:
        if abs(kept[0].value - value) > 1e-9:
            raise reader.fail(
                sheet,
                r,
                c,
                f"{measure} for {ally} in {year} is {value} here but {kept[0].value} at {kept[1]}",
            )
        return
    rounded = round(value, 6)
    value_read = SpendingValue(
        reader.release, ally, year, measure, rounded, estimate, (reader.source,)
    )
    reader.found[key] = (value_read, where)


def _cell(row: int, column: int) -> str:
    """A 0-based (row, column) as Excel names the cell (`B7`)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def import_workbook(
    path: str | os.PathLike[str],
    registry: Registry,
    *,
    data_dir: str | os.PathLike[str],
    published: PartialDate,
    source: str,
    progress: Progress | None = None,
) -> Imported:
    """Read a release's workbook and add it to the data files, or change nothing.

    Raises `DuplicateRelease` when a release of the same month or day is
    already recorded, `WorkbookError` for anything the workbook gets wrong.
    """
    from allied.dataset import write_facts
    from allied.integrity import find_breaches
    from allied.schema import BY_NAME

    imported = read_workbook(path, registry, published=published, source=source, progress=progress)
    data = registry.dataset
    new = imported.release
    for old in data.releases:
        if old.id == new.id or old.published == new.published:
            raise DuplicateRelease(
                f"release {old.id} (published {old.published}) is already recorded; nothing written"
            )
    dataset = dataclasses.replace(
        data,
        releases=(*data.releases, new),
        spending=(*data.spending, *imported.values),
    )
    for breach in find_breaches(dataset):
        raise WorkbookError(f"{breach.family.filename}: {breach.column}: {breach.message}")
    write_facts(data_dir, BY_NAME["spending"], list(dataset.spending))
    write_facts(data_dir, BY_NAME["releases"], list(dataset.releases))
    return imported
