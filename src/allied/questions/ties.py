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
    """Each actor's closest tie to NATO on a date, and the legend's categories."""

    on: PartialDate
    categories: tuple[_relations.Category, ...]
    relations: tuple[_relations.Relation, ...]

    COLUMNS: ClassVar = ("actor", "name", "iso_numeric", "category", "uncertain", "sources")
    ROWS: ClassVar = "relations"


def relations(registry: Registry, *, on: DateLike = None) -> Relations:
    """The home map's data on a date."""
    when = parse_date(on)
    return Relations(
        when,
        tuple(_relations.categories(registry)),
        tuple(_relations.relations_on(registry, when)),
    )
