"""ETag, Cache-Control and a byte-bounded cache for answers that change only with the data.

The reference data is loaded once per process, so an answer depends only on
the data files, the path, the query's parameters and — for questions without a
date — today's date. The ETag hashes those four, with the parameters in their
canonical form (decoded, then ordered by name), so `?on=2004&format=csv` and
`?format=csv&on=%32004` share one tag and one cache entry. A matching
`If-None-Match` is answered `304` before any route runs.

The last 200 answers are kept whole under that key, within a budget of bytes
(bodies, headers and keys, plus a fixed allowance per entry), least recently
used first out, so a client sending junk parameters cannot grow the process.
An answer that says it depends on the request (`Vary` other than
`Accept-Encoding`, its own `Cache-Control`, or `Set-Cookie`) is neither tagged
nor kept. Compression runs outside this layer, so a kept answer is gzipped
afresh for each client that asks for it; the ETag is weak (`W/"…"`) because the
gzipped and the plain answer are equivalent, not byte-identical.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allied.families import NAMES, Dataset, filename

CACHE_CONTROL = b"public, max-age=300"
#: The cache's budget in bytes, and the largest single answer worth keeping in it.
CACHE_BUDGET = 32 << 20
CACHE_LARGEST = CACHE_BUDGET // 16
#: What one entry costs beyond the bytes counted: its Python objects take about 350 bytes
#: more (tracemalloc, 10,000 small answers: 523 bytes each, 180 of them counted).
ENTRY_OVERHEAD = 1024
#: Response headers by which a route says its answer is not the same for everyone.
_PERSONAL = (b"cache-control", b"set-cookie")
#: Paths whose answers depend on who asks (cooperation): never tagged, kept or answered 304.
UNTAGGED = ("/static", "/api/v1/coop", "/coop")


def data_fingerprint(dataset: Dataset, data_dir: str | None) -> str:
    """A hash of the data files in `data_dir`, or of the loaded dataset when none is given."""
    digest = hashlib.sha256()
    if data_dir is not None:
        for name in NAMES:
            path = os.path.join(data_dir, filename(name))
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    else:
        digest.update(repr(dataset).encode("utf-8"))
    return digest.hexdigest()[:16]


def canonical_query(query_string: bytes) -> str:
    """Re-encode a query as the routes read it: decoded pairs, ordered by name.

    Values of a repeated name keep their order, since a route may read them as a
    list. Decoding is Starlette's own (latin-1 bytes, then UTF-8 percent-escapes).

    >>> canonical_query(b"on=2004&format=csv&on=%32005")
    'format=csv&on=2004&on=2005'
    """
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """Whether an `If-None-Match` list names `etag` (weak comparison, `*` for any)."""
    opaque = etag.removeprefix(b"W/")
    for candidate in if_none_match.split(b","):
        candidate = candidate.strip()
        if candidate == b"*" or candidate.removeprefix(b"W/") == opaque:
            return True
    return False


@dataclass(frozen=True)
class Answer:
    """One kept 200 answer: its status line's headers and its body."""

    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    @property
    def size(self) -> int:
        """The bytes this entry holds, with the per-entry allowance."""
        return ENTRY_OVERHEAD + len(self.body) + sum(len(k) + len(v) for k, v in self.headers)


class AnswerCache:
    """Whole answers by ETag, least recently used out first, within `budget` bytes."""

    def __init__(self, *, budget: int = CACHE_BUDGET, largest: int = CACHE_LARGEST) -> None:
        self.budget = budget
        self.largest = largest
        self.size = 0
        self._answers: OrderedDict[bytes, Answer] = OrderedDict()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, etag: bytes) -> Answer | None:
        """The answer kept under `etag`, now the most recently used, or None."""
        answer = self._answers.get(etag)
        if answer is not None:
            self._answers.move_to_end(etag)
        return answer

    def keep(self, etag: bytes, answer: Answer) -> None:
        """Keep `answer` unless it alone would take more than `largest` bytes."""
        cost = answer.size + len(etag)
        if cost > self.largest:
            return
        previous = self._answers.pop(etag, None)
        if previous is not None:
            self.size -= previous.size + len(etag)
        self._answers[etag] = answer
        self.size += cost
        while self.size > self.budget:
            oldest, dropped = self._answers.popitem(last=False)
            self.size -= dropped.size + len(oldest)


class ETagMiddleware:
    """Tag GET answers outside `/static`, keep them, and answer revalidations with `304`."""

    def __init__(self, app: ASGIApp, *, fingerprint: str, cache: AnswerCache | None = None) -> None:
        self.app = app
        self.fingerprint = fingerprint
        self.answers = cache if cache is not None else AnswerCache()

    def tag(self, scope: Scope) -> bytes:
        """The weak ETag of the answer to `scope`: data, today, path, canonical query."""
        key = "\0".join(
            (
                self.fingerprint,
                _dt.date.today().isoformat(),
                scope["path"],
                canonical_query(scope.get("query_string", b"")),
            )
        )
        return b'W/"' + hashlib.blake2b(key.encode(), digest_size=10).hexdigest().encode() + b'"'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"].startswith(UNTAGGED)
        ):
            await self.app(scope, receive, send)
            return
        etag = self.tag(scope)
        for name, value in scope["headers"]:
            if name == b"if-none-match" and matches(value, etag):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 304,
                        "headers": [(b"etag", etag), (b"cache-control", CACHE_CONTROL)],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return

        kept = self.answers.get(etag) if scope["method"] == "GET" else None
        if kept is not None:
            # Fresh lists: the layers outside (gzip) edit the headers they are sent.
            start = {"type": "http.response.start", "status": 200, "headers": list(kept.headers)}
            await send(start)
            await send({"type": "http.response.body", "body": kept.body})
            return
        await self._answer(scope, receive, send, etag)

    async def _answer(self, scope: Scope, receive: Receive, send: Send, etag: bytes) -> None:
        headers: tuple[tuple[bytes, bytes], ...] | None = None
        chunks: list[bytes] = []
        held = 0

        async def tagged(message: Message) -> None:
            nonlocal headers, held
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                if message["status"] == 200 and is_shared(raw):
                    raw += [(b"etag", etag), (b"cache-control", CACHE_CONTROL)]
                    headers = tuple(raw)
                message = {**message, "headers": raw}
            elif message["type"] == "http.response.body" and headers is not None:
                chunks.append(message.get("body", b""))
                held += len(chunks[-1])
                if held > self.answers.largest:
                    headers = None  # too large to keep: stop holding it
                    chunks.clear()
                elif not message.get("more_body", False) and scope["method"] == "GET":
                    self.answers.keep(etag, Answer(headers, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, tagged)


def is_shared(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether an answer with these headers is the same for every client."""
    for name, value in headers:
        name = name.lower()
        if name in _PERSONAL:
            return False
        if name == b"vary" and any(
            part.strip().lower() != b"accept-encoding" for part in value.split(b",")
        ):
            return False
    return True
