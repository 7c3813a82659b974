"""`/frameworks`: the list on a date, one framework, its members on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied.model import FULL_ROLES
from allied.questions.frameworks import FrameworkAnswer, FrameworkList, framework, frameworks
from allied.questions.roster import Roster, members
from allied.web.contract import answers
from allied.web.deps import FormatQuery, OnQuery, RegistryDep, RoleChoice
from allied.web.responses import respond

router = APIRouter(tags=["frameworks"])


@router.get(
    "/frameworks",
    summary="Frameworks in existence on a date",
    responses=answers(FrameworkList),
)
async def list_frameworks(
    registry: RegistryDep,
    on: OnQuery = None,
    all: Annotated[bool, Query(description="Every framework, whatever the date.")] = False,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied frameworks [--on DATE] [--all]`."""
    return respond(frameworks(registry, on=on, every=all), format)


@router.get(
    "/frameworks/{slug}",
    summary="One framework, its founding document and sources",
    responses=answers(FrameworkAnswer),
)
async def get_framework(slug: str, registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """A framework by slug, name or alias, with its members over time (the CSV's rows)."""
    return respond(framework(registry, slug), format)


@router.get(
    "/frameworks/{slug}/members",
    summary="Who was in a framework on a date",
    responses=answers(Roster),
)
async def list_members(
    slug: str,
    registry: RegistryDep,
    on: OnQuery = None,
    role: Annotated[
        list[RoleChoice] | None,
        Query(description=f"Roles (repeatable, or `all`); default {', '.join(FULL_ROLES)}."),
    ] = None,
    format: FormatQuery = "json",
) -> Response:
    """The same answer as `allied members SLUG [--on DATE] [--role ROLE]…`."""
    return respond(members(registry, slug, on=on, roles=role), format)
