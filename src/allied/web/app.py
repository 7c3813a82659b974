"""The FastAPI application: the JSON API, the HTML pages and the vendored assets.

Every answer comes from one in-memory `Registry`, loaded once when the app is
created; nothing is read from disk per request and nothing is fetched from
outside at run time.

>>> from allied.web.app import create_app
>>> app = create_app()
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

import allied
from allied import relations
from allied.dataset import bundled_data_dir
from allied.registry import Registry
from allied.web import api, atlas, contract, errors, pages
from allied.web.caching import AnswerCache, ETagMiddleware, data_fingerprint
from allied.web.checkpool import CheckLimits, CheckPool
from allied.web.http import CORSMiddleware, HeadMiddleware, SlashMiddleware
from allied.web.security import SecurityHeadersMiddleware
from allied.web.templating import configure

HERE = os.path.dirname(__file__)
#: Answers smaller than this go out as they are; larger ones are gzipped when the client
#: accepts it. Level 6 (zlib's default) packs the 1.09 MB panel into 28 KB in about 3 ms;
#: level 9 saves 5 KB more for twice the time, paid again on every cached answer.
GZIP_MINIMUM = 1024
GZIP_LEVEL = 6


class _App(FastAPI):
    """FastAPI with the security headers outside everything, the 500 answer included."""

    def build_middleware_stack(self) -> ASGIApp:
        # Starlette puts the 500 handler outside the user middleware; this wraps it too.
        return SecurityHeadersMiddleware(super().build_middleware_stack())


@asynccontextmanager
async def _warm(app: FastAPI) -> AsyncIterator[None]:
    """Project the map and build its timeline before the first visitor asks; stop the checkers."""
    atlas.countries()
    relations.timeline(app.state.registry)
    checks: CheckPool = app.state.checks
    if checks.limits.warm:
        await checks.warm()
    yield
    await checks.close()


def create_app(
    registry: Registry | None = None,
    *,
    data_dir: str | None = None,
    check_limits: CheckLimits | None = None,
) -> FastAPI:
    """Build the app over `registry` (default: `allied.load(data_dir)`).

    Texts sent to `/check` are checked in worker processes within `check_limits`
    (default: `CheckLimits.from_environment()`, see `allied.web.checkpool`).

    The ETag of every answer hashes the data files, so it changes exactly when
    a restart loads different data. Middleware, outermost first: security
    headers (outside the 500 handler too), CORS under the API, trailing-slash
    redirects, HEAD as GET, gzip, then the ETag layer and its answer cache, so a
    kept answer is still gzipped, tagged and answered to HEAD.
    """
    if registry is None:
        registry = allied.load(data_dir)
        data_dir = data_dir or bundled_data_dir()
    app = _App(
        title="allied",
        version=allied.__version__,
        summary="NATO's alliances and partnerships through time, with a source for every fact.",
        openapi_url=f"{api.PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_warm,
        redirect_slashes=False,  # SlashMiddleware redirects without echoing Host
    )
    app.state.registry = registry
    app.state.checks = CheckPool(registry, check_limits or CheckLimits.from_environment())
    templates = configure(Jinja2Templates(directory=os.path.join(HERE, "templates")))
    app.state.templates = templates
    errors.install(app)
    app.include_router(api.router)
    contract.install(app)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=os.path.join(HERE, "static")), name="static")

    @app.get(f"{api.PREFIX}/docs", include_in_schema=False)
    async def api_docs(request: Request) -> Response:
        # Our page, not FastAPI's: its Swagger UI starts from a file, not an inline script.
        context = {"openapi_url": app.openapi_url or ""}
        return templates.TemplateResponse(request, "api_docs.html", context)

    app.state.answers = AnswerCache()
    fingerprint = data_fingerprint(registry.dataset, data_dir)
    app.add_middleware(ETagMiddleware, fingerprint=fingerprint, cache=app.state.answers)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM, compresslevel=GZIP_LEVEL)
    app.add_middleware(HeadMiddleware)
    app.add_middleware(SlashMiddleware)
    app.add_middleware(CORSMiddleware, prefix=api.PREFIX)
    return app
