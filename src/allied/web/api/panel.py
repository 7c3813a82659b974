"""`/panel`: country-year panels, as `allied export panel` writes them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.panel import PANEL_COLUMNS, country_years
from allied.period import PartialDate
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import answer

router = APIRouter(tags=["panel"])

YearQuery = Annotated[int | None, Query(ge=1, le=9999, description="A calendar year.")]


@router.get("/panel", summary="Country-year panel: one row per actor, framework and year")
async def get_panel(
    registry: RegistryDep,
    first: Annotated[int, Query(alias="from", ge=1, le=9999, description="First year.")] = 1949,
    last: Annotated[YearQuery, Query(alias="to")] = None,
    framework: Annotated[list[str] | None, Query(description="Only these (repeatable).")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same rows as `allied export panel`: jan1, dec31, whole_year, suspended_dec31."""
    rows = country_years(
        registry,
        first=first,
        last=last if last is not None else PartialDate.today().year,
        frameworks=framework or None,
    )
    records = [{column: getattr(row, column) for column in PANEL_COLUMNS} for row in rows]
    return answer(records, fmt=format, columns=PANEL_COLUMNS)
