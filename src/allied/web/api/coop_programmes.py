"""`/coop/programmes` and `/coop/packages`: partner programmes and DCB packages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from starlette.responses import Response

from allied.cooperation import packages, programmes
from allied.web.api.coop_http import IfMatch, expected_version, private
from allied.web.auth import ContextDep, PrincipalDep
from allied.web.deps import FormatQuery

router = APIRouter(tags=["cooperation"])
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Payload = Annotated[dict[str, Any], Body()]


@router.get("/coop/programmes", summary="The programmes visible to the caller")
def list_programmes(
    context: ContextDep,
    principal: PrincipalDep,
    partner: str | None = None,
    offset: Offset = 0,
    limit: Limit = 100,
    format: FormatQuery = "json",
) -> Response:
    """Staff and Allies: every programme; a partner: its own."""
    answer = programmes.list_programmes(
        context, principal, partner=partner, offset=offset, limit=limit
    )
    return private(answer, format)


@router.post("/coop/programmes", status_code=201, summary="Create a programme (staff)")
def create_programme(context: ContextDep, principal: PrincipalDep, body: Payload) -> Response:
    """Partner, document, cycle, and objectives → goals → activity ids, in one transaction."""
    tree = programmes.create_programme(context, principal, body)
    return private(tree, version=tree.programme.version, status=201)


@router.get("/coop/programmes/{ident}", summary="One programme's tree")
def get_programme(ident: int, context: ContextDep, principal: PrincipalDep) -> Response:
    """Objectives → goals → supporting activities; 404 for another partner's."""
    tree = programmes.get_programme(context, principal, ident)
    return private(tree, version=tree.programme.version)


@router.get("/coop/packages", summary="The DCB packages visible to the caller")
def list_packages(
    context: ContextDep,
    principal: PrincipalDep,
    offset: Offset = 0,
    limit: Limit = 100,
    format: FormatQuery = "json",
) -> Response:
    """A partner sees the packages it receives."""
    return private(packages.list_packages(context, principal, offset=offset, limit=limit), format)


@router.post("/coop/packages", status_code=201, summary="Record a DCB package (staff)")
def create_package(context: ContextDep, principal: PrincipalDep, body: Payload) -> Response:
    """Recipient, title, agreed date, measures and supporters."""
    detail = packages.create_package(context, principal, body)
    return private(detail, version=detail.package.version, status=201)


@router.get("/coop/packages/{ident}", summary="One DCB package")
def get_package(ident: int, context: ContextDep, principal: PrincipalDep) -> Response:
    """Revisions, measures, supporting nations; 404 for another recipient's."""
    detail = packages.get_package(context, principal, ident)
    return private(detail, version=detail.package.version)


@router.post("/coop/packages/{ident}/revisions", status_code=201, summary="Revise a package")
def revise_package(
    ident: int,
    context: ContextDep,
    principal: PrincipalDep,
    body: Payload,
    if_match: IfMatch = None,
) -> Response:
    """`{"revised": DATE, "summary": TEXT}` with `If-Match` (staff)."""
    version = expected_version(if_match)
    detail = packages.revise_package(context, principal, ident, body, expected_version=version)
    return private(detail, version=detail.package.version, status=201)
