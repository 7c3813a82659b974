"""`/diff`: what changed between two dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.changes import Diff, diff
from allied.web.contract import answers
from allied.web.deps import DATE_HELP, FormatQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["diff"])


@router.get(
    "/diff",
    summary="Who was added, removed or changed status between two dates",
    responses=answers(Diff),
)
async def get_diff(
    registry: RegistryDep,
    start: Annotated[str, Query(alias="from", description=DATE_HELP, max_length=10)],
    end: Annotated[str, Query(alias="to", description=DATE_HELP, max_length=10)],
    framework: Annotated[str | None, Query(description="Only this framework.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied diff FROM TO [--framework SLUG]`."""
    return respond(diff(registry, start, end, framework=framework), format)
