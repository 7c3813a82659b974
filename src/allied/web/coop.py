"""Switch the cooperation part of the app on: its API routes, its pages and browser sessions.

Called by `create_app(…, coop_url=URL)` (`allied serve --db URL`): the schema
is brought up to date, the routes under `/api/v1/coop` and the pages under
`/coop` are added, and sessions are signed with `ALLIED_SECRET_KEY` (or a
random key per process, so a restart logs everyone out). Without a database
the app serves the registry alone, and neither SQLAlchemy nor argon2 is loaded.
"""

from __future__ import annotations

import os
import secrets

from fastapi import FastAPI

#: How long a browser session lasts.
SESSION_SECONDS = 8 * 3600
SESSION_COOKIE = "allied_session"


def install(app: FastAPI, url: str, *, secure_cookies: bool = True) -> None:
    """Add the cooperation routes, pages and session middleware to `app`, on the database `url`."""
    from starlette.middleware.sessions import SessionMiddleware

    from allied.cooperation.context import Context
    from allied.cooperation.users import LoginThrottle
    from allied.extras import require
    from allied.store import schema
    from allied.store.engine import create_engine, database_errors
    from allied.web import api
    from allied.web.api import coop_catalogue, coop_decisions, coop_programmes, coop_tokens
    from allied.web.contract import known_parameters_only, operation_id
    from allied.web.errors import ERROR_RESPONSES
    from allied.web.pages import coop as coop_pages
    from allied.web.pages import coop_forms

    require("coop", by="allied serve --db")
    engine = create_engine(url)
    with database_errors(engine):
        schema.upgrade(engine)
    app.state.coop = Context(engine, app.state.registry)
    app.state.login_throttle = LoginThrottle()
    from fastapi import APIRouter, Depends

    router = APIRouter(
        prefix=api.PREFIX,
        responses=ERROR_RESPONSES,
        dependencies=[Depends(known_parameters_only)],
        generate_unique_id_function=operation_id,
    )
    for module in (coop_catalogue, coop_programmes, coop_decisions, coop_tokens):
        router.include_router(module.router, generate_unique_id_function=operation_id)
    app.include_router(router)
    app.include_router(coop_pages.router)
    app.include_router(coop_forms.router)
    app.state.templates.env.filters["combine_filter"] = refine
    # Routes added after the app was built are matched before the catch-alls of the pages.
    app.add_middleware(
        SessionMiddleware,
        secret_key=os.environ.get("ALLIED_SECRET_KEY") or secrets.token_hex(32),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_SECONDS,
        same_site="lax",
        https_only=secure_cookies,
    )


def refine(filters: dict[str, object], key: str, value: object) -> dict[str, object]:
    """The catalogue's filters with `key` set to `value` (back to the first page).

    >>> refine({"area": None, "offset": 50}, "area", "interoperability")
    {'area': 'interoperability'}
    """
    kept = {k: v for k, v in filters.items() if k != "offset"}
    kept[key] = value
    return kept
