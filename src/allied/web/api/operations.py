"""`/operations`: NATO-led operations and missions, and who took part when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.operations import (
    Contributors,
    OperationAnswer,
    OperationList,
    PartList,
    PartnerParts,
    contributions,
    contributors,
    operation,
    operations,
    partner_parts,
)
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["operations"])


@router.get(
    "/operations",
    summary="Operations, missions and activities running on a date",
    responses=answers(OperationList),
)
async def list_operations(
    registry: RegistryDep,
    on: OnQuery = None,
    all: Annotated[bool, Query(description="Every operation, whatever the date.")] = False,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied operations [--on DATE] [--all]`."""
    return respond(operations(registry, on=on, every=all), format)


@router.get(
    "/operations/{slug}",
    summary="One operation: dates, legal basis, parts, contributions, size over time",
    responses=answers(OperationAnswer),
)
async def get_operation(slug: str, registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied operations show SLUG` (CSV: its size at each snapshot)."""
    return respond(operation(registry, slug), format)


@router.get(
    "/operations/{slug}/contributors",
    summary="Who took part in an operation on a date, Allies and partners told apart",
    responses=answers(Contributors),
)
async def list_contributors(
    slug: str,
    registry: RegistryDep,
    on: OnQuery = None,
    partners_only: Annotated[bool, Query(description="Only contributors not Allies.")] = False,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied operations contributors SLUG [--on DATE] [--partners-only]`."""
    return respond(contributors(registry, slug, on=on, partners_only=partners_only), format)


@router.get(
    "/contributions",
    summary="Every contribution and snapshot row, for one operation or actor or all",
    responses=answers(PartList),
)
async def list_contributions(
    registry: RegistryDep,
    operation: Annotated[str | None, Query(description="An operation's slug or name.")] = None,
    actor: Annotated[str | None, Query(description="An actor's code or any name.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same rows as `allied operations export`."""
    return respond(contributions(registry, operation=operation, actor=actor), format)


@router.get(
    "/partner-contributions",
    summary="Every partner contribution to any operation running on a date",
    responses=answers(PartnerParts),
)
async def list_partner_contributions(
    registry: RegistryDep, on: OnQuery = None, format: FormatQuery = "json"
) -> Response:
    """The same answer as `allied operations partners [--on DATE]`."""
    return respond(partner_parts(registry, on=on), format)
