"""`/events`: dated things that changed the system."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.model import EVENT_KINDS
from allied.questions.changes import EventList, events
from allied.web.contract import answers
from allied.web.deps import DATE_HELP, FormatQuery, LimitQuery, OffsetQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["events"])


@router.get("/events", summary="Events in date order", responses=answers(EventList))
async def list_events(
    registry: RegistryDep,
    kind: Annotated[str | None, Query(description=f"One of: {', '.join(EVENT_KINDS)}.")] = None,
    start: Annotated[str | None, Query(alias="from", description=DATE_HELP, max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", description=DATE_HELP, max_length=10)] = None,
    framework: Annotated[str | None, Query(description="Only events of this framework.")] = None,
    offset: OffsetQuery = 0,
    limit: LimitQuery = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied events`: filtered by kind, framework and a `[from, to]` window."""
    found = events(registry, kind=kind, start=start, end=end, framework=framework,
                             offset=offset, limit=limit)  # fmt: skip
    return respond(found, format)
