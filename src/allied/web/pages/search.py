"""`/search`: find an actor or framework by any name it ever had, or a near spelling."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from allied.records import as_record
from allied.search import search
from allied.web.deps import RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/search")
async def search_page(
    request: Request,
    registry: RegistryDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    # Every hit is listed, even when one is exact: "Ukraine" also finds the NATO-Ukraine bodies.
    hits = search(registry, q) if q.strip() else []
    context = {"q": q, "results": as_record(hits)}
    return page(
        request, "search.html", context, twin=with_query("/api/v1/search", {"q": q or None})
    )
