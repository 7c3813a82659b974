"""`/check`: find the claims a text makes about NATO and judge each against the registry."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.claims import CheckAnswer
from allied.web.contract import answers
from allied.web.deps import FormatQuery, RegistryDep
from allied.web.errors import ErrorBody
from allied.web.responses import respond
from allied.web.submission import MAX_BODY, check_submission, read_submission

router = APIRouter(tags=["check"])

_AS_OF = {
    "type": "string",
    "description": "The day to judge the claims on (YYYY-MM-DD); default: the date the text "
    "states, else today.",
    "example": "2021-07-01",
}
#: The body is read by hand (JSON or a form), so its schema is declared here.
REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "description": "Plain text, HTML or Markdown."},
                    "as_of": {**_AS_OF, "nullable": True},
                },
            },
            "example": {"text": "NATO now has 30 members.", "as_of": "2021-07-01"},
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "A .txt, .html or .md file, UTF-8.",
                    },
                    "text": {"type": "string", "description": "The text, if no file is sent."},
                    "as_of": _AS_OF,
                },
            }
        },
    },
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "model": ErrorBody}
    for status, text in (
        (400, "A body that does not parse"),
        (413, f"A text over the size limit, or a request over {MAX_BODY:,} bytes"),
        (415, "Not JSON or a form, or a file other than .txt, .html or .md"),
        (422, "No text, an empty, binary or non-UTF-8 text, or a bad as_of"),
    )
}


@router.post(
    "/check",
    summary="Which claims of a text about NATO are still true",
    openapi_extra={"requestBody": REQUEST_BODY},
    responses={**_ERRORS, **answers(CheckAnswer)},
)
async def check(request: Request, registry: RegistryDep, format: FormatQuery = "json") -> Response:
    """The same answer as `allied check FILE --format json` (see docs/claims.md).

    Send `{"text": "...", "as_of": "YYYY-MM-DD"}` as JSON, or a form with a
    `file` (.txt, .html, .md) or a `text` field, and optionally `as_of`.
    """
    report = await check_submission(await read_submission(request), registry)
    response = respond(report.answer(), format)
    response.headers["Cache-Control"] = "no-store"
    return response
