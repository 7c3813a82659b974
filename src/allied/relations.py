"""Each state's closest relationship to NATO on a date, for the map.

A state can be in several frameworks at once (an Ally is also in the EAPC);
the map shows the closest tie, in the order of `CATEGORIES`. The timeline
lists only the days something changes, so the page can redraw any date
without asking the server again.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from allied.errors import OutsideLifetime
from allied.model import FULL_ROLES
from allied.period import PartialDate
from allied.registry import Registry

#: The map's categories, closest tie first: (key, label, framework, roles).
CATEGORIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("ally", "Ally", "nato", ("member",)),
    ("invitee", "Invited to join", "nato", ("invitee",)),
    ("map", "Membership Action Plan", "map", FULL_ROLES),
    ("aspirant", "Aspirant", "nato", ("aspirant",)),
    ("pfp", "Partnership for Peace", "pfp", FULL_ROLES),
    ("md", "Mediterranean Dialogue", "md", FULL_ROLES),
    ("ici", "Istanbul Cooperation Initiative", "ici", FULL_ROLES),
    ("pag", "Partner across the globe", "pag", FULL_ROLES),
    ("eapc", "Euro-Atlantic Partnership Council", "eapc", FULL_ROLES),
    ("nacc", "North Atlantic Cooperation Council", "nacc", FULL_ROLES),
)
FIRST_DAY = _dt.date(1949, 4, 4)


@dataclass(frozen=True)
class Relation:
    """One actor's closest tie to NATO on a date."""

    actor: str
    name: str
    iso_numeric: str
    category: str
    uncertain: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Category:
    """One entry of the map's legend: a tie to NATO and the framework it stands for."""

    key: str
    label: str
    framework: str
    framework_name: str


def categories(registry: Registry) -> list[Category]:
    """The categories whose framework the dataset knows, for the legend."""
    held = {(m.framework, m.role) for m in registry.dataset.memberships}
    return [
        Category(key, label, slug, registry.framework(slug).name)
        for key, label, slug, roles in CATEGORIES
        if any((slug, role) in held for role in roles)
    ]


def relations_on(registry: Registry, when: PartialDate) -> list[Relation]:
    """Every actor's closest tie on a date, by actor code."""
    found: dict[str, Relation] = {}
    for entry in categories(registry):
        slug = entry.framework
        roles = next(r for key, _, _, r in CATEGORIES if key == entry.key)
        try:
            standings = registry.members(slug, on=when, roles=roles)
        except OutsideLifetime:  # not founded yet on that date
            continue
        for standing in standings:
            code = standing.membership.actor
            if code in found:
                continue
            actor = registry.actor_of(code)
            found[code] = Relation(
                actor=code,
                name=standing.name,
                iso_numeric=actor.iso_numeric,
                category=entry.key,
                uncertain=standing.uncertain,
                sources=standing.sources,
            )
    return sorted(found.values(), key=lambda r: r.actor)


def timeline(registry: Registry) -> dict[str, Any]:
    """The map through time: each change day with the ties set and dropped that day."""
    return _timeline(registry)


@cache
def _timeline(registry: Registry) -> dict[str, Any]:
    days: set[_dt.date] = {FIRST_DAY}
    for entry in categories(registry):
        for change in registry.history(entry.framework):
            days.update((change.date.first, change.date.last + _dt.timedelta(days=1)))
    steps: list[dict[str, Any]] = []
    state: dict[str, str] = {}
    for day in sorted(d for d in days if d >= FIRST_DAY):
        now = {
            r.iso_numeric: r.category
            for r in relations_on(registry, PartialDate.from_date(day))
            if r.iso_numeric
        }
        added = {key: value for key, value in now.items() if state.get(key) != value}
        dropped = sorted(state.keys() - now.keys())
        if added or dropped:
            steps.append({"date": day.isoformat(), "set": added, "unset": dropped})
        state = now
    counts = {
        entry.framework: [
            {"date": day.isoformat(), "count": count}
            for day, count in registry.counts_over_time(entry.framework)
        ]
        for entry in categories(registry)
    }
    return {"first": FIRST_DAY.isoformat(), "steps": steps, "counts": counts}
