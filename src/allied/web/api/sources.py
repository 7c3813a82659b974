"""`/sources`: every source, and one source with what cites it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.sources import SourceAnswer, SourceList, source, sources
from allied.web.contract import answers
from allied.web.deps import FormatQuery, LimitQuery, OffsetQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["sources"])


@router.get("/sources", summary="Every source, by id", responses=answers(SourceList))
async def list_sources(
    registry: RegistryDep,
    id: Annotated[
        list[str] | None, Query(description="Only these sources, in this order (repeatable).")
    ] = None,
    offset: OffsetQuery = 0,
    limit: LimitQuery = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied sources [ID]…`: every source the dataset cites, or some."""
    return respond(sources(registry, id or (), offset=offset, limit=limit), format)


@router.get(
    "/sources/{source_id}",
    summary="One source and the facts citing it",
    responses=answers(SourceAnswer),
)
async def get_source(
    source_id: str, registry: RegistryDep, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied source ID`, with `cited_by`: every fact citing it."""
    return respond(source(registry, source_id), format)
