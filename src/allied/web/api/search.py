"""`/search`: actors and frameworks by any current or historical name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.model import as_record
from allied.search import search
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["search"])

COLUMNS = ("kind", "id", "name", "matched", "exact")


@router.get("/search", summary="Find actors and frameworks by any name they ever had")
async def get_search(
    registry: RegistryDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name or part of one.")],
    format: FormatQuery = "json",
) -> Response:
    """Matches on every current, former and alternative name, exact matches first."""
    rows = as_record(search(registry, q))
    return answer({"query": q, "results": rows}, fmt=format, rows=rows, columns=COLUMNS)
