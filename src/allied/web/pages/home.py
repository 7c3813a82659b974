"""`/`: the world map coloured by each state's tie to NATO, with a date slider."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from allied import operation_areas, relations
from allied.period import PartialDate, parse_date
from allied.records import as_record
from allied.registry import Registry
from allied.web import atlas
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()

#: `?layer=operations` opens the page with the operations layer shown.
LayerQuery = Annotated[
    Literal["operations"] | None,
    Query(description="`operations`: show where NATO-led operations ran on the date."),
]


@dataclass(frozen=True)
class Shape:
    """How one atlas shape is drawn on a date: its tie, status and tooltip."""

    relation: str
    status: str
    tip: str


@router.get("/")
async def home(
    request: Request, registry: RegistryDep, on: OnQuery = None, layer: LayerQuery = None
) -> Response:
    when = parse_date(on)
    found = relations.relations_on(registry, when)
    territories = relations.territory_ties(registry, when, found)
    legend = as_record(relations.categories(registry))
    counts = {entry["key"]: 0 for entry in legend}
    for relation in found:
        counts[relation.category] += 1
    suspended = sum(1 for r in found if r.status == "suspended")
    cited = sorted(
        {source for r in found for source in r.sources}
        | {source for t in territories for source in t.sources}
    )
    context = {
        "when": when,
        "today": PartialDate.today(),
        "first": relations.FIRST_DAY.isoformat(),
        "slider_max": (PartialDate.today().first - relations.FIRST_DAY).days,
        "slider_value": max(0, (when.first - relations.FIRST_DAY).days),
        "countries": atlas.countries(),
        "actor_codes": actor_codes(registry),
        "shapes": shapes(registry, found, territories),
        "undrawn": undrawn_states(registry),
        "sphere": atlas.sphere(),
        "width": atlas.WIDTH,
        "height": atlas.HEIGHT,
        "europe": atlas.EUROPE,
        "relations": found,
        "territories": territories,
        "labels": {entry["key"]: entry["label"] for entry in legend},
        "legend": legend,
        "counts": counts,
        "suspended": suspended,
        "framework_counts": relations.framework_counts(registry, when),
        "timeline": relations.timeline(registry),
        "sovereigns": {t.code: registry.name(t.sovereign) for t in registry.dataset.territories},
        "sources": [registry.source(s) for s in cited],
        "operations": registry.operations(when),
        "operation_areas": areas_of(registry),
        "layer": layer,
    }
    return page(request, "home.html", context, twin=with_query("/api/v1/relations", {"on": on}))


def shapes(
    registry: Registry,
    found: list[relations.Relation],
    territories: list[relations.TerritoryTie],
) -> dict[str, Shape]:
    """Each atlas id's tie on the date, with the tooltip the page shows before any script."""
    labels = {c.key: c.label for c in relations.categories(registry)}
    drawn: dict[str, Shape] = {}
    for r in found:
        if not r.iso_numeric:
            continue
        tip = f"{labels[r.category]} since {r.since}"
        if r.status == "suspended":
            tip += " (suspended)"
        drawn[r.iso_numeric] = Shape(r.category, r.status, tip)
    for t in territories:
        tip = f"{labels[t.category]}, with {registry.name(t.sovereign)}"
        if t.status == "suspended":
            tip += " (suspended)"
        drawn[t.iso_numeric] = Shape(t.category, t.status, tip)
    return drawn


@cache
def areas_of(registry: Registry) -> list[dict[str, object]]:
    """Every operation's span and the atlas shapes (by name) its area names, for the map's layer."""
    shapes = ((c.name, c.name, c.id) for c in atlas.countries())
    places = operation_areas.gazetteer(registry, shapes)
    return [as_record(area) for area in operation_areas.operation_areas(registry, places)]


def actor_codes(registry: Registry) -> dict[str, str]:
    """The actor each atlas id opens on a click: the state, or a territory's sovereign."""
    codes = {a.iso_numeric: a.code for a in registry.dataset.actors if a.iso_numeric}
    codes.update({t.iso_numeric: t.sovereign for t in registry.dataset.territories})
    return codes


def undrawn_states(registry: Registry) -> list[str]:
    """Names of states with a tie in the dataset but no shape in the world atlas."""
    shapes = {country.id for country in atlas.countries()}
    tied = {m.actor for m in registry.dataset.memberships}
    return sorted(
        registry.name(code)
        for code in tied
        if (actor := registry.actor_of(code)).kind == "state" and actor.iso_numeric not in shapes
    )
