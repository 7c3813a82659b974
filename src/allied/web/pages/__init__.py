"""Server-rendered HTML pages; each links to its JSON twin under `/api/v1`."""

from __future__ import annotations

from fastapi import APIRouter

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

router = APIRouter(include_in_schema=False)
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
