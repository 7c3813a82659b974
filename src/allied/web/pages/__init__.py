"""Server-rendered HTML pages; each links to its JSON twin under `/api/v1`."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from allied.web.contract import known_parameters_only
from allied.web.pages import (
    accession,
    actors,
    changes,
    check,
    frameworks,
    home,
    operations,
    search,
    sources,
    spending,
)

# A parameter a page does not take is refused with a 422 page, never silently ignored.
router = APIRouter(include_in_schema=False, dependencies=[Depends(known_parameters_only)])
for _module in (
    home,
    frameworks,
    operations,
    accession,
    spending,
    actors,
    changes,
    sources,
    search,
    check,
):
    router.include_router(_module.router)
