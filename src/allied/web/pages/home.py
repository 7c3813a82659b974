"""`/`: the world map coloured by each state's tie to NATO, with a date slider."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import relations
from allied.period import PartialDate, parse_date
from allied.records import as_record
from allied.registry import Registry
from allied.web import atlas
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/")
async def home(request: Request, registry: RegistryDep, on: OnQuery = None) -> Response:
    when = parse_date(on)
    found = relations.relations_on(registry, when)
    by_numeric = {r.iso_numeric: r for r in found if r.iso_numeric}
    legend = as_record(relations.categories(registry))
    counts = {entry["key"]: 0 for entry in legend}
    for relation in found:
        counts[relation.category] += 1
    cited = sorted({source for r in found for source in r.sources})
    context = {
        "when": when,
        "today": PartialDate.today(),
        "first": relations.FIRST_DAY.isoformat(),
        "slider_max": (PartialDate.today().first - relations.FIRST_DAY).days,
        "slider_value": max(0, (when.first - relations.FIRST_DAY).days),
        "actor_codes": {a.iso_numeric: a.code for a in registry.dataset.actors if a.iso_numeric},
        "countries": atlas.countries(),
        "undrawn": undrawn_states(registry),
        "sphere": atlas.sphere(),
        "width": atlas.WIDTH,
        "height": atlas.HEIGHT,
        "by_numeric": by_numeric,
        "relations": found,
        "legend": legend,
        "counts": counts,
        "timeline": relations.timeline(registry),
        "sources": [registry.source(s) for s in cited],
    }
    return page(request, "home.html", context, twin=with_query("/api/v1/relations", {"on": on}))


def undrawn_states(registry: Registry) -> list[str]:
    """Names of states with a tie in the dataset but no shape in the world atlas."""
    shapes = {country.id for country in atlas.countries()}
    tied = {m.actor for m in registry.dataset.memberships}
    return sorted(
        registry.name(code)
        for code in tied
        if (actor := registry.actor_of(code)).kind == "state" and actor.iso_numeric not in shapes
    )
