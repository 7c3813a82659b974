"""`/search`: actors and frameworks by any current or historical name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.names import SearchResults, search
from allied.web.contract import answers
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Find actors and frameworks by any name they ever had",
    responses=answers(SearchResults),
)
async def get_search(
    registry: RegistryDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name or part of one.")],
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied search TEXT`: every name ever used, exact matches first."""
    return respond(search(registry, q), format)
