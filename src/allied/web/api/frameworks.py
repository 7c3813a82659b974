"""`/frameworks`: the list on a date, one framework, its members on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from allied import documents
from allied.model import FULL_ROLES
from allied.period import parse_date
from allied.web.deps import FormatQuery, OnQuery, RegistryDep, RoleChoice
from allied.web.responses import answer

router = APIRouter(tags=["frameworks"])

FRAMEWORK_COLUMNS = ("slug", "name", "kind", "start", "end", "replaced_by", "founding_source")
MEMBER_COLUMNS = ("actor", "name", "role", "status", "start", "end", "uncertain", "sources")


@router.get("/frameworks", summary="Frameworks in existence on a date")
async def list_frameworks(
    registry: RegistryDep,
    on: OnQuery = None,
    all: Annotated[bool, Query(description="Every framework, whatever the date.")] = False,
    format: FormatQuery = "json",
) -> Response:
    """Frameworks that existed on `on` (default today), or `all` of them, by slug."""
    found = registry.all_frameworks() if all else registry.frameworks(on=on)
    return answer(documents.frameworks_document(found), fmt=format, columns=FRAMEWORK_COLUMNS)


@router.get("/frameworks/{slug}", summary="One framework, its founding document and sources")
async def get_framework(slug: str, registry: RegistryDep) -> Response:
    """A framework by slug, name or alias, with its members over time."""
    framework = registry.framework(slug)
    return answer(documents.framework_document(registry, framework))


@router.get("/frameworks/{slug}/members", summary="Who was in a framework on a date")
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
    """The same answer as `allied members SLUG --on DATE --format json`."""
    framework = registry.framework(slug)
    when = parse_date(on)
    roles = _roles(role)
    standings = registry.members(framework.slug, on=when, roles=roles)
    document = documents.members_document(framework, when, standings)
    return answer(document, fmt=format, rows=document["members"], columns=MEMBER_COLUMNS)


def _roles(requested: list[str] | None) -> tuple[str, ...] | None:
    if not requested:
        return FULL_ROLES
    if "all" in requested:
        return None
    return tuple(requested)
