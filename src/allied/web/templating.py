"""Jinja2 environment: filters and globals shared by every page."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

import allied


def _json_script(value: Any) -> Markup:
    """JSON safe to put inside a `<script type="application/json">` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def query_string(values: dict[str, Any]) -> str:
    """The query string of the values that are set (no `?`)."""
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def with_query(path: str, values: dict[str, Any]) -> str:
    """`path?query` of the values that are set, or the bare path when none is."""
    query = query_string(values)
    return f"{path}?{query}" if query else path


def configure(templates: Jinja2Templates) -> Jinja2Templates:
    """Add the filters and globals the templates use."""
    templates.env.filters["json_script"] = _json_script
    templates.env.filters["query"] = query_string
    templates.env.globals["version"] = allied.__version__
    return templates
