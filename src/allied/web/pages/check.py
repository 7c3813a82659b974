"""`/check`: paste or upload a text about NATO and see each claim highlighted by verdict."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from allied.checking import TEXT_LIMIT, SentCheck
from allied.claims import VERDICTS
from allied.errors import AlliedError
from allied.registry import Registry
from allied.web.checkpool import ChecksBusy
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
        checked = await check_submission(sent, request)
    except AlliedError as error:
        # Show the form again, with what was typed and why it was refused.
        failed = {"error": {"code": code_of(error), "message": str(error)}}
        response = _render(request, {**failed, "sent": sent}, status=status_of(error))
        if isinstance(error, ChecksBusy):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    # A text of many claims makes a long page: rendered off the event loop.
    return await run_in_threadpool(_render, request, {"sent": sent, **_result(checked, registry)})


def _result(checked: SentCheck, registry: Registry) -> dict[str, Any]:
    document = checked.document
    cited = sorted({s for claim in document["claims"] for s in claim["sources"]})
    return {
        "report": document,
        "passages": passages(checked.plain, document["claims"]),
        "lines": [checked.line_of(claim["start"]) for claim in document["claims"]],
        "counts": {verdict: checked.count(verdict) for verdict in VERDICTS},
        "sources": [registry.source(s) for s in cited],
    }


def _render(request: Request, context: dict[str, Any], *, status: int = 200) -> Response:
    context = {"verdicts": VERDICTS, "limit": TEXT_LIMIT, **context}
    response = page(request, "check.html", context, twin=TWIN)
    response.status_code = status
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
    return response
