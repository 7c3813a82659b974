"""HTTP around the routes: HEAD wherever GET, read-only CORS, relative slash redirects,
the data version on every answer.

Each is a small ASGI middleware that never reads `Host`, so no answer depends
on the name a client used to reach the server.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allied.version import DATA_VERSION, DATA_VERSION_HEADER

#: What a cross-origin script may do under the API: read, never write.
CORS_METHODS = b"GET, HEAD, OPTIONS"
#: Request headers a cross-origin reader may send (beyond the CORS-safelisted ones).
CORS_REQUEST_HEADERS = b"Accept, If-None-Match"
#: Response headers a cross-origin reader may see (beyond the CORS-safelisted ones).
CORS_EXPOSED_HEADERS = b"ETag, Link, Content-Length, " + DATA_VERSION_HEADER.encode("ascii")
CORS_MAX_AGE = b"86400"
_READ = ("GET", "HEAD")
#: Characters left as they are when a decoded path goes back into a `Location`.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


class HeadMiddleware:
    """Answer `HEAD` as the app answers `GET`: same status and headers, no body.

    The request goes through as a GET, so a route, the ETag layer and gzip each
    see the request they know; only the body is dropped on the way out.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headless(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headless)


class CORSMiddleware:
    """Let any origin read under `prefix` (GET, HEAD and their preflight), without credentials.

    The headers are the same whatever the request's `Origin`, so an answer never
    depends on it and shared caches need no `Vary: Origin`. Other methods (the
    `POST` of `/check`) get no CORS headers: browsers keep them same-origin.
    """

    def __init__(self, app: ASGIApp, *, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    def covers(self, path: str) -> bool:
        """Whether `path` is the prefix or below it."""
        return path == self.prefix or path.startswith(self.prefix + "/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.covers(scope["path"]):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS":
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        (b"allow", CORS_METHODS),
                        (b"access-control-allow-origin", b"*"),
                        (b"access-control-allow-methods", CORS_METHODS),
                        (b"access-control-allow-headers", CORS_REQUEST_HEADERS),
                        (b"access-control-max-age", CORS_MAX_AGE),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        if method not in _READ:
            await self.app(scope, receive, send)
            return

        async def shared(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"access-control-allow-origin", b"*"),
                        (b"access-control-expose-headers", CORS_EXPOSED_HEADERS),
                    ],
                }
            await send(message)

        await self.app(scope, receive, shared)


class SlashMiddleware:
    """Redirect `/path/` to `/path` (307) with a relative `Location`, never built from `Host`.

    Starlette's own redirect writes `Host` into an absolute URL; this one keeps
    the path only (percent-encoded again, leading slashes collapsed so the
    target can never name another host) and the query as it came.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "/")
        if scope["type"] != "http" or path == "/" or not path.endswith("/"):
            await self.app(scope, receive, send)
            return
        location = quote("/" + path.strip("/"), safe=_PATH_SAFE)
        if query := scope.get("query_string", b""):
            location += "?" + query.decode("latin-1")
        await send(
            {
                "type": "http.response.start",
                "status": 307,
                "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")],
            }
        )
        await send({"type": "http.response.body", "body": b""})


class DataVersionMiddleware:
    """Say on every answer which data it comes from: `X-Allied-Data-Version: 2026.12`."""

    _HEADER = (DATA_VERSION_HEADER.lower().encode("ascii"), DATA_VERSION.encode("ascii"))

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def versioned(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), self._HEADER]}
            await send(message)

        await self.app(scope, receive, versioned)
