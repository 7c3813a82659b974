"""`/eu-nato`: the EU-NATO Joint Declarations and the common proposals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.eu_nato import DocumentList, ProposalList, eu_nato_documents, proposals
from allied.web.contract import answers
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["eu-nato"])


@router.get(
    "/eu-nato",
    summary="EU-NATO Joint Declarations, common sets of proposals, progress reports",
    responses=answers(DocumentList),
)
async def list_eu_nato_documents(registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied eu-nato`."""
    return respond(eu_nato_documents(registry), format)


@router.get(
    "/eu-nato/proposals",
    summary="The EU-NATO common proposals by set and number, all or one area's",
    responses=answers(ProposalList),
)
async def list_proposals(
    registry: RegistryDep,
    area: Annotated[str | None, Query(description="Any part of an area's name.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied eu-nato proposals [--area A]`."""
    return respond(proposals(registry, area=area), format)
