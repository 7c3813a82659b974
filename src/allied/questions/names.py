"""`search`: actors and frameworks by any name they ever had."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from allied import search as _search
from allied.answer import Listing
from allied.registry import Registry


@dataclass(frozen=True)
class SearchResults(Listing):
    """Actors and frameworks found by one of their names, exact matches first."""

    items: tuple[_search.Hit, ...]
    query: str = ""

    COLUMNS: ClassVar = ("kind", "id", "name", "matched", "exact", "close")


def search(registry: Registry, text: str, *, limit: int = 50) -> SearchResults:
    """Actors and frameworks one of whose names contains `text` (at most `limit`)."""
    return SearchResults.of(_search.search(registry, text, limit=limit), query=text)
