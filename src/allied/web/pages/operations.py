"""`/operations` and `/operations/{slug}`: operations through time, and who took part when."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.period import PartialDate, parse_date
from allied.questions.operations import OperationAnswer, contributors, operation, operations
from allied.registry import Registry
from allied.web import atlas, charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/operations")
async def operations_page(request: Request, registry: RegistryDep, on: OnQuery = None) -> Response:
    listed = operations(registry, on=on, every=on is None).document()
    context = {"operations": listed["items"], "on": on or "", "today": PartialDate.today()}
    twin = with_query("/api/v1/operations", {"on": on, "all": None if on else "true"})
    return page(request, "operations.html", context, twin=twin)


@router.get("/operations/{slug}")
async def operation_page(
    request: Request, slug: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    detail = operation(registry, slug)
    op = detail.operation
    when = parse_date(on) if on else _default_day(detail)
    listed = contributors(registry, op.slug, on=when).document()
    cited = sorted({s for row in listed["contributors"] for s in row["sources"]} | set(op.sources))
    document = detail.document()
    context = {
        "operation": document,
        "contributors": listed,
        "countries": atlas.countries(),
        "sphere": atlas.sphere(),
        "width": atlas.WIDTH,
        "height": atlas.HEIGHT,
        "parts": _parts_by_country(registry, listed["contributors"]),
        "chart": charts.personnel_over_time(document["sizes"]),
        "sources": [registry.source(s) for s in cited],
    }
    twin = with_query(f"/api/v1/operations/{op.slug}/contributors", {"on": str(when)})
    return page(request, "operation.html", context, twin=twin)


def _parts_by_country(registry: Registry, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each contributing state's map shade, by ISO numeric code: `ally`, `partner` or `other`."""
    shades: dict[str, str] = {}
    for row in rows:
        numeric = registry.actor_of(row["actor"]).iso_numeric
        shade = "ally" if row["standing"] == "ally" else "partner" if row["partner"] else "other"
        if numeric and shades.get(numeric) != "ally":
            shades[numeric] = shade
    return shades


def _default_day(detail: OperationAnswer) -> PartialDate:
    """Today for a running operation; for one that ended, its last snapshot, else its start."""
    period = detail.operation.period
    if period.end is None:
        return PartialDate.today()
    return detail.sizes[-1].as_of if detail.sizes else period.start
