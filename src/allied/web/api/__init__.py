"""The JSON API under `/api/v1`: one router module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from allied.web.api import (
    actors,
    check,
    diff,
    events,
    frameworks,
    history,
    memberships,
    panel,
    relations,
    search,
    sources,
)
from allied.web.errors import ERROR_RESPONSES

PREFIX = "/api/v1"

router = APIRouter(prefix=PREFIX, responses=ERROR_RESPONSES)
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
    check,
):
    router.include_router(_module.router)
