"""The JSON API under `/api/v1`: one router module per resource."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from allied.web.api import (
    accession,
    actors,
    check,
    citation,
    dialogue,
    diff,
    eu_nato,
    events,
    frameworks,
    history,
    memberships,
    operations,
    panel,
    relations,
    search,
    sources,
    spending,
)
from allied.web.contract import known_parameters_only, operation_id
from allied.web.errors import ERROR_RESPONSES

PREFIX = "/api/v1"

router = APIRouter(
    prefix=PREFIX,
    responses=ERROR_RESPONSES,
    dependencies=[Depends(known_parameters_only)],
    generate_unique_id_function=operation_id,
)
for _module in (
    frameworks,
    actors,
    memberships,
    history,
    diff,
    events,
    sources,
    search,
    relations,
    panel,
    operations,
    accession,
    dialogue,
    spending,
    eu_nato,
    check,
    citation,
):
    router.include_router(_module.router, generate_unique_id_function=operation_id)
