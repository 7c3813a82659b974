"""`/frameworks` and `/frameworks/{slug}`: rosters on a date, members over time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import questions
from allied.period import PartialDate, parse_date
from allied.web import charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import query_string

router = APIRouter()


@router.get("/frameworks")
async def frameworks_page(request: Request, registry: RegistryDep) -> Response:
    rows = questions.frameworks(registry, every=True).document()["items"]
    return page(
        request, "frameworks.html", {"frameworks": rows}, twin="/api/v1/frameworks?all=true"
    )


@router.get("/frameworks/{slug}")
async def framework_page(
    request: Request, slug: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    framework = registry.framework(slug)
    members = questions.members(registry, framework.slug, on=parse_date(on)).document()
    detail = questions.framework(registry, framework.slug).document()
    cited = sorted({s for row in members["members"] for s in row["sources"]})
    context = {
        "framework": detail,
        "members": members,
        "sources": [registry.source(s) for s in cited],
        "history": questions.history(registry, framework.slug).document(),
        "chart": charts.members_over_time(detail["members_over_time"], str(PartialDate.today())),
    }
    twin = f"/api/v1/frameworks/{framework.slug}/members?{query_string({'on': on})}"
    return page(request, "framework.html", context, twin=twin)
