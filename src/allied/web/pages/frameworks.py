"""`/frameworks` and `/frameworks/{slug}`: rosters on a date, members over time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import documents
from allied.period import PartialDate, parse_date
from allied.web import charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import query_string

router = APIRouter()


@router.get("/frameworks")
async def frameworks_page(request: Request, registry: RegistryDep) -> Response:
    rows = documents.frameworks_document(registry.all_frameworks())
    return page(
        request, "frameworks.html", {"frameworks": rows}, twin="/api/v1/frameworks?all=true"
    )


@router.get("/frameworks/{slug}")
async def framework_page(
    request: Request, slug: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    framework = registry.framework(slug)
    when = parse_date(on)
    members = documents.members_document(framework, when, registry.members(framework.slug, on=when))
    detail = documents.framework_document(registry, framework)
    cited = sorted({s for row in members["members"] for s in row["sources"]})
    context = {
        "framework": detail,
        "members": members,
        "sources": [registry.source(s) for s in cited],
        "history": documents.history_document(framework, registry.history(framework.slug)),
        "chart": charts.members_over_time(detail["members_over_time"], str(PartialDate.today())),
    }
    twin = f"/api/v1/frameworks/{framework.slug}/members?{query_string({'on': on})}"
    return page(request, "framework.html", context, twin=twin)
