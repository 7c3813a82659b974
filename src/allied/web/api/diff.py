"""`/diff`: what changed between two dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied import documents
from allied.period import parse_date
from allied.web.deps import DATE_HELP, FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["diff"])

COLUMNS = ("framework", "change", "actor", "name", "role", "before", "after", "uncertain")


@router.get("/diff", summary="Who was added, removed or changed status between two dates")
async def get_diff(
    registry: RegistryDep,
    start: Annotated[str, Query(alias="from", description=DATE_HELP, max_length=10)],
    end: Annotated[str, Query(alias="to", description=DATE_HELP, max_length=10)],
    framework: Annotated[str | None, Query(description="Only this framework.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied diff FROM TO [--framework SLUG] --format json`."""
    before, after = parse_date(start), parse_date(end)
    differences = registry.diff(before, after, framework=framework)
    document = documents.diff_document(before, after, differences)
    return answer(document, fmt=format, rows=document["changes"], columns=COLUMNS)
