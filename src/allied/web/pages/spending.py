"""`/spending` and `/eu-nato`: spending ranked for a year with a release picker; the proposals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from allied import spending_charts
from allied.errors import AlliedError
from allied.questions.eu_nato import eu_nato_documents, proposals
from allied.questions.spending import guideline_counts, releases, spending
from allied.registry import Registry
from allied.web.deps import RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/spending")
async def spending_page(
    request: Request,
    registry: RegistryDep,
    year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
    release: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    listed = releases(registry).document()["releases"]
    chosen = registry.spending_index.release(release or None) if listed else None
    context: dict[str, Any] = {
        "releases": listed,
        "release": chosen,
        "year": year,
        "rows": [],
        "years": [],
        "counts": [],
        "chart": None,
        "sources": [],
    }
    twin = "/api/v1/spending/releases"
    if chosen is not None:
        years = registry.spending_index.years(chosen)
        year = year if year is not None else _latest_reported(registry, chosen.id, years)
        answer = spending(registry, year=year, release=chosen.id, measure="pct_gdp").document()
        rows = sorted(
            (r for r in answer["figures"] if not r["aggregate"]), key=lambda r: -r["pct_gdp"]
        )
        counts = guideline_counts(registry, year=year, release=chosen.id).document()["counts"]
        lines = spending_charts.guideline_lines(counts, "pct_gdp")
        context |= {
            "year": year,
            "years": years,
            "rows": rows,
            "counts": counts,
            "chart": spending_charts.ranked(answer, year=year, lines=lines),
            "sources": [registry.source(s) for s in chosen.sources],
        }
        twin = with_query("/api/v1/spending", {"year": str(year), "release": chosen.id})
    return page(request, "spending.html", context, twin=twin)


def _latest_reported(registry: Registry, release: str, years: list[int]) -> int:
    """The latest year the release gives shares of GDP for (its last, estimated, year)."""
    index = registry.spending_index
    chosen = index.release(release)
    for year in reversed(years):
        if any(index.value(chosen, a, year, "pct_gdp") for a in index.allies(chosen)):
            return year
    return years[-1]


@router.get("/eu-nato")
async def eu_nato_page(
    request: Request,
    registry: RegistryDep,
    area: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    documents = eu_nato_documents(registry).document()["items"]
    error = ""
    try:
        listed = proposals(registry, area=area or None).document()
    except AlliedError as problem:
        listed, error = proposals(registry).document(), str(problem)
    cited = sorted(
        {s for d in documents for s in d["sources"]}
        | {s for p in listed["items"] for s in p["sources"]}
    )
    context = {
        "documents": documents,
        "proposals": listed["items"],
        "areas": listed["areas"],
        "area": area or "",
        "error": error,
        "sources": [registry.source(s) for s in cited],
    }
    twin = with_query("/api/v1/eu-nato/proposals", {"area": None if error else area or None})
    return page(request, "eu_nato.html", context, twin=twin)
