"""`/sources` and `/sources/{id}`: every source, and what each one supports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied import documents
from allied.model import as_record
from allied.web.deps import RegistryDep
from allied.web.responses import page

router = APIRouter()


@router.get("/sources")
async def sources_page(request: Request, registry: RegistryDep) -> Response:
    rows = as_record(registry.sources())
    return page(request, "sources.html", {"rows": rows}, twin="/api/v1/sources")


@router.get("/sources/{source_id}")
async def source_page(request: Request, source_id: str, registry: RegistryDep) -> Response:
    document = documents.source_document(registry, registry.source(source_id))
    return page(request, "source.html", {"source": document}, twin=f"/api/v1/sources/{source_id}")
