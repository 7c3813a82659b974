"""`/accession` and `/accession/{candidate}`: enlargement, round by round and Ally by Ally."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.errors import NotRecorded
from allied.period import parse_date
from allied.questions.accession import accession_case, accession_cases, pending
from allied.web import charts
from allied.web.deps import OnQuery, RegistryDep
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter()


@router.get("/accession")
async def accession_page(request: Request, registry: RegistryDep) -> Response:
    context = {"cases": accession_cases(registry).document()["items"]}
    return page(request, "accession.html", context, twin="/api/v1/accession")


@router.get("/accession/{candidate}")
async def case_page(
    request: Request, candidate: str, registry: RegistryDep, on: OnQuery = None
) -> Response:
    case = accession_case(registry, candidate)
    document = case.document()
    when = parse_date(on) if on else (case.protocol_signed or parse_date(None))
    try:
        waiting = pending(registry, case.case.candidate, on=when).document()
    except NotRecorded:
        waiting = None
    steps = document["ratifications"] + document["not_applicable"]
    cited = sorted({s for step in steps for s in step["sources"]} | set(case.case.sources))
    context = {
        "case": document,
        "pending": waiting,
        "on": str(when),
        "chart": charts.ratifications(document["ratifications"], document["protocol_signed"]),
        "sources": [registry.source(s) for s in cited],
    }
    twin = with_query(f"/api/v1/accession/{case.case.candidate}/pending", {"on": str(when)})
    if waiting is None:
        twin = f"/api/v1/accession/{case.case.candidate}"
    return page(request, "accession_case.html", context, twin=twin)
