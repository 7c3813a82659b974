"""`/actors/{code}`: one actor's relationships over time, names and sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import spending_charts
from allied.errors import AlliedError
from allied.period import PartialDate
from allied.questions.actors import actor
from allied.questions.spending import ally_spending
from allied.registry import Registry
from allied.web import charts
from allied.web.deps import RegistryDep
from allied.web.responses import page

router = APIRouter()


@router.get("/actors/{code}")
async def actor_page(request: Request, code: str, registry: RegistryDep) -> Response:
    answer = actor(registry, code)
    document = answer.document()
    cited = sorted(
        {
            s
            for key in ("memberships", "names", "statuses", "events")
            for row in document[key]
            for s in row["sources"]
        }
        | set(answer.actor.sources)
    )
    context = {
        "actor": document,
        "chart": charts.relationships(document["memberships"], str(PartialDate.today())),
        "sources": [registry.source(s) for s in cited],
        **_spending(registry, answer.actor.code),
    }
    return page(request, "actor.html", context, twin=f"/api/v1/actors/{answer.actor.code}")


def _spending(registry: Registry, code: str) -> dict[str, Any]:
    """The Ally's spending section: its figures in the latest release, rules, trajectory."""
    try:
        found = ally_spending(registry, code).document()
    except AlliedError:  # not an Ally, or no release prints it
        return {"spending": None}
    rules = [
        {"measure": g.measure, "threshold": level}
        for g, level in registry.spending_index.measured()
    ]
    lines = spending_charts.guideline_lines(rules, "pct_gdp")
    return {"spending": found, "spending_chart": spending_charts.over_time(found, lines=lines)}
