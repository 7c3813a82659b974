"""ETag and Cache-Control for answers that change only when the data does.

The reference data is loaded once per process, so an answer depends only on
the data files, the URL and — for questions without a date — today's date.
The ETag hashes those three; a matching `If-None-Match` is answered `304`
before any route runs, and the last answers are kept (a bounded LRU of whole
200 responses under that same key), so a repeated question skips the routes.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allied.dataset import SCHEMAS, Dataset

CACHE_CONTROL = b"public, max-age=300"
#: How many whole answers to keep, and the largest one worth keeping.
CACHE_ENTRIES = 512
CACHE_MAX_BYTES = 1 << 20


def data_fingerprint(dataset: Dataset, data_dir: str | None) -> str:
    """A hash of the data files in `data_dir`, or of the loaded dataset when none is given."""
    digest = hashlib.sha256()
    if data_dir is not None:
        for schema in SCHEMAS:
            path = os.path.join(data_dir, schema.filename)
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    else:
        digest.update(repr(dataset).encode("utf-8"))
    return digest.hexdigest()[:16]


class ETagMiddleware:
    """Tag GET answers outside `/static` and answer revalidations with `304`."""

    def __init__(self, app: ASGIApp, *, fingerprint: str) -> None:
        self.app = app
        self.fingerprint = fingerprint
        self.answers: OrderedDict[bytes, tuple[Message, bytes]] = OrderedDict()

    def tag(self, scope: Scope) -> bytes:
        key = "\0".join(
            (
                self.fingerprint,
                _dt.date.today().isoformat(),
                scope["path"],
                scope.get("query_string", b"").decode("latin-1"),
            )
        )
        return b'"' + hashlib.blake2b(key.encode(), digest_size=10).hexdigest().encode() + b'"'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"].startswith("/static")
        ):
            await self.app(scope, receive, send)
            return
        etag = self.tag(scope)
        for name, value in scope["headers"]:
            if name == b"if-none-match" and etag in value:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 304,
                        "headers": [(b"etag", etag), (b"cache-control", CACHE_CONTROL)],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return

        if scope["method"] == "GET":
            kept = self.answers.get(etag)
            if kept is not None:
                self.answers.move_to_end(etag)
                await send(kept[0])
                await send({"type": "http.response.body", "body": kept[1]})
                return
        start: Message | None = None
        chunks: list[bytes] = []

        async def tagged(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [
                    *message.get("headers", []),
                    (b"etag", etag),
                    (b"cache-control", CACHE_CONTROL),
                ]
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(scope, etag, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, tagged)

    def _keep(self, scope: Scope, etag: bytes, start: Message, body: bytes) -> None:
        if scope["method"] != "GET" or len(body) > CACHE_MAX_BYTES:
            return
        self.answers[etag] = (start, body)
        if len(self.answers) > CACHE_ENTRIES:
            self.answers.popitem(last=False)
