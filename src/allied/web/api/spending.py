"""`/spending`: NATO's defence-expenditure figures release by release, and the guidelines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.responses import Response

from allied.model import Measure
from allied.questions.spending import (
    AllySpending,
    GuidelineCounts,
    ReleaseList,
    Revisions,
    SpendingAnswer,
    ally_spending,
    guideline_counts,
    releases,
    revisions,
    spending,
)
from allied.web.contract import answers
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.responses import respond

router = APIRouter(tags=["spending"])

ReleaseQuery = Annotated[
    str | None,
    Query(
        description="The latest release published by this date (YYYY, YYYY-MM, YYYY-MM-DD) "
        "or a release id; default: the latest.",
        max_length=10,
    ),
]
YearQuery = Annotated[int | None, Query(ge=1949, le=2100, description="Only this year.")]
AllyPath = Annotated[str, Path(description="An Ally's code or name; `NATO` for the total.")]


@router.get(
    "/spending",
    summary="Defence expenditure as one release printed it, one row per Ally and year",
    responses=answers(SpendingAnswer),
)
async def list_spending(
    registry: RegistryDep,
    ally: Annotated[str | None, Query(description="Only this Ally (code or name).")] = None,
    year: YearQuery = None,
    release: ReleaseQuery = None,
    measure: Annotated[Measure | None, Query(description="Only rows giving it.")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied spending [--ally A] [--year Y] [--release D] [--measure M]`."""
    answer = spending(registry, ally=ally, year=year, release=release, measure=measure)
    return respond(answer, format)


@router.get(
    "/spending/guidelines",
    summary="How many Allies met each guideline in each year, against the rule in force",
    responses=answers(GuidelineCounts),
)
async def list_guideline_counts(
    registry: RegistryDep,
    year: YearQuery = None,
    release: ReleaseQuery = None,
    guideline: Annotated[str | None, Query(description="Only this guideline (id).")] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied spending guidelines [--year Y] [--release D]`."""
    answer = guideline_counts(registry, year=year, release=release, guideline=guideline)
    return respond(answer, format)


@router.get(
    "/spending/releases",
    summary="Every release of NATO's defence-expenditure tables",
    responses=answers(ReleaseList),
)
async def list_releases(registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied spending releases`."""
    return respond(releases(registry), format)


@router.get(
    "/spending/revisions/{ally}/{year}",
    summary="One figure in every release that prints it",
    responses=answers(Revisions),
)
async def list_revisions(
    ally: AllyPath,
    year: Annotated[int, Path(ge=1949, le=2100, description="The year, as NATO labels it.")],
    registry: RegistryDep,
    measure: Annotated[Measure, Query(description="The measure.")] = "pct_gdp",
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied spending revisions ALLY YEAR [--measure M]`."""
    return respond(revisions(registry, ally, year, measure=measure), format)


@router.get(
    "/spending/allies/{ally}",
    summary="One Ally's figures, standing against each rule, and path to the target",
    responses=answers(AllySpending),
)
async def get_ally_spending(
    ally: AllyPath,
    registry: RegistryDep,
    release: ReleaseQuery = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied spending ally ALLY [--release D]`."""
    return respond(ally_spending(registry, ally, release=release), format)
