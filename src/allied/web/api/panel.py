"""`/panel` and `/panel/wide`: country-year panels, as `allied export panel` writes them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.questions.panel import Panel, WidePanel, panel, wide_panel
from allied.state_years import Coding, Rule
from allied.web.contract import answers
from allied.web.deps import FormatQuery, LimitQuery, OffsetQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["panel"])


@router.get(
    "/panel",
    summary="Country-year panel: one row per actor, framework and year",
    responses=answers(Panel),
)
async def get_panel(
    registry: RegistryDep,
    first: Annotated[int, Query(alias="from", ge=1, le=9999, description="First year.")] = 1949,
    last: Annotated[
        int | None, Query(alias="to", ge=1, le=9999, description="Last year (default: this year).")
    ] = None,
    framework: Annotated[list[str] | None, Query(description="Only these (repeatable).")] = None,
    offset: OffsetQuery = 0,
    limit: LimitQuery = None,
    format: FormatQuery = "json",
) -> Response:
    """The same rows as `allied export panel`: jan1, dec31, whole_year, suspended_dec31."""
    rows = panel(registry, first=first, last=last, frameworks=framework,
                           offset=offset, limit=limit)  # fmt: skip
    return respond(rows, format)


@router.get(
    "/panel/wide",
    summary="State-year panel in COW IGO's layout: one coded column per framework",
    responses=answers(WidePanel),
)
async def get_wide_panel(
    registry: RegistryDep,
    first: Annotated[int, Query(alias="from", ge=1, le=9999, description="First year.")] = 1949,
    last: Annotated[
        int | None, Query(alias="to", ge=1, le=9999, description="Last year (default: this year).")
    ] = None,
    framework: Annotated[list[str] | None, Query(description="Only these (repeatable).")] = None,
    rule: Annotated[
        Rule, Query(description="When a year counts (any_day: COW IGO's).")
    ] = "any_day",
    coding: Annotated[Coding, Query(description="numeric codes or their words.")] = "numeric",
    format: FormatQuery = "json",
) -> Response:
    """The same rows as `allied export panel --wide`; `codes` is the legend."""
    answer = wide_panel(registry, first=first, last=last, frameworks=framework, rule=rule,
                        coding=coding)  # fmt: skip
    return respond(answer, format)
