"""What every cooperation route shares: private answers, ETags, and `If-Match` parsing.

Cooperation answers depend on who asks, so each carries `Cache-Control:
private, no-store` and `Vary: Authorization, Cookie` (the app's shared answer
cache leaves them alone). An object's ETag is its version; a write to it must
send `If-Match` with that ETag: a missing one is 428, a stale one 412.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header
from starlette.responses import Response

from allied.answer import Answer
from allied.cooperation.errors import InvalidInput, VersionRequired
from allied.web.responses import Format, respond

PRIVATE = {"Cache-Control": "private, no-store", "Vary": "Authorization, Cookie"}
IfMatch = Annotated[str | None, Header(description="The ETag the write is based on.")]


def private(
    answer: Answer, fmt: Format = "json", *, version: int | None = None, status: int = 200
) -> Response:
    """The answer, marked private, with its ETag when it is one versioned object."""
    response = respond(answer, fmt)
    response.status_code = status
    response.headers.update(PRIVATE)
    if version is not None:
        response.headers["ETag"] = etag(version)
    return response


def etag(version: int) -> str:
    """The ETag of an object's version."""
    return f'"v{version}"'


def expected_version(if_match: str | None) -> int:
    """The version an `If-Match` header names; 428 when absent, 422 when malformed."""
    if if_match is None:
        raise VersionRequired('send If-Match with the ETag you read (e.g. If-Match: "v1")')
    found = re.fullmatch(r'\s*(?:W/)?"v(\d{1,9})"\s*', if_match)
    if found is None:
        raise InvalidInput(f'If-Match must be an ETag such as "v3", not {if_match!r}')
    return int(found.group(1))
