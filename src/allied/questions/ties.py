"""`relations`: every state's closest tie to NATO on a date (the home map's data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from allied import relations as _relations
from allied.answer import Answer
from allied.period import PartialDate, parse_date
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class Relations(Answer):
    """Each actor's closest tie to NATO on a date, its status and since when, and the legend.

    `territories` lists the dependent territories the map draws with their
    sovereign's tie (Greenland with Denmark), from `territories.csv`.
    """

    on: PartialDate
    categories: tuple[_relations.Category, ...]
    relations: tuple[_relations.Relation, ...]
    territories: tuple[_relations.TerritoryTie, ...]

    COLUMNS: ClassVar = (
        "actor",
        "name",
        "iso_numeric",
        "category",
        "status",
        "since",
        "uncertain",
        "sources",
    )
    ROWS: ClassVar = "relations"


def relations(registry: Registry, *, on: DateLike = None) -> Relations:
    """The home map's data on a date."""
    when = parse_date(on)
    found = _relations.relations_on(registry, when)
    return Relations(
        when,
        tuple(_relations.categories(registry)),
        tuple(found),
        tuple(_relations.territory_ties(registry, when, found)),
    )
