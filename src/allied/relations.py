"""Each state's closest relationship to NATO on a date, for the map.

A state can be in several frameworks at once (an Ally is also in the EAPC);
the map shows the closest tie, in the order of `CATEGORIES`, with its status
(`suspended` for Russia's Partnership for Peace since April 2014) and the day
it began. A dependent territory the atlas draws apart (Greenland) takes its
sovereign's tie, from `territories.csv`. The timeline lists only the days
something changes, so the page can redraw any date without asking the server.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from allied.errors import OutsideLifetime
from allied.model import FULL_ROLES
from allied.period import Certainty, PartialDate
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
    status: str
    since: PartialDate
    uncertain: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TerritoryTie:
    """A dependent territory drawn with its sovereign's tie on a date."""

    territory: str
    name: str
    iso_numeric: str
    sovereign: str
    category: str
    status: str
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
                status=standing.status,
                since=standing.membership.period.start,
                uncertain=standing.uncertain,
                sources=standing.sources,
            )
    return sorted(found.values(), key=lambda r: r.actor)


def territory_ties(
    registry: Registry, when: PartialDate, found: list[Relation]
) -> list[TerritoryTie]:
    """The territories under a sovereign on `when` whose sovereign has a tie then."""
    by_actor = {r.actor: r for r in found}
    ties = []
    for territory in registry.dataset.territories:
        tie = by_actor.get(territory.sovereign)
        if tie is None or territory.period.holds_on(when) is Certainty.NO:
            continue
        ties.append(
            TerritoryTie(
                territory=territory.code,
                name=territory.name,
                iso_numeric=territory.iso_numeric,
                sovereign=territory.sovereign,
                category=tie.category,
                status=tie.status,
                sources=territory.sources,
            )
        )
    return ties


def shade(relation: Relation | TerritoryTie) -> str:
    """How the map draws a tie: its category, `/suspended` when suspended."""
    return relation.category + ("/suspended" if relation.status == "suspended" else "")


def framework_counts(registry: Registry, when: PartialDate) -> dict[str, int]:
    """Each legend framework's member count on `when` (its full roles), as the API counts."""
    counts = {}
    for slug, series in _timeline(registry)["counts"].items():
        day = when.first.isoformat()
        counts[slug] = next((e["count"] for e in reversed(series) if e["date"] <= day), 0)
    return counts


def timeline(registry: Registry) -> dict[str, Any]:
    """The map through time: each change day with the ties set and dropped that day."""
    return _timeline(registry)


@cache
def _timeline(registry: Registry) -> dict[str, Any]:
    days: set[_dt.date] = {FIRST_DAY}
    for entry in categories(registry):
        for change in registry.history(entry.framework):
            days.update((change.date.first, change.date.last + _dt.timedelta(days=1)))
    for territory in registry.dataset.territories:
        days.add(territory.period.start.first)
        if territory.period.end is not None:
            days.add(territory.period.end.first)
    steps: list[dict[str, Any]] = []
    state: dict[str, str] = {}
    for day in sorted(d for d in days if d >= FIRST_DAY):
        when = PartialDate.from_date(day)
        found = relations_on(registry, when)
        now = {r.iso_numeric: f"{shade(r)} {r.since}" for r in found if r.iso_numeric}
        for tie in territory_ties(registry, when, found):
            now[tie.iso_numeric] = f"{shade(tie)} @{tie.sovereign}"
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
