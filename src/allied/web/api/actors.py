"""`/actors/{code}`: one actor by code or any current or historical name."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied import documents
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["actors"])


@router.get("/actors/{code}", summary="One actor: codes, names over time, relationships")
async def get_actor(code: str, registry: RegistryDep, on: OnQuery = None) -> Response:
    """The same answer as `allied actor CODE --format json`; `code` may be any name."""
    profile = registry.actor(code, on=on)
    return answer(documents.actor_document(registry, profile))
