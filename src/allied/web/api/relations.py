"""`/relations`: every state's closest tie to NATO on a date (the home map's twin)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied.questions.ties import Relations, relations
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["relations"])


@router.get(
    "/relations",
    summary="Each actor's closest tie to NATO on a date",
    responses=answers(Relations),
)
async def list_relations(
    registry: RegistryDep, on: OnQuery = None, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied relations`: the legend's categories and each actor's tie."""
    return respond(relations(registry, on=on), format)
