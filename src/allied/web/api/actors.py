"""`/actors/{code}`: one actor by code or any current or historical name."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from allied.questions.actors import ActorAnswer, actor
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["actors"])


@router.get(
    "/actors/{code}",
    summary="One actor: codes, names over time, relationships",
    responses=answers(ActorAnswer),
)
async def get_actor(
    code: str, registry: RegistryDep, on: OnQuery = None, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied actor CODE`; `code` may be any name (CSV: its memberships)."""
    return respond(actor(registry, code, on=on), format)
