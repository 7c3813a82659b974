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
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

import allied
from allied import relations
from allied.dataset import bundled_data_dir
from allied.registry import Registry
from allied.web import api, atlas, contract, errors, pages
from allied.web.caching import ETagMiddleware, data_fingerprint
from allied.web.templating import configure

HERE = os.path.dirname(__file__)


@asynccontextmanager
async def _warm(app: FastAPI) -> AsyncIterator[None]:
    """Project the map and build its timeline before the first visitor asks."""
    atlas.countries()
    relations.timeline(app.state.registry)
    yield


def create_app(registry: Registry | None = None, *, data_dir: str | None = None) -> FastAPI:
    """Build the app over `registry` (default: `allied.load(data_dir)`).

    The ETag of every answer hashes the data files, so it changes exactly when
    a restart loads different data.
    """
    if registry is None:
        registry = allied.load(data_dir)
        data_dir = data_dir or bundled_data_dir()
    app = FastAPI(
        title="allied",
        version=allied.__version__,
        summary="NATO's alliances and partnerships through time, with a source for every fact.",
        openapi_url=f"{api.PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_warm,
    )
    app.state.registry = registry
    app.state.templates = configure(Jinja2Templates(directory=os.path.join(HERE, "templates")))
    errors.install(app)
    app.include_router(api.router)
    contract.install(app)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=os.path.join(HERE, "static")), name="static")

    @app.get(f"{api.PREFIX}/docs", include_in_schema=False)
    async def api_docs(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "",
            title="allied API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.add_middleware(ETagMiddleware, fingerprint=data_fingerprint(registry.dataset, data_dir))
    return app
