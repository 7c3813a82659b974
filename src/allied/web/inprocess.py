"""Run one GET request through the app in this process, with no server or socket.

`allied serve --get PATH` uses it to print exactly what the server would send.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message


@dataclass(frozen=True)
class Reply:
    """A response as received: status, headers and body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


def get(app: ASGIApp, target: str) -> Reply:
    """Send `GET target` (a path with an optional query) to `app` and collect the reply."""
    return asyncio.run(_get(app, target))


async def _get(app: ASGIApp, target: str) -> Reply:
    parts = urlsplit(target)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path or "/",
        "raw_path": (parts.path or "/").encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
    }
    sent: list[Message] = []
    requested = False

    async def receive() -> Message:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # a client that never disconnects
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start.get("headers", [])]
    return Reply(status=start["status"], headers=headers, body=body)
