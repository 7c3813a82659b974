"""`/check`: paste or upload a text about NATO and see each claim highlighted by verdict."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.claims import VERDICTS, CheckReport
from allied.errors import AlliedError
from allied.registry import Registry
from allied.web.deps import RegistryDep
from allied.web.errors import code_of, status_of
from allied.web.highlight import passages
from allied.web.responses import page
from allied.web.submission import Submission, check_submission, read_submission

router = APIRouter()

TWIN = "/api/v1/check"


@router.get("/check")
async def check_form(request: Request) -> Response:
    return _render(request, {})


@router.post("/check")
async def check_page(request: Request, registry: RegistryDep) -> Response:
    sent = Submission(data="")
    try:
        sent = await read_submission(request)
        report = await check_submission(sent, registry)
    except AlliedError as error:
        # Show the form again, with what was typed and why it was refused.
        failed = {"error": {"code": code_of(error), "message": str(error)}}
        return _render(request, {**failed, "sent": sent}, status=status_of(error))
    return _render(request, {"sent": sent, **_result(report, registry)})


def _result(report: CheckReport, registry: Registry) -> dict[str, Any]:
    document = report.as_document()
    cited = sorted({s for claim in document["claims"] for s in claim["sources"]})
    return {
        "report": document,
        "passages": passages(report.plain, document["claims"]),
        "counts": {verdict: report.count(verdict) for verdict in VERDICTS},
        "sources": [registry.source(s) for s in cited],
    }


def _render(request: Request, context: dict[str, Any], *, status: int = 200) -> Response:
    response = page(request, "check.html", {"verdicts": VERDICTS, **context}, twin=TWIN)
    response.status_code = status
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
    return response
