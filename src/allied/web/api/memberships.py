"""`/memberships`: every membership matching the filters, paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from allied.model import as_record
from allied.web.deps import FormatQuery, RegistryDep, RoleQuery
from allied.web.responses import answer

router = APIRouter(tags=["memberships"])

COLUMNS = (
    "framework",
    "actor",
    "role",
    "start",
    "end",
    "start_precision",
    "end_precision",
    "end_reason",
    "sources",
    "note",
)


@router.get("/memberships", summary="Memberships, filtered and paginated")
async def list_memberships(
    request: Request,
    registry: RegistryDep,
    framework: Annotated[str | None, Query(description="A framework slug or name.")] = None,
    actor: Annotated[str | None, Query(description="An actor code or any name.")] = None,
    role: RoleQuery | None = None,
    on: Annotated[str | None, Query(description="Only those that held on this date.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: FormatQuery = "json",
) -> Response:
    """Memberships ordered by start date; `total` counts every match, `next` pages on."""
    found = registry.memberships(framework=framework, actor=actor, role=role, on=on)
    page = [as_record(m) for m in found[offset : offset + limit]]
    following = None
    if offset + limit < len(found):
        following = str(request.url.include_query_params(offset=offset + limit))
    document = {
        "total": len(found),
        "limit": limit,
        "offset": offset,
        "next": following,
        "memberships": page,
    }
    return answer(document, fmt=format, rows=page, columns=COLUMNS)
