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
    context = {
        "source": document,
        "framework_names": {fw.slug: fw.name for fw in registry.all_frameworks()},
        "actor_names": {a.code: registry.name(a.code) for a in registry.dataset.actors},
    }
    return page(request, "source.html", context, twin=f"/api/v1/sources/{source_id}")
