"""Import a catalogue of activities from CSV: every row checked first, then all or nothing.

The file has a header naming at least `title, area, kind, host, place, start,
end, capacity, language` (and optionally `open_to`, default `partners`, and
`state`: `proposed`, the default, `approved` or `open`). Every row is
validated before anything is written; if any row is bad, `CatalogueRejected`
lists every bad row with its line number and nothing is written. Otherwise the
rows go in, with one audit entry each, in one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from allied.cooperation import audit
from allied.cooperation.activities import ACTIVITIES, validate_fields
from allied.cooperation.areas import ensure_areas
from allied.cooperation.context import Context
from allied.cooperation.errors import Forbidden, InvalidInput
from allied.cooperation.principal import Principal
from allied.cooperation.transactions import writing

REQUIRED = ("title", "area", "kind", "host", "place", "start", "end", "capacity", "language")
IMPORT_STATES = ("proposed", "approved", "open")


class CatalogueRejected(InvalidInput):
    """At least one row is bad: `problems` lists every one as `line N: message`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} bad row(s), nothing imported; first: {problems[0]}")


@dataclass(frozen=True)
class ImportReport:
    """How many activities an import created, and their ids."""

    created: int
    first_id: int | None
    last_id: int | None


def read_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a catalogue CSV with their line numbers (the header is line 1)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueRejected([f"line 1: the header lacks {', '.join(missing)}"])
    return [(reader.line_num, row) for row in reader]


def validate_rows(
    context: Context,
    rows: list[tuple[int, dict[str, str]]],
    progress: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """Every row checked; the typed values, or `CatalogueRejected` naming every bad line."""
    problems: list[str] = []
    values: list[dict[str, Any]] = []
    for line, row in rows:
        try:
            if None in row:
                raise InvalidInput("more cells than the header has columns")
            checked = validate_fields(context, row)
            state = (row.get("state") or "proposed").strip()
            if state not in IMPORT_STATES:
                raise InvalidInput(f"state must be one of {', '.join(IMPORT_STATES)}")
            values.append(checked | {"state": state, "synthetic": False, "version": 1})
        except InvalidInput as error:
            problems.append(f"line {line}: {error}")
        if progress:
            progress(1)
    if not rows:
        problems.append("line 2: the file has no rows")
    if problems:
        raise CatalogueRejected(problems)
    return values


def import_catalogue(
    context: Context,
    principal: Principal,
    text: str,
    *,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate every row of `text`, then insert them all in one transaction (staff only)."""
    if not principal.is_staff:
        raise Forbidden("staff import catalogues")
    values = validate_rows(context, read_rows(text), progress)
    ids: list[int] = []
    with writing(context.engine) as connection:
        ensure_areas(connection)
        for row in values:
            ident = connection.execute(
                sa.insert(ACTIVITIES).values(row).returning(ACTIVITIES.c.id)
            ).scalar_one()
            ids.append(ident)
            audit.record(connection, principal, "import", "activity", ident, after=row)
    return ImportReport(len(ids), ids[0] if ids else None, ids[-1] if ids else None)
