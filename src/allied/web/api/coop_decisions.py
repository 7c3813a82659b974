"""`/coop/decisions`: proposals under the silence procedure, and breaking silence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from starlette.responses import Response

from allied.cooperation import decisions
from allied.web.api.coop_http import IfMatch, expected_version, private
from allied.web.auth import ContextDep, PrincipalDep
from allied.web.deps import FormatQuery

router = APIRouter(tags=["cooperation"])
Payload = Annotated[dict[str, Any], Body()]


@router.get("/coop/decisions", summary="Decisions under silence and settled")
def list_decisions(
    context: ContextDep,
    principal: PrincipalDep,
    state: str | None = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: FormatQuery = "json",
) -> Response:
    """Staff and Allies; those under silence first, by deadline."""
    answer = decisions.list_decisions(context, principal, state=state, offset=offset, limit=limit)
    return private(answer, format)


@router.post("/coop/decisions", status_code=201, summary="Circulate a proposal under silence")
def propose(context: ContextDep, principal: PrincipalDep, body: Payload) -> Response:
    """`{"subject", "title", "deadline"}` (UTC); staff only."""
    detail = decisions.propose(context, principal, body)
    return private(detail, version=detail.decision.version, status=201)


@router.get("/coop/decisions/{ident}", summary="One decision and every step")
def get_decision(ident: int, context: ContextDep, principal: PrincipalDep) -> Response:
    """Circulated, silence broken (by whom, why), adopted."""
    detail = decisions.get_decision(context, principal, ident)
    return private(detail, version=detail.decision.version)


@router.post("/coop/decisions/{ident}/break-silence", summary="Break silence (an Ally)")
def break_silence(
    ident: int,
    context: ContextDep,
    principal: PrincipalDep,
    body: Payload,
    if_match: IfMatch = None,
) -> Response:
    """`{"reason": TEXT}` with `If-Match`, before the deadline; 409 once silence has ended."""
    version = expected_version(if_match)
    detail = decisions.break_silence(
        context, principal, ident, str(body.get("reason") or ""), expected_version=version
    )
    return private(detail, version=detail.decision.version)
