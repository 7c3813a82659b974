"""`/history/{slug}`: every change in a framework, in order."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied.questions.frameworks import History, history
from allied.web.contract import answers
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["history"])


@router.get(
    "/history/{slug}",
    summary="Every join, departure, suspension and resumption",
    responses=answers(History),
)
async def get_history(slug: str, registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied history SLUG`."""
    return respond(history(registry, slug), format)
