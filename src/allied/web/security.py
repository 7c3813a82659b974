"""Security headers on every answer: a strict Content-Security-Policy and its companions.

Every script, style sheet and image the pages use is served from `/static`
(vendored, never from a CDN), JSON data travels in non-executable
`<script type="application/json">` blocks, and no page has inline scripts,
`style=` attributes or event-handler attributes, so the policy can forbid all
of them. A route that needs another policy sets its own header; this layer
adds only the headers an answer does not already carry.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


class SecurityHeadersMiddleware:
    """Add `SECURITY_HEADERS` to every HTTP answer that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [item for item in SECURITY_HEADERS if item[0] not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, guarded)
