"""Dependencies and query-parameter aliases shared by the routers."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from allied.registry import Registry
from allied.web.responses import Format

DATE_HELP = "A date: YYYY, YYYY-MM or YYYY-MM-DD (default: today)."


async def get_registry(request: Request) -> Registry:
    """The registry the app was created with (in memory: no thread needed)."""
    return request.app.state.registry  # type: ignore[no-any-return]


RegistryDep = Annotated[Registry, Depends(get_registry)]
OnQuery = Annotated[str | None, Query(description=DATE_HELP, max_length=10)]
FormatQuery = Annotated[Format, Query(description="`json` (default) or `csv`.")]
RoleQuery = Literal["member", "partner", "participant", "observer", "aspirant", "invitee"]
RoleChoice = Literal["member", "partner", "participant", "observer", "aspirant", "invitee", "all"]
OffsetQuery = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many items.")]
LimitQuery = Annotated[
    int | None, Query(ge=1, le=100_000, description="At most this many items (default: all).")
]
