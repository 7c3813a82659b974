"""Write an answer as a terminal table, JSON or CSV.

A command hands over the JSON document and the tables to show; this module
only formats. `rich` is imported only when a table is drawn, so JSON and CSV
output stay fast.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class Table:
    """Rows to show under a title, with the columns to show them in."""

    title: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]
    caption: str = ""


def default_format(stream: IO[str] | None = None) -> str:
    """`table` on a terminal, `json` when piped."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "json"


def emit(
    fmt: str, document: Any, tables: Sequence[Table], *, stream: IO[str] | None = None
) -> None:
    """Write `document` as JSON, the first table as CSV, or every table for a terminal."""
    out = stream or sys.stdout
    if fmt == "json":
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        write_csv(tables[0].columns, tables[0].rows, out)
    else:
        _draw(tables, out)


def write_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    """Write rows as CSV with a header; lists are joined with `|`, `None` is empty."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "|".join(str(item) for item in value)
    return str(value)


def _draw(tables: Sequence[Table], out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, soft_wrap=False)
    for table in tables:
        rich_table = RichTable(
            title=table.title, caption=table.caption or None, title_justify="left"
        )
        for column in table.columns:
            wraps = column in _WRAPPING
            rich_table.add_column(
                column.replace("_", " "),
                overflow="fold",
                no_wrap=not wraps,
                ratio=1 if wraps else None,
            )
        for row in table.rows:
            rich_table.add_row(*(_shown(column, row.get(column)) for column in table.columns))
        console.print(rich_table)


#: Columns of free text that may wrap; every other column (codes, dates) stays on one line.
_WRAPPING = frozenset(
    {
        "name",
        "framework_name",
        "title",
        "sources",
        "note",
        "reason",
        "task",
        "text",
        "explanation",
        "value",
        "place",
        "publisher",
    }
)


def _shown(column: str, value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else ""
    if column == "sources" and isinstance(value, list | tuple) and len(value) > 1:
        # A terminal row stays readable with the first source; JSON and CSV list them all.
        return f"{value[0]} (+{len(value) - 1})"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)
