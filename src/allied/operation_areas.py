"""Where NATO-led operations ran: the places each operation's area names, for a map.

An operation's `area` is the text its sources give ("Airspace of Estonia, Latvia
and Lithuania", "Gulf of Aden, Horn of Africa and Indian Ocean"). A map needs
shapes, so the places are read from that text against a gazetteer — each place
with the names it goes by — and nothing is stored twice. Names are read as
written (case matters: "US" is a name, "us" is not). A name read as "off
Montenegro" or "off the coast of Somalia" is water, not the state, and "for
Ukraine" names whom it serves, not where it runs; an area at sea names no place
and is listed beside the map instead.

>>> places_named("Darfur (Sudan), Somalia", {"sd": ("Sudan",), "ss": ("South Sudan",),
...                                           "so": ("Somalia",)})
('sd', 'so')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from allied.registry import Registry

#: Words before a name that put the operation beside the place, not in it.
_BESIDE = re.compile(r"\b(?:off(?: the coast of)?|for)\s+$")


@dataclass(frozen=True)
class OperationArea:
    """One operation's span and the places its area names.

    The span is given as the earliest and latest day each end can stand for, so a
    map can tell "surely running" from "may have been running" as `Period.holds_on` does.
    """

    slug: str
    name: str
    kind: str
    area: str
    start_first: str
    start_last: str
    end_first: str | None
    end_last: str | None
    places: tuple[str, ...]


def places_named(text: str, gazetteer: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    """The gazetteer keys whose names occur in `text` as whole words, in key order.

    Longer names are read first, so "South Sudan" is not also read as "Sudan".
    """
    names = sorted(
        ((name, key) for key, names in gazetteer.items() for name in names if name),
        key=lambda pair: -len(pair[0]),
    )
    rest = text
    found: set[str] = set()
    for name, key in names:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        for match in list(pattern.finditer(rest)):
            if not _BESIDE.search(rest[: match.start()]):
                found.add(key)
        rest = pattern.sub(lambda m: " " * len(m.group(0)), rest)
    return tuple(sorted(found))


def gazetteer(
    registry: Registry, shapes: Iterable[tuple[str, str, str]]
) -> dict[str, tuple[str, ...]]:
    """Each map shape's key with the names to look for: its own and its state's in the registry.

    `shapes` are `(key, label, iso_numeric)`; a shape whose ISO number belongs to an
    actor also answers to every name the registry keeps for it ("Türkiye", "Turkey").
    """
    by_number = {a.iso_numeric: a.code for a in registry.dataset.actors if a.iso_numeric}
    names_of: dict[str, set[str]] = {}
    for name in registry.dataset.names:
        names_of.setdefault(name.actor, set()).add(name.name)
    found: dict[str, tuple[str, ...]] = {}
    for key, label, number in shapes:
        names = {label} | names_of.get(by_number.get(number, ""), set())
        found[key] = tuple(sorted(names))
    return found


def operation_areas(registry: Registry, places: Mapping[str, Iterable[str]]) -> list[OperationArea]:
    """Every operation by start date, with its span and the places its area names."""
    found = []
    for op in registry.operations(every=True):
        end = op.period.end
        found.append(
            OperationArea(
                slug=op.slug,
                name=op.name,
                kind=op.kind,
                area=op.area,
                start_first=op.period.start.first.isoformat(),
                start_last=op.period.start.last.isoformat(),
                end_first=end.first.isoformat() if end else None,
                end_last=end.last.isoformat() if end else None,
                places=places_named(op.area, places),
            )
        )
    return found
