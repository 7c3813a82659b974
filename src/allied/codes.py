"""Cross-walk codes: the ISO, Wikidata and Correlates of War codes of an actor in a year.

ISO 3166-1 and Wikidata codes do not change with time in the registry; COW
codes do (`allied.model.CowCode`): Germany is 260 until 1989 and 255 from 1990.
A year's COW code is the code of the last span of the state in COW's state
system that overlaps the year, so 1990 is 255, as COW's own state-year data
codes it; a year the state spent wholly outside the system has none.

>>> import allied
>>> codes = crosswalk(allied.load())
>>> codes.cow("DEU", 1989), codes.cow("DEU", 1990), codes.cow("DEU", 1950)
(260, 255, None)
>>> codes.of("DEU", 1989)["iso_numeric"]
'276'
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from typing import Any

from allied.model import CowCode
from allied.period import PartialDate
from allied.registry import Registry

#: The cross-walk columns every export and panel carries, in order.
CODE_COLUMNS = ("cow", "iso2", "iso_numeric", "wikidata")

_CROSSWALKS: weakref.WeakKeyDictionary[Registry, Crosswalk] = weakref.WeakKeyDictionary()


class Crosswalk:
    """An actor's codes in a given year, from the actors and `cow_codes` families."""

    def __init__(self, registry: Registry) -> None:
        self._actors = {actor.code: actor for actor in registry.dataset.actors}
        spans: dict[str, list[CowCode]] = defaultdict(list)
        for span in registry.dataset.cow_codes:
            spans[span.actor].append(span)
        self._spans = {
            actor: sorted(found, key=lambda s: s.period.start.sort_key)
            for actor, found in spans.items()
        }

    def cow(self, actor: str, year: int) -> int | None:
        """The COW code of `actor` in `year`: its last span overlapping the year, else `None`.

        An actor without dated spans keeps the single code of `actors.csv`.
        """
        spans = self._spans.get(actor)
        if spans is None:
            known = self._actors.get(actor)
            return known.cow if known is not None else None
        whole = PartialDate(year)
        found = None
        for span in spans:
            end = span.period.end
            if span.period.start.first <= whole.last and (end is None or end.first > whole.first):
                found = span.cow
        return found

    def of(self, actor: str, year: int | None = None) -> dict[str, Any]:
        """The cross-walk columns of `actor`: COW as in `year` (today's code when `None`)."""
        known = self._actors.get(actor)
        if known is None:
            return dict.fromkeys(CODE_COLUMNS)
        when = year if year is not None else PartialDate.today().year
        return {
            "cow": self.cow(actor, when),
            "iso2": known.iso2 or None,
            "iso_numeric": known.iso_numeric or None,
            "wikidata": known.wikidata or None,
        }


def crosswalk(registry: Registry) -> Crosswalk:
    """The registry's cross-walk, built once per registry."""
    found = _CROSSWALKS.get(registry)
    if found is None:
        found = _CROSSWALKS[registry] = Crosswalk(registry)
    return found
