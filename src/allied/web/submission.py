"""A text to check, as a request sends it: JSON, or a form with a textarea or a file.

`POST /api/v1/check` and the `/check` page both read their input here, so both
accept the same things and refuse bad input with the same errors. Only the
request is decoded here; the text itself (empty, binary, not UTF-8, too large)
is judged by `allied.claims.check_text`.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from allied import checking
from allied.checking import TEXT_LIMIT, SentCheck, refuse_oversized
from allied.claims import DocumentTooLarge
from allied.claims.document import Markup
from allied.errors import AlliedError
from allied.web.checkpool import CheckPool

#: The largest request body read: a text of `TEXT_LIMIT` may grow in JSON escaping.
MAX_BODY = 2 * TEXT_LIMIT + 64 * 1024
#: The files a form may upload, and the markup each stands for.
FILE_TYPES: dict[str, Markup] = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown"}
MEDIA_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")


class SubmissionError(AlliedError, ValueError):
    """A request to check a text cannot be read: the message says why."""


class UnsupportedMediaType(SubmissionError):
    """The request body is neither JSON nor a form."""


class UnsupportedFileType(SubmissionError):
    """The uploaded file is not .txt, .html or .md."""


class MissingText(SubmissionError):
    """The request has neither a text nor a file."""


class InvalidSubmission(SubmissionError):
    """The body is malformed: JSON that does not parse, a broken form, a field of the wrong type."""


@dataclass(frozen=True)
class Submission:
    """What to check: the text or the file's bytes, its markup, and the as-of date if given."""

    data: str | bytes
    markup: Markup = "auto"
    as_of: str | None = None
    #: The text typed in (not a file's), so that a form can show it again.
    typed: str = ""


async def check_submission(sent: Submission, request: Request) -> SentCheck:
    """Check what was sent in one of the app's worker processes (`allied.web.checkpool`).

    A text over the limit is refused here, before it reaches a worker.
    """
    limit = checking.TEXT_LIMIT
    refuse_oversized(sent.data, limit)
    pool: CheckPool = request.app.state.checks
    return await pool.check(data=sent.data, as_of=sent.as_of, markup=sent.markup, max_bytes=limit)


async def read_submission(request: Request) -> Submission:
    """Decode a JSON body `{"text", "as_of"}` or a form with `text` or `file`, and `as_of`.

    Raises a `SubmissionError` for a body that is not JSON or a form, that does
    not parse, or that has no text, and `DocumentTooLarge` past `MAX_BODY`.
    """
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPES:
        raise UnsupportedMediaType(
            f"send JSON or a form (multipart/form-data), not {media_type or 'no content type'}"
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise DocumentTooLarge(_too_large(int(declared)))
    body = _capped(request)
    if media_type == "application/json":
        return _from_json(b"".join([chunk async for chunk in body]))
    return await _from_form(await _parse_form(request, media_type, body))


async def _capped(request: Request) -> AsyncGenerator[bytes, None]:
    """The body's chunks, stopping with `DocumentTooLarge` once past `MAX_BODY`."""
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > MAX_BODY:
            raise DocumentTooLarge(_too_large(seen, at_least=True))
        yield chunk


def _from_json(body: bytes) -> Submission:
    if not body.strip():
        raise InvalidSubmission('the body is empty: send {"text": "...", "as_of": ...}')
    try:
        value: Any = json.loads(body)
    except (UnicodeDecodeError, ValueError) as error:
        raise InvalidSubmission(f"the body is not valid JSON: {error}") from None
    except RecursionError:
        raise InvalidSubmission("the body is not valid JSON: it is nested too deeply") from None
    if not isinstance(value, dict):
        raise InvalidSubmission('the body must be a JSON object: {"text": "...", "as_of": ...}')
    text, as_of = value.get("text"), value.get("as_of")
    if text is None:
        raise MissingText('the JSON body has no "text"')
    if not isinstance(text, str):
        raise InvalidSubmission('"text" must be a string')
    if as_of is not None and not isinstance(as_of, str):
        raise InvalidSubmission('"as_of" must be a string YYYY-MM-DD or null')
    for name, field in (("text", text), ("as_of", as_of or "")):
        try:
            field.encode("utf-8")
        except UnicodeEncodeError as error:
            raise InvalidSubmission(
                f'"{name}" holds a lone surrogate (\\u{ord(field[error.start]):04x}) '
                f"at character {error.start}: it is not Unicode text"
            ) from None
    return Submission(data=text, as_of=as_of or None, typed=text)


async def _parse_form(
    request: Request, media_type: str, body: AsyncGenerator[bytes, None]
) -> FormData:
    # A field may be as large as the body: check_text says when a text is too large.
    limit = MAX_BODY
    try:
        if media_type == "multipart/form-data":
            parser = MultiPartParser(
                request.headers, body, max_files=1, max_fields=8, max_part_size=limit
            )
            return await parser.parse()
        return await FormParser(request.headers, body, max_fields=8, max_part_size=limit).parse()
    except MultiPartException as error:
        raise InvalidSubmission(f"the form cannot be read: {error.message}") from None


async def _from_form(form: FormData) -> Submission:
    try:
        return await _read_form(form)
    finally:
        await form.close()  # removes the spooled file


async def _read_form(form: FormData) -> Submission:
    as_of = _field(form, "as_of").strip() or None
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:  # a file input left empty has none
        suffix = os.path.splitext(upload.filename)[1].lower()
        if suffix not in FILE_TYPES:
            raise UnsupportedFileType(
                f"cannot check {upload.filename!r}: upload a .txt, .html or .md file"
            )
        limit = checking.TEXT_LIMIT
        if upload.size is not None and upload.size > limit:
            raise DocumentTooLarge(
                f"{upload.filename} is {upload.size:,} bytes; the limit is {limit:,}"
            )
        data = await upload.read(limit + 1)
        return Submission(data=data, markup=FILE_TYPES[suffix], as_of=as_of)
    text = _field(form, "text")
    if not text:
        raise MissingText("type a text or choose a file to check")
    return Submission(data=text, as_of=as_of, typed=text)


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise InvalidSubmission(f"the form field {name!r} must be text, not a file")
    return value


def _too_large(size: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"the request is {more}{size:,} bytes; the limit is {MAX_BODY:,}"
