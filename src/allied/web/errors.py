"""Every error becomes `{"error": {"code", "message"}}` with a 4xx status.

Library errors keep their class as the code (`UnknownActor` → `unknown-actor`);
FastAPI's validation errors are rewritten into the same shape. HTML pages get
the same status with a small error page instead.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import Response

from allied.checking import TooManyClaims
from allied.claims import DocumentError, DocumentTooLarge
from allied.errors import (
    AlliedError,
    AmbiguousName,
    InvalidDate,
    InvalidPeriod,
    InvalidQuery,
    NotRecorded,
    OutsideLifetime,
    UnknownActor,
    UnknownEvent,
    UnknownFramework,
    UnknownOperation,
    UnknownSource,
)
from allied.web.checkpool import ChecksBusy, CheckTimedOut
from allied.web.submission import (
    InvalidSubmission,
    MissingText,
    UnsupportedFileType,
    UnsupportedMediaType,
)

_STATUS: tuple[tuple[type[AlliedError], int], ...] = (
    (UnknownActor, 404),
    (UnknownFramework, 404),
    (UnknownSource, 404),
    (UnknownEvent, 404),
    (UnknownOperation, 404),
    (NotRecorded, 404),
    (AmbiguousName, 400),
    (InvalidDate, 422),
    (InvalidPeriod, 422),
    (InvalidQuery, 422),
    (OutsideLifetime, 422),
    (DocumentTooLarge, 413),
    (ChecksBusy, 429),
    (CheckTimedOut, 422),
    (TooManyClaims, 422),
    (DocumentError, 422),
    (UnsupportedMediaType, 415),
    (UnsupportedFileType, 415),
    (MissingText, 422),
    (InvalidSubmission, 400),
)
_HTTP_CODES = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable"}
_log = logging.getLogger("allied.web")


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a one-line message."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every 4xx answer."""

    error: ErrorDetail


#: The error body, for the OpenAPI document of every route.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "model": ErrorBody}
    for status, text in (
        (400, "Ambiguous name"),
        (404, "Unknown actor, framework, operation or source"),
        (422, "Invalid parameter or date"),
    )
}


def status_of(error: AlliedError) -> int:
    """The HTTP status for a library error: 404 unknown, 422 invalid, 400 otherwise."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 400


def code_of(error: Exception) -> str:
    """`UnknownActor` → `unknown-actor`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type(error).__name__).lower()


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The JSON error body under `/api`, an HTML page elsewhere."""
    if request.url.path.startswith("/api") or request.query_params.get("format") in ("json", "csv"):
        body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)
        return Response(body, status_code=status, media_type="application/json")
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "code": code, "message": message},
        status_code=status,
    )
    return page


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "query")
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one body shape."""

    @app.exception_handler(AlliedError)
    async def on_allied_error(request: Request, error: AlliedError) -> Response:
        response = error_response(request, status_of(error), code_of(error), str(error))
        if isinstance(error, ChecksBusy):
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid-parameter", _validation_message(error))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        code = _HTTP_CODES.get(error.status_code, "http-error")
        response = error_response(request, error.status_code, code, str(error.detail))
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(Exception)
    async def on_crash(request: Request, error: Exception) -> Response:
        _log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal-error", "internal error")
