"""Vega-Lite charts of defence spending, one specification for the web page and the CLI.

The web pages embed these specifications (vega-embed); `allied spending chart`
renders the same ones to PNG or SVG with vl-convert, without a browser. Each
takes an answer's JSON document, so a chart shows exactly what the API answers.

>>> spec = ranked({"release": "2025-08", "figures": []}, year=2024, lines=[])
>>> spec["mark"] if "mark" in spec else spec["layer"][0]["mark"]["type"]
'bar'
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_LABELS = {
    "pct_gdp": "Defence expenditure, % of GDP",
    "equipment_share": "Equipment, % of defence expenditure",
    "real_change": "Annual real change, %",
}


def _base(width: int | str) -> Spec:
    # Fit the whole chart, labels and legend included, into the width (a phone's too).
    return {
        "$schema": _SCHEMA,
        "width": width,
        "autosize": {"type": "fit-x", "contains": "padding"},
    }


def _rules(lines: list[dict[str, Any]], axis: str) -> Spec:
    """Guideline levels as dashed rules, labelled."""
    return {
        "data": {"values": lines},
        "layer": [
            {
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#b03a2e"},
                "encoding": {axis: {"field": "threshold", "type": "quantitative"}},
            },
            {
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 3,
                    "dy": -6,
                    "color": "#b03a2e",
                    "fontSize": 10,
                },
                "encoding": {
                    axis: {"field": "threshold", "type": "quantitative"},
                    "text": {"field": "label"},
                    **({"y": {"value": 0}} if axis == "x" else {"x": {"value": 0}}),
                },
            },
        ],
    }


def ranked(
    document: dict[str, Any],
    *,
    year: int,
    lines: list[dict[str, Any]],
    measure: str = "pct_gdp",
    width: int | str = "container",
) -> Spec:
    """Every Ally for one year, highest first; estimates lighter and marked `e`.

    `document` is a `spending` answer's JSON; `lines` the guideline levels
    (`{"threshold": 2.0, "label": "2 %"}`) drawn across the bars.
    """
    values = sorted(
        (
            {
                "ally": row["name"],
                "code": row["ally"],
                "value": row[measure],
                "estimate": "estimate" if row["estimate"] else "reported",
                "label": f"{row[measure]:.2f}{' e' if row['estimate'] else ''}",
            }
            for row in document["figures"]
            if row["year"] == year and row[measure] is not None and not row["aggregate"]
        ),
        key=lambda v: -v["value"],
    )
    bars: Spec = {
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "ally", "type": "nominal", "title": None, "sort": None},
            "x": {"field": "value", "type": "quantitative", "title": _LABELS.get(measure, measure)},
            "color": {
                "field": "estimate",
                "type": "nominal",
                "scale": {"domain": ["reported", "estimate"], "range": ["#1f4e79", "#8fb3d9"]},
                "legend": {"title": None, "orient": "bottom"},
            },
            "tooltip": [
                {"field": "ally"},
                {"field": "label", "title": measure},
                {"field": "estimate"},
            ],
        },
    }
    text: Spec = {
        "data": {"values": values},
        "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 9},
        "encoding": {
            "y": {"field": "ally", "type": "nominal", "sort": None},
            "x": {"field": "value", "type": "quantitative"},
            "text": {"field": "label"},
        },
    }
    return {
        **_base(width),
        "height": {"step": 16},
        "description": f"{_LABELS.get(measure, measure)} in {year}, release {document['release']}",
        "title": f"{year}, release {document['release']}",
        "layer": [bars, text, _rules(lines, "x")] if lines else [bars, text],
    }


def over_time(
    document: dict[str, Any],
    *,
    lines: list[dict[str, Any]],
    measure: str = "pct_gdp",
    width: int | str = "container",
) -> Spec:
    """One Ally's figure year by year in one release, with the guideline levels."""
    values = [
        {
            "year": str(row["year"]),
            "value": row[measure],
            "estimate": "estimate" if row["estimate"] else "reported",
        }
        for row in document["figures"]
        if row[measure] is not None
    ]
    line: Spec = {
        "data": {"values": values},
        "mark": {"type": "line", "point": {"filled": True, "size": 50}},
        "encoding": {
            "x": {"field": "year", "type": "temporal", "timeUnit": "year", "title": None},
            "y": {"field": "value", "type": "quantitative", "title": _LABELS.get(measure, measure)},
            "tooltip": [{"field": "year"}, {"field": "value"}, {"field": "estimate"}],
        },
    }
    return {
        **_base(width),
        "height": 240,
        "description": f"{document['name']}: {_LABELS.get(measure, measure)} by year",
        "title": f"{document['name']} (release {document['release']})",
        "layer": [line, _rules(lines, "y")] if lines else [line],
    }


def revision_path(document: dict[str, Any], *, width: int | str = "container") -> Spec:
    """One figure as each release printed it, release by release."""
    values = [
        {
            "published": str(r["published"]),
            "release": r["release"],
            "value": r["value"],
            "estimate": "estimate" if r["estimate"] else "reported",
        }
        for r in document["revisions"]
    ]
    return {
        **_base(width),
        "height": 220,
        "description": f"{document['name']} {document['fiscal_year']}: {document['measure']} "
        "in each release",
        "title": f"{document['name']} {document['fiscal_year']}: {document['measure']} by release",
        "data": {"values": values},
        "mark": {"type": "line", "point": {"filled": True, "size": 60}},
        "encoding": {
            "x": {"field": "release", "type": "ordinal", "title": "release", "sort": None},
            "y": {
                "field": "value",
                "type": "quantitative",
                "scale": {"zero": False},
                "title": document["measure"],
            },
            "color": {
                "field": "estimate",
                "type": "nominal",
                "scale": {"domain": ["reported", "estimate"], "range": ["#1f4e79", "#8fb3d9"]},
            },
            "tooltip": [
                {"field": "release"},
                {"field": "published"},
                {"field": "value"},
                {"field": "estimate"},
            ],
        },
    }


def guideline_lines(guidelines: list[dict[str, Any]], measure: str) -> list[dict[str, Any]]:
    """The distinct levels of the guidelines on `measure`, labelled (`2 %`, `3.5 %`).

    >>> guideline_lines([{"measure": "pct_gdp", "threshold": 2.0}], "pct_gdp")
    [{'threshold': 2.0, 'label': '2 %'}]
    """
    levels = sorted({g["threshold"] for g in guidelines if g["measure"] == measure})
    return [{"threshold": t, "label": f"{t:g} %"} for t in levels]


def render(spec: Spec, fmt: str) -> bytes:
    """A specification as PNG or SVG bytes, through vl-convert (the `charts` extra)."""
    from allied.extras import require

    require("charts", by="allied spending chart")
    import vl_convert

    if fmt == "svg":
        return str(vl_convert.vegalite_to_svg(spec)).encode("utf-8")
    return bytes(vl_convert.vegalite_to_png(spec, scale=2))
