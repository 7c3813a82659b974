"""`/relations`: every state's closest tie to NATO on a date (the home map's twin)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied import relations
from allied.model import as_record
from allied.period import parse_date
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["relations"])

COLUMNS = ("actor", "name", "iso_numeric", "category", "uncertain", "sources")


@router.get("/relations", summary="Each actor's closest tie to NATO on a date")
async def list_relations(
    registry: RegistryDep, on: OnQuery = None, format: FormatQuery = "json"
) -> Response:
    """The data of the home page's map: the legend's categories and each actor's tie."""
    when = parse_date(on)
    rows = as_record(relations.relations_on(registry, when))
    document = {
        "on": str(when),
        "on_precision": when.precision,
        "categories": relations.categories(registry),
        "relations": rows,
    }
    return answer(document, fmt=format, rows=rows, columns=COLUMNS)
