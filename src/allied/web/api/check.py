"""`/check`: find the claims a text makes about NATO and judge each against the registry."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.checking import TEXT_LIMIT
from allied.claims import CheckAnswer
from allied.web.contract import answers
from allied.web.deps import FormatQuery
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
        (400, "A body that does not parse, a field of the wrong type, a lone surrogate"),
        (413, f"A text over {TEXT_LIMIT:,} bytes, or a request over {MAX_BODY:,} bytes"),
        (415, "Not JSON or a form, or a file other than .txt, .html or .md"),
        (
            422,
            "No text, an empty, binary or non-UTF-8 text, a bad as_of, or a check past "
            "the time limit (`check-timed-out`)",
        ),
        (429, "Every check worker is busy: try again after `Retry-After` seconds"),
    )
}


@router.post(
    "/check",
    summary="Which claims of a text about NATO are still true",
    openapi_extra={"requestBody": REQUEST_BODY},
    responses={**_ERRORS, **answers(CheckAnswer)},
)
async def check(request: Request, format: FormatQuery = "json") -> Response:
    """The same answer as `allied check FILE --format json` (see docs/claims.md).

    Send `{"text": "...", "as_of": "YYYY-MM-DD"}` as JSON, or a form with a
    `file` (.txt, .html, .md) or a `text` field, and optionally `as_of`. A text
    is at most 2 MiB of UTF-8; a check past the time limit answers 422, and one
    sent while every worker is busy 429 with `Retry-After`.
    """
    sent = await check_submission(await read_submission(request), request)
    response = respond(sent.answer(), format, document=sent.document)
    response.headers["Cache-Control"] = "no-store"
    return response
