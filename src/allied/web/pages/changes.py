"""`/diff` and `/events`: what changed between two dates, and when things happened."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from allied.model import EVENT_KINDS
from allied.period import parse_date
from allied.questions.changes import diff, events
from allied.web.deps import RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()
Text = Annotated[str | None, Query(max_length=40)]


@router.get("/diff")
async def diff_page(
    request: Request,
    registry: RegistryDep,
    start: Annotated[str, Query(alias="from", max_length=10)] = "2013-07-02",
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    framework: Text = None,
) -> Response:
    before, after = parse_date(start), parse_date(end)
    document = diff(registry, before, after, framework=framework or None).document()
    cited = list(dict.fromkeys(s for row in document["changes"] for s in row["sources"]))
    context = {
        "diff": document,
        "names": {fw.slug: fw.name for fw in registry.all_frameworks()},
        "framework": framework or "",
        "frameworks": registry.all_frameworks(),
        "sources": [registry.source(s) for s in cited],
    }
    query = {"from": str(before), "to": str(after), "framework": framework}
    return page(request, "diff.html", context, twin=with_query("/api/v1/diff", query))


@router.get("/events")
async def events_page(
    request: Request,
    registry: RegistryDep,
    kind: Text = None,
    start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
) -> Response:
    found = events(registry, kind=kind or None, start=start or None, end=end or None)
    rows = found.document()["items"]
    cited = sorted({s for row in rows for s in row["sources"]})
    context = {
        "events": rows,
        "kinds": EVENT_KINDS,
        "actor_names": {a.code: registry.name(a.code) for a in registry.dataset.actors},
        "kind": kind or "",
        "start": start or "",
        "end": end or "",
        "sources": [registry.source(s) for s in cited],
    }
    query = {"kind": kind, "from": start, "to": end}
    return page(request, "events.html", context, twin=with_query("/api/v1/events", query))
