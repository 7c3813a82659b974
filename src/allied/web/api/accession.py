"""`/accession`: enlargement cases, Ally by Ally."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.accession import (
    CaseAnswer,
    Pending,
    RatificationList,
    RoundList,
    accession_case,
    accession_cases,
    pending,
    ratifications,
)
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["accession"])


@router.get("/accession", summary="Every accession case", responses=answers(RoundList))
async def list_accession_cases(
    registry: RegistryDep,
    open: Annotated[bool, Query(description="Only cases not yet closed.")] = False,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied accession [--open]`."""
    return respond(accession_cases(registry, open_only=open), format)


@router.get(
    "/accession/ratifications",
    summary="Every ratification step",
    responses=answers(RatificationList),
)
async def list_ratifications(
    registry: RegistryDep,
    candidate: Annotated[str | None, Query(description="Only this candidate.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same rows as `allied accession ratifications`."""
    return respond(ratifications(registry, candidate=candidate), format)


@router.get(
    "/accession/{candidate}",
    summary="One accession case: protocol, every Ally's steps, entry",
    responses=answers(CaseAnswer),
)
async def get_accession_case(
    candidate: str, registry: RegistryDep, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied accession show CANDIDATE`."""
    return respond(accession_case(registry, candidate), format)


@router.get(
    "/accession/{candidate}/pending",
    summary="The Allies that had not yet ratified on a date",
    responses=answers(Pending),
)
async def get_pending(
    candidate: str,
    registry: RegistryDep,
    on: OnQuery = None,
    milestone: Literal["parliament", "signature", "deposit"] = "parliament",
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied accession pending CANDIDATE [--on DATE] [--milestone M]`."""
    return respond(pending(registry, candidate, on=on, milestone=milestone), format)
