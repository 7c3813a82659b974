"""`/memberships`: every membership matching the filters, a page at a time; the export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.memberships import (
    MembershipList,
    SegmentList,
    membership_segments,
    memberships,
)
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OffsetQuery, RegistryDep, RoleQuery
from allied.web.responses import respond

router = APIRouter(tags=["memberships"])


@router.get(
    "/memberships",
    summary="Memberships, filtered and paginated",
    responses=answers(MembershipList),
)
async def list_memberships(
    registry: RegistryDep,
    framework: Annotated[str | None, Query(description="A framework slug or name.")] = None,
    actor: Annotated[str | None, Query(description="An actor code or any name.")] = None,
    role: RoleQuery | None = None,
    on: Annotated[str | None, Query(description="Only those that held on this date.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: OffsetQuery = 0,
    format: FormatQuery = "json",
) -> Response:
    """Memberships ordered by start date; `total` counts every match, `next_offset` pages on."""
    found = memberships(registry, framework=framework, actor=actor, role=role, on=on,
                                  offset=offset, limit=limit)  # fmt: skip
    return respond(found, format)


@router.get(
    "/memberships/segments",
    summary="Every membership, one row per status segment (the export)",
    responses=answers(SegmentList),
)
async def export_memberships(registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same rows as `allied export memberships`, with the codes and the data version."""
    return respond(membership_segments(registry), format)
