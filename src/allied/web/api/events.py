"""`/events`: dated things that changed the system."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.model import EVENT_KINDS, as_record
from allied.web.deps import DATE_HELP, FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["events"])

COLUMNS = ("id", "kind", "start", "end", "title", "place", "actors", "frameworks", "sources")


@router.get("/events", summary="Events in date order")
async def list_events(
    registry: RegistryDep,
    kind: Annotated[str | None, Query(description=f"One of: {', '.join(EVENT_KINDS)}.")] = None,
    start: Annotated[str | None, Query(alias="from", description=DATE_HELP, max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", description=DATE_HELP, max_length=10)] = None,
    framework: Annotated[str | None, Query(description="Only events of this framework.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """Events filtered by kind, framework and a `[from, to]` window."""
    found = registry.events(kind=kind, start=start, end=end, framework=framework)
    rows = as_record(found)
    return answer({"events": rows}, fmt=format, rows=rows, columns=COLUMNS)
