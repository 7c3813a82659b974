"""`/frameworks` and `/frameworks/{slug}`: rosters on a date, members over time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.conflicts import conflicts_about, membership_subject
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
    ours = [m for m in registry.dataset.memberships if m.framework == found.slug]
    disputes = {
        f"{m.actor}/{m.role}": conflicts_about(
            registry, membership_subject(found.slug, m.actor, m.role)
        )
        for m in ours
    }
    framework_conflicts = conflicts_about(registry, f"frameworks:{found.slug}")
    changes = history(registry, found.slug).document()
    cited = list(
        dict.fromkeys(
            [*found.sources]
            + [s for row in roster["members"] for s in row["sources"]]
            + [s for conflicts in disputes.values() for c in conflicts for s in c.sources]
            + [s for c in framework_conflicts for s in c.sources]
            + [s for row in changes["changes"] for s in row["sources"]]
        )
    )
    context = {
        "framework": detail,
        "successor": registry.framework(found.replaced_by).name if found.replaced_by else "",
        "members": roster,
        "memo": {f"{m.actor}/{m.role}/{m.period.start}": m.note for m in ours},
        "disputes": disputes,
        "framework_conflicts": framework_conflicts,
        "sources": [registry.source(s) for s in cited],
        "history": changes,
        "chart": charts.members_over_time(detail["members_over_time"], str(PartialDate.today())),
    }
    twin = with_query(f"/api/v1/frameworks/{found.slug}/members", {"on": on})
    return page(request, "framework.html", context, twin=twin)
