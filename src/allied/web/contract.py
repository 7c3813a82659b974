"""The typed HTTP contract: each answer's schema in OpenAPI, stable ids, no unknown parameters.

A route declares what it answers with `responses=answers(SomeAnswer)`: the
200 response then carries the answer's JSON Schema (derived from the answer's
declaration by `allied.records.schema_of`) and, for CSV, `text/csv`. `install`
adds those schemas to the app's OpenAPI document under `components/schemas`.
Operation ids are the route functions' names, so they stay stable when a path
or a tag changes. A query parameter a route does not declare is refused with
a 422 rather than silently ignored.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from allied.answer import Answer
from allied.errors import InvalidQuery
from allied.records import JSONSchema, ref_schema

#: Every answer schema a route refers to, by name: the OpenAPI `components/schemas`.
COMPONENTS: dict[str, JSONSchema] = {}


def answers(cls: type[Answer], *, csv: bool = True) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route answering with `cls`: its JSON (and CSV) schema."""
    content: dict[str, Any] = {"application/json": {"schema": ref_schema(cls, COMPONENTS)}}
    if csv:
        content["text/csv"] = {"schema": {"type": "string"}}
    description = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    return {200: {"description": description, "content": content}}


def operation_id(route: APIRoute) -> str:
    """A route's operation id: its function's name (`list_events`, `get_actor`)."""
    return route.name


def install(app: FastAPI) -> None:
    """Make the app's OpenAPI document include every answer schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(COMPONENTS)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


async def known_parameters_only(request: Request) -> None:
    """Refuse a query parameter the route does not declare (a typo would else be ignored)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _parameters(route)
    for name in request.query_params:
        if name not in allowed:
            shown = ", ".join(sorted(allowed)) or "none"
            raise InvalidQuery(f"unknown query parameter {name!r} (this route takes: {shown})")


_PARAMETERS: dict[int, frozenset[str]] = {}


def _parameters(route: APIRoute) -> frozenset[str]:
    """The query parameters a route declares (routes are not hashable: kept by id)."""
    known = _PARAMETERS.get(id(route))
    if known is None:
        known = _PARAMETERS[id(route)] = frozenset(_query_names(route.dependant))
    return known


def _query_names(dependant: Dependant) -> list[str]:
    names = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        names += _query_names(sub)
    return names
