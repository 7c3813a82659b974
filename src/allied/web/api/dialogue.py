"""`/dialogue`: the tables NATO sits at with others, and who may sit there on a date."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied.questions.dialogue import FormatList, Table, dialogue, formats
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["dialogue"])


@router.get("/dialogue", summary="Every dialogue format", responses=answers(FormatList))
async def list_formats(registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied dialogue`."""
    return respond(formats(registry), format)


@router.get(
    "/dialogue/{slug}",
    summary="Who may sit at a dialogue format's table on a date",
    responses=answers(Table),
)
async def get_table(
    slug: str, registry: RegistryDep, on: OnQuery = None, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied dialogue FORMAT [--on DATE]`."""
    return respond(dialogue(registry, slug, on=on), format)
