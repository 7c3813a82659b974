"""Workbooks in the shapes of NATO's releases, built with openpyxl for the importer's tests.

The shapes follow what the releases are known to hold — tables titled as NATO
titles them, years across with `e` on estimated years, Allies down by name,
`..` where there is no figure — laid out four ways: one table per sheet with
the country in column B and years as text (2019), titles in A2 and years as
numbers (2023), every
table stacked on one sheet (2025), and the 2026 "core" titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: measure -> {ally name -> {year -> value}}; a value `None` is printed `..`.
Figures = dict[str, dict[str, dict[int, float | None]]]

SHARE = "Defence expenditure as a share of GDP and annual real change"
CATEGORIES = "Distribution of defence expenditure by main category"
DOLLARS = "Defence expenditure (million US dollars)"
CURRENCY = "Defence expenditure (million national currency)"
PERSONNEL = "Military personnel (thousands)"
BLOCKS = {
    "pct_gdp": "Share of real GDP (%)",
    "real_change": "Annual real change (%)",
    "equipment_share": "Equipment expenditure (%)",
    "personnel_share": "Personnel expenditure (%)",
    "infrastructure_share": "Infrastructure expenditure (%)",
    "other_share": "Other expenditure (%)",
    "usd_current_m": "Current prices and exchange rates",
    "usd_constant_m": "Constant 2021 prices and exchange rates",
}
TABLES = {
    SHARE: ("pct_gdp", "real_change"),
    CATEGORIES: ("equipment_share", "personnel_share", "infrastructure_share", "other_share"),
    DOLLARS: ("usd_current_m", "usd_constant_m"),
}


def figures(allies: Sequence[str], years: Sequence[int], measures: Sequence[str]) -> Figures:
    """Plausible, distinct figures for every (measure, ally, year)."""
    found: Figures = {}
    for m_index, measure in enumerate(measures):
        found[measure] = {}
        for a_index, ally in enumerate(allies):
            base = {"usd_current_m": 1000.0, "usd_constant_m": 900.0}.get(measure, 1.0)
            found[measure][ally] = {
                year: round(base + a_index * 0.37 + (year - years[0]) * 0.05 + m_index * 0.011, 4)
                for year in years
            }
    return found


def _year_label(year: int, estimated: set[int], as_text: bool) -> Any:
    if year in estimated:
        return f"{year}e"
    return str(year) if as_text else year


def _table_rows(
    key: str,
    title: str,
    data: Figures,
    years: Sequence[int],
    estimated: set[int],
    *,
    col: int,
    years_as_text: bool,
    axis: bool,
) -> list[list[Any]]:
    """The rows of one table: its title, then each block's heading, header of years, rows."""
    pad = [None] * col
    rows: list[list[Any]] = [[*pad, title], [*pad, "(based on 2021 prices and exchange rates)"]]
    for measure in TABLES[key]:
        if measure not in data:
            continue
        rows.append([])
        rows.append([*pad, BLOCKS[measure]])
        header = [_year_label(y, estimated, years_as_text) for y in years]
        rows.append([*pad, "Country" if axis else None, *header])
        for ally, values in data[measure].items():
            cells = [".." if values.get(y) is None else values[y] for y in years]
            rows.append([*pad, ally, *cells])
        rows.append([*pad, "NATO Europe and Canada", *[1.5] * len(years)])
    return rows


def _skipped_rows(title: str, col: int) -> list[list[Any]]:
    pad = [None] * col
    return [[*pad, title], [], [*pad, "Country", 2020, 2021], [*pad, "Albania", 12345, 13456]]


def build(
    path: Path,
    shape: str,
    data: Figures,
    years: Sequence[int],
    *,
    estimated: Sequence[int] = (),
    cover: bool = True,
) -> Path:
    """Write a workbook of `shape` (`2019`, `2023`, `2025`, `2026-core`) holding `data`."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    marked = set(estimated)
    if cover:
        sheet = book.create_sheet("Notes")
        sheet["A1"] = "Defence Expenditure of NATO Countries (2014-2025)"
        sheet["A3"] = "The cut-off date for information used in this report was 3 June 2025."
    titles = [CURRENCY, DOLLARS, SHARE, CATEGORIES, PERSONNEL]
    if shape == "2026-core":
        titles = [
            t.replace("Defence expenditure", "Core defence expenditure").replace(
                "of defence expenditure", "of core defence expenditure"
            )
            for t in titles
        ]
    if shape == "2025":
        sheet = book.create_sheet("Tables")
        for number, title in enumerate(titles, start=1):
            key = _canonical(title)
            rows = (
                _table_rows(
                    key,
                    f"Table {number}: {title}",
                    data,
                    years,
                    marked,
                    col=0,
                    years_as_text=False,
                    axis=True,
                )
                if key in TABLES
                else _skipped_rows(f"Table {number}: {title}", 0)
            )
            for row in [*rows, [], []]:
                sheet.append(row)
        book.save(path)
        return path
    for number, title in enumerate(titles, start=1):
        key = _canonical(title)
        sheet = book.create_sheet(f"Table {number}" if shape == "2019" else f"TAB{number}")
        col = 1 if shape == "2019" else 0
        label = f"Table {number} : {title}" if shape == "2019" else title
        if key in TABLES:
            rows = _table_rows(
                key,
                label,
                data,
                years,
                marked,
                col=col,
                years_as_text=shape == "2019",
                axis=shape != "2019",
            )
        else:
            rows = _skipped_rows(label, col)
        if shape in ("2023", "2026-core"):
            sheet.append([])
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _canonical(title: str) -> str:
    return title.replace("Core defence expenditure", "Defence expenditure").replace(
        "of core defence expenditure", "of defence expenditure"
    )
