"""Jinja2 environment: filters and globals shared by every page."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

import allied
from allied.web.labels import label


def _json_script(value: Any) -> Markup:
    """JSON safe to put inside a `<script type="application/json">` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


def cite(ids: Any, listed: Any = None) -> Markup:
    """Numbered footnotes for `ids`, each once, linking to the page's own source list.

    `listed` is the page's sources in the order its list numbers them; an id not
    in it links to its source page instead.
    """
    numbers = {getattr(s, "id", None) or s["id"]: n for n, s in enumerate(listed or (), 1)}
    footnotes, links = [], []
    ordered = sorted(dict.fromkeys(ids or ()), key=lambda i: numbers.get(i, len(numbers) + 1))
    for source_id in ordered:
        number = numbers.get(source_id)
        if number is None:  # named in full, so separated: "a, b", never "ab"
            links.append(Markup('<a href="/sources/{0}">{0}</a>').format(source_id))
        else:
            footnotes.append(
                Markup('<a class="fn" href="#src-{0}" title="{0}">[{1}]</a>').format(
                    source_id, number
                )
            )
    parts = [Markup("").join(footnotes)] if footnotes else []
    return Markup(" ").join(parts + ([Markup(", ").join(links)] if links else []))


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
    templates.env.globals["cite"] = cite
    templates.env.filters["label"] = label
    # Python's None never reaches a reader: an unknown value prints as nothing.
    templates.env.finalize = _blank_none
    templates.env.globals["version"] = allied.__version__
    return templates
