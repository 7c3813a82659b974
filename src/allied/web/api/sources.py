"""`/sources`: every source, and one source with what cites it."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied import documents
from allied.model import as_record
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["sources"])

COLUMNS = ("id", "kind", "publisher", "title", "url", "published", "note")


@router.get("/sources", summary="Every source, by id")
async def list_sources(registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """Every source the dataset cites."""
    rows = as_record(registry.sources())
    return answer({"sources": rows}, fmt=format, rows=rows, columns=COLUMNS)


@router.get("/sources/{source_id}", summary="One source and the facts citing it")
async def get_source(
    source_id: str, registry: RegistryDep, format: FormatQuery = "json"
) -> Response:
    """A source by id, with `cited_by`: every framework, membership, event and name citing it."""
    document = documents.source_document(registry, registry.source(source_id))
    return answer(document, fmt=format, rows=document["cited_by"])
