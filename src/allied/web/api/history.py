"""`/history/{slug}`: every change in a framework, in order."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied import documents
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["history"])

COLUMNS = ("date", "change", "actor", "name", "role", "reason", "sources")


@router.get("/history/{slug}", summary="Every join, departure, suspension and resumption")
async def get_history(slug: str, registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied history SLUG --format json`."""
    framework = registry.framework(slug)
    document = documents.history_document(framework, registry.history(framework.slug))
    return answer(document, fmt=format, rows=document["changes"], columns=COLUMNS)
