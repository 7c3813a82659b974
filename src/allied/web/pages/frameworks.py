"""`/frameworks` and `/frameworks/{slug}`: rosters on a date, members over time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.period import PartialDate, parse_date
from allied.questions.frameworks import framework, frameworks, history
from allied.questions.roster import members
from allied.web import charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/frameworks")
async def frameworks_page(request: Request, registry: RegistryDep) -> Response:
    rows = frameworks(registry, every=True).document()["items"]
    return page(
        request, "frameworks.html", {"frameworks": rows}, twin="/api/v1/frameworks?all=true"
    )


@router.get("/frameworks/{slug}")
async def framework_page(
    request: Request, slug: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    found = registry.framework(slug)
    roster = members(registry, found.slug, on=parse_date(on)).document()
    detail = framework(registry, found.slug).document()
    cited = sorted({s for row in roster["members"] for s in row["sources"]})
    context = {
        "framework": detail,
        "members": roster,
        "sources": [registry.source(s) for s in cited],
        "history": history(registry, found.slug).document(),
        "chart": charts.members_over_time(detail["members_over_time"], str(PartialDate.today())),
    }
    twin = with_query(f"/api/v1/frameworks/{found.slug}/members", {"on": on})
    return page(request, "framework.html", context, twin=twin)
