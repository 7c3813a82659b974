"""Vega-Lite specifications for the pages' charts, with their data inline."""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
_BASE: Spec = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "width": "container"}


#: A count axis: whole numbers only (no "2.5 members").
_WHOLE = {"format": "d", "tickMinStep": 1}


def time_axis(dates: list[str | None]) -> Spec:
    """A date axis labelled with years; one tick a year when the span is short."""
    years = sorted(int(d[:4]) for d in dates if d)
    axis: Spec = {"format": "%Y", "labelOverlap": True}
    if years and years[-1] - years[0] <= 12:
        axis["tickCount"] = {"interval": "year", "step": 1}
    return axis


def members_over_time(counts: list[dict[str, Any]], today: str) -> Spec:
    """A step line: how many were in the framework from each change on."""
    values = [*counts, {"date": today, "count": counts[-1]["count"]}] if counts else []
    return {
        **_BASE,
        "height": 220,
        "description": "Members over time",
        "data": {"values": values},
        "mark": {"type": "line", "interpolate": "step-after", "point": True},
        "encoding": {
            "x": {
                "field": "date",
                "type": "temporal",
                "title": None,
                "axis": time_axis([v["date"] for v in values]),
            },
            "y": {"field": "count", "type": "quantitative", "title": "Members", "axis": _WHOLE},
            "tooltip": [
                {"field": "date", "type": "temporal", "format": "%Y-%m-%d"},
                {"field": "count", "title": "members"},
            ],
        },
    }


def relationships(memberships: list[dict[str, Any]], today: str) -> Spec:
    """A Gantt chart: one bar per membership, from start to end (or today)."""
    values = [
        {
            "framework": m["framework_name"],
            "role": m["role"],
            "start": m["start"],
            "end": m["end"] or today,
            "ongoing": m["end"] is None,
            # The dates as the data gives them: a year stays a year in the tooltip.
            "since": m["start"],
            "until": m["end"] or "ongoing",
        }
        for m in memberships
    ]
    return {
        **_BASE,
        "height": {"step": 28},
        "description": "Relationships over time",
        "data": {"values": values},
        "mark": {"type": "bar", "cornerRadius": 2},
        "encoding": {
            "y": {"field": "framework", "type": "nominal", "title": None, "sort": None},
            "x": {
                "field": "start",
                "type": "temporal",
                "title": None,
                "axis": time_axis([v["start"] for v in values] + [v["end"] for v in values]),
            },
            "x2": {"field": "end"},
            "color": {"field": "role", "type": "nominal"},
            "tooltip": [
                {"field": "framework"},
                {"field": "role"},
                {"field": "since"},
                {"field": "until"},
            ],
        },
    }


def personnel_over_time(sizes: list[dict[str, Any]]) -> Spec:
    """Points: the personnel each dated snapshot states (or its listed figures add up to)."""
    values = [
        {
            "date": size["as_of"],
            "as_of": size["as_of"],
            "personnel": size["stated_personnel"] or size["personnel"],
            "nations": size["stated_nations"] or size["contributors"],
        }
        for size in sizes
        if size["stated_personnel"] or size["personnel"]
    ]
    return {
        **_BASE,
        "height": 220,
        "description": "Personnel at each dated snapshot",
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "date",
                "type": "temporal",
                "title": None,
                "axis": time_axis([v["date"] for v in values]),
            },
            "y": {
                "field": "personnel",
                "type": "quantitative",
                "title": "Personnel",
                "axis": _WHOLE,
            },
            "tooltip": [{"field": "as_of"}, {"field": "personnel"}, {"field": "nations"}],
        },
    }


def ratifications(steps: list[dict[str, Any]], signed: str | None) -> Spec:
    """One bar per Ally, from the protocol's signature to its parliament's approval."""
    values = [
        {"ally": step["name"], "from": signed, "to": step["date"], "date": step["date"]}
        for step in steps
        if step["milestone"] == "parliament" and signed and step["date_precision"] == "day"
    ]
    return {
        **_BASE,
        "height": {"step": 14},
        "description": "Days from the protocol's signature to each parliament's approval",
        "data": {"values": values},
        "mark": {"type": "bar", "cornerRadius": 2},
        "encoding": {
            "y": {"field": "ally", "type": "nominal", "title": None, "sort": {"field": "to"}},
            "x": {"field": "from", "type": "temporal", "title": None},
            "x2": {"field": "to"},
            "tooltip": [{"field": "ally"}, {"field": "date", "title": "approved"}],
        },
    }


def participation_by_area(cells: list[dict[str, Any]]) -> Spec:
    """Stacked bars: a nation's participants each year, by cooperation area."""
    return {
        **_BASE,
        "height": 240,
        "description": "Participants by year and area",
        "data": {"values": cells},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}},
            "y": {
                "field": "count",
                "type": "quantitative",
                "title": "Participants",
                "aggregate": "sum",
                "axis": _WHOLE,
            },
            "color": {
                "field": "area",
                "type": "nominal",
                "title": "Area",
                "legend": {"orient": "bottom", "columns": 1, "labelLimit": 0},
            },
            "tooltip": [
                {"field": "year"},
                {"field": "area"},
                {"field": "count", "title": "participants"},
            ],
        },
    }
