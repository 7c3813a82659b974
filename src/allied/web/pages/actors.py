"""`/actors/{code}`: one actor's relationships over time, names and sources."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.period import PartialDate
from allied.questions.actors import actor
from allied.web import charts
from allied.web.deps import RegistryDep
from allied.web.responses import page

router = APIRouter()


@router.get("/actors/{code}")
async def actor_page(request: Request, code: str, registry: RegistryDep) -> Response:
    answer = actor(registry, code)
    document = answer.document()
    cited = sorted(
        {s for key in ("memberships", "names", "statuses", "events") for row in document[key]
         for s in row["sources"]} | set(answer.actor.sources)
    )  # fmt: skip
    context = {
        "actor": document,
        "chart": charts.relationships(document["memberships"], str(PartialDate.today())),
        "sources": [registry.source(s) for s in cited],
    }
    return page(request, "actor.html", context, twin=f"/api/v1/actors/{answer.actor.code}")
