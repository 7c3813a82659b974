"""Write an answer as a terminal table, JSON or CSV.

A command hands over the JSON document and the tables to show; this module
only formats. Each format imports what it needs when it is asked for (`json`,
`csv`, `rich`), so no answer pays for another's.

A terminal table never cuts a date, a code or a URL, whatever the width
(tests/test_terminal.py draws every command at 80 columns): free text wraps,
sources become numbered footnotes under the table, low-priority columns
(`_DROPPED_FIRST`) are left out and named in the caption, and a table that
still does not fit prints its rows as `field: value` lines. An empty table is
left out, unless it is the only one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from allied.frozen import frozen

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "csv")


@frozen
class Table:
    """Rows to show under a title, with the columns to show them in."""

    title: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]
    caption: str = ""
    #: Show each row as `field: value` lines rather than a table (for one record with URLs).
    fields: bool = False


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
        import json  # here, as `csv` and `rich` are: a table or a CSV does not need it

        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        write_csv(tables[0].columns, tables[0].rows, out)
    else:
        _draw(tables, out)


def write_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    """Write rows as CSV with a header; lists are joined with `|`, `None` is empty."""
    import csv  # here: a JSON or table answer does not need it

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

    console = Console(file=out, soft_wrap=False)
    shown = [table for table in tables if table.rows] or list(tables[:1])
    for table in shown:  # an empty table says so once, or is left out beside others
        if not table.rows:
            caption = f" ({table.caption})" if table.caption else ""
            console.print(f"{table.title}: none{caption}", markup=False, highlight=False)
        elif table.fields:
            rows = [{c: _shown(c, row.get(c), None) for c in table.columns} for row in table.rows]
            _draw_fields(console, table.title, table.columns, rows)
        else:
            _draw_table(console, table)


def _draw_table(console: Console, table: Table) -> None:
    """One table that fits the terminal, never cutting a date, a code or a URL.

    Sources become numbered footnotes; when the table is still too wide, the
    low-priority columns are left out (the caption names them) and, failing
    that, each row is printed as a block of `field: value` lines.
    """
    from rich.table import Table as RichTable
    from rich.text import Text

    notes: dict[str, int] = {}
    rows = [{c: _shown(c, row.get(c), notes) for c in table.columns} for row in table.rows]
    columns = list(table.columns)
    dropped: list[str] = []
    while _needed(columns, rows) > console.width:
        victim = next((c for c in _DROPPED_FIRST if c in columns and len(columns) > 2), None)
        if victim is None:
            _draw_fields(console, table.title, columns, rows, caption=table.caption)
            _draw_notes(console, notes, columns)
            return
        columns.remove(victim)
        dropped.append(victim)
    caption = table.caption
    if dropped:
        left_out = ", ".join(name.replace("_", " ") for name in dropped)
        caption = "; ".join(
            filter(None, (caption, f"not shown here: {left_out} (see --format csv)"))
        )
    rich_table = RichTable(title=table.title, caption=caption or None, title_justify="left",
                           caption_justify="left", show_edge=False)  # fmt: skip
    for column in columns:
        wraps = column in _WRAPPING
        rich_table.add_column(
            column.replace("_", " "),
            overflow="fold",
            no_wrap=not wraps,
            ratio=1 if wraps else None,
            min_width=_least(column, rows),
        )
    for row in rows:
        rich_table.add_row(*(Text(row[column]) for column in columns))
    console.print(rich_table)
    _draw_notes(console, notes, columns)


def _draw_fields(
    console: Console,
    title: str,
    columns: Sequence[str],
    rows: Sequence[dict[str, str]],
    *,
    caption: str = "",
) -> None:
    """Rows as blocks of `field: value` lines; a long value runs on, whole (a URL stays one)."""
    from rich.text import Text

    console.print(Text(title, style="italic"))
    label = max(len(column) for column in columns) + 2
    for number, row in enumerate(rows):
        if number:
            console.print()
        for column in columns:
            name = column.replace("_", " ") + ":"
            console.print(Text(f"{name:<{label}}{row[column]}"), soft_wrap=True)
    if caption:
        console.print(Text(caption, style="dim"))


def _draw_notes(console: Console, notes: dict[str, int], columns: Sequence[str]) -> None:
    from rich.text import Text

    if notes and "sources" in columns:
        for source_id, number in notes.items():
            console.print(Text(f"[{number}] {source_id}"), soft_wrap=True)


def _needed(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> int:
    """The width a table needs: each column at its least width, plus rules and padding."""
    return sum(_least(column, rows) for column in columns) + 3 * len(columns) - 1


def _least(column: str, rows: Sequence[dict[str, str]]) -> int:
    """A column's least width: the whole of its longest value, or a few words of free text."""
    from rich.cells import cell_len

    header = max(cell_len(word) for word in column.split("_"))
    longest = max((cell_len(row[column]) for row in rows), default=0)
    if column in _WRAPPING:
        return max(header, min(longest, _WRAP_WIDTH))
    return max(header, longest)


#: Columns of free text that may wrap; every other column (codes, dates, URLs) stays whole.
_WRAPPING = frozenset(
    {
        "name",
        "framework_name",
        "title",
        "note",
        "reason",
        "task",
        "text",
        "explanation",
        "value",
        "place",
        "publisher",
        "excerpt",
    }
)
#: The least width of a column of free text.
_WRAP_WIDTH = 14
#: The columns left out, in this order, when a table is too wide for the terminal.
_DROPPED_FIRST = (
    "note",
    "explanation",
    "place",
    "publisher",
    "frameworks",
    "actors",
    "sources",
    "end_reason",
    "start_precision",
    "end_precision",
    "uncertain",
    "before",
    "kind",
    "name",
    "framework_name",
)


def _shown(column: str, value: Any, notes: dict[str, int] | None) -> str:
    """A cell's text; with `notes`, a list of sources becomes footnote numbers, `[1][2]`."""
    if isinstance(value, bool):
        return "yes" if value else ""
    if column == "sources" and notes is not None and isinstance(value, list | tuple):
        return "".join(f"[{notes.setdefault(str(item), len(notes) + 1)}]" for item in value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)
