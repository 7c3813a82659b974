"""Who is calling the cooperation routes: an API token, or a logged-in browser session.

`Authorization: Bearer TOKEN` authenticates an API client (no cookie, no
CSRF check: a browser never adds that header by itself). A browser logs in
with an e-mail and password (argon2, throttled) and holds a session cookie
signed by Starlette's `SessionMiddleware` (itsdangerous): `HttpOnly`,
`SameSite=Lax`, `Secure`. Every unsafe request authenticated by the session
must carry the session's CSRF token (form field `csrf` or header
`X-CSRF-Token`), compared in constant time. The public role sees the registry
only: every cooperation route refuses it.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Request

from allied.cooperation.context import Context
from allied.cooperation.errors import (
    CooperationDisabled,
    CSRFFailure,
    Forbidden,
    Unauthenticated,
)
from allied.cooperation.principal import Principal

SESSION_USER = "user"
SESSION_CSRF = "csrf"
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


def coop_context(request: Request) -> Context:
    """The cooperation services' context, or `CooperationDisabled`."""
    context = getattr(request.app.state, "coop", None)
    if context is None:
        raise CooperationDisabled("cooperation needs a database: allied serve --db URL")
    return context  # type: ignore[no-any-return]


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get(SESSION_CSRF)
    if not token:
        token = request.session[SESSION_CSRF] = secrets.token_urlsafe(32)
    return str(token)


def check_csrf(request: Request, submitted: str | None) -> None:
    """Raise `CSRFFailure` unless `submitted` is the session's CSRF token."""
    expected = request.session.get(SESSION_CSRF) or ""
    if not submitted or not expected or not hmac.compare_digest(submitted, expected):
        raise CSRFFailure("missing or wrong CSRF token: reload the page and try again")


def bearer_token(request: Request) -> str | None:
    """The API token of `Authorization: Bearer TOKEN`; `None` without the header."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("send Authorization: Bearer TOKEN")
    return token.strip()


def optional_principal(request: Request) -> Principal | None:
    """The caller, from a bearer token or the session; `None` when anonymous."""
    from allied.cooperation.users import principal_of_id, principal_of_token

    context = coop_context(request)
    token = bearer_token(request)
    if token is not None:
        return principal_of_token(context.engine, token)
    user = request.session.get(SESSION_USER) if "session" in request.scope else None
    if user is None:
        return None
    if request.method in UNSAFE and request.url.path.startswith("/api/"):
        # The pages check the token their forms carry; API calls from a page send the header.
        check_csrf(request, request.headers.get("x-csrf-token"))
    try:
        return principal_of_id(context.engine, int(user))
    except Unauthenticated:
        request.session.clear()
        raise


def principal(request: Request) -> Principal:
    """The authenticated caller, not the public; `Unauthenticated` (401) or `Forbidden` (403)."""
    found = optional_principal(request)
    if found is None:
        raise Unauthenticated("log in, or send Authorization: Bearer TOKEN")
    if found.role == "public":
        raise Forbidden("the public sees the registry only")
    return found


PrincipalDep = Annotated[Principal, Depends(principal)]
ContextDep = Annotated[Context, Depends(coop_context)]
