"""The cooperation areas: a short sourced list, each citing the registry source naming it.

The French seed (`seed-fr-2013`) names the fields practical cooperation
"focuses essentially on": defence sector reform, defence policy and planning,
the training and education of the armed forces, crisis management, civil
emergency planning, and interoperability; the Belgian seed (`seed-be-2021`)
adds Defence and Related Security Capacity Building. NATO's own Partnership
Cooperation Menu has more than 30 areas; only the ones a source in the registry
names are listed here.

>>> [area.slug for area in areas()][:2]
['capacity-building', 'civil-emergency-planning']
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from allied.store.coop_tables import CoopAreaRow, table_of


@dataclass(frozen=True, slots=True)
class Area:
    """A cooperation area and the id of the source (in `sources.csv`) that names it."""

    slug: str
    name: str
    source: str


@cache
def areas() -> tuple[Area, ...]:
    """Every area, by slug, from the packaged `areas.csv`."""
    text = files("allied.cooperation").joinpath("areas.csv").read_text("utf-8")
    return tuple(Area(**row) for row in csv.DictReader(io.StringIO(text)))


def ensure_areas(connection: Connection) -> int:
    """Insert the areas the database lacks (run with every demo and import); return how many."""
    table = table_of(CoopAreaRow)
    present = set(connection.execute(sa.select(table.c.slug)).scalars())
    missing = [vars_of(area) for area in areas() if area.slug not in present]
    if missing:
        connection.execute(sa.insert(table), missing)
    return len(missing)


def vars_of(area: Area) -> dict[str, str]:
    """An area as a table row."""
    return {"slug": area.slug, "name": area.name, "source": area.source}
