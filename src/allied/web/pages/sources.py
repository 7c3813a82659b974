"""`/sources` and `/sources/{id}`: every source, and what each one supports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.questions.sources import source, sources
from allied.web.deps import RegistryDep
from allied.web.responses import page

router = APIRouter()


@router.get("/sources")
async def sources_page(request: Request, registry: RegistryDep) -> Response:
    rows = sources(registry).document()["items"]
    return page(request, "sources.html", {"rows": rows}, twin="/api/v1/sources")


@router.get("/sources/{source_id}")
async def source_page(request: Request, source_id: str, registry: RegistryDep) -> Response:
    document = source(registry, source_id).document()
    return page(request, "source.html", {"source": document}, twin=f"/api/v1/sources/{source_id}")
