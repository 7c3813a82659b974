"""The world map as SVG paths, projected once from the vendored world-atlas.

`countries-110m.json` (TopoJSON, keyed by ISO 3166-1 numeric code) is decoded
and projected with the Natural Earth projection here, at start-up, so the page
carries the map inline: it draws before any script runs and needs no fetch.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

ATLAS = os.path.join(os.path.dirname(__file__), "static", "vendor", "countries-110m.json")
WIDTH = 960.0
_SCALE = WIDTH / (2 * math.pi * 0.8707)
HEIGHT = round(2 * 1.4215 * _SCALE)


@dataclass(frozen=True)
class Country:
    """One country shape: its ISO numeric id, its name in the atlas, its SVG path."""

    id: str
    name: str
    path: str


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Natural Earth I (Šavrič et al.) into the map's `WIDTH` by `HEIGHT` box."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return WIDTH / 2 + x * _SCALE, HEIGHT / 2 - y * _SCALE


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the atlas with its projected outline, by name."""
    with open(ATLAS, encoding="utf-8") as handle:
        topology = json.load(handle)
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        path = "".join(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        name = geometry.get("properties", {}).get("name", "")
        shapes.append(Country(id=str(geometry.get("id", "")), name=name, path=path))
    return tuple(sorted(shapes, key=lambda c: c.name))


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:  # type: ignore[type-arg]
    """Arcs as (longitude, latitude) points: TopoJSON stores quantised deltas."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], ring: list[int]) -> str:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    if not _crosses_antimeridian(points):
        return _path(points)
    # Russia's and Fiji's outlines jump from +180° to -180°: unwrap the ring into one
    # continuous shape, then draw it on each side with the part past the edge pressed
    # onto the edge (cheaper for the browser than an SVG clip path).
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    east = [(min(max(lon, -180.0), 180.0), lat) for lon, lat in unwrapped]
    shift = -360.0 if sum(lon for lon, _ in unwrapped) > 0 else 360.0
    west = [(min(max(lon + shift, -180.0), 180.0), lat) for lon, lat in unwrapped]
    return _path(east) + _path(west)


def _crosses_antimeridian(points: list[tuple[float, float]]) -> bool:
    """A jump of more than half the globe that is not along a pole (Antarctica's edge)."""
    return any(
        abs(b[0] - a[0]) > 180 and not (abs(a[1]) > 89 and abs(b[1]) > 89)
        for a, b in pairwise(points)
    )


def _path(points: list[tuple[float, float]]) -> str:
    out: list[str] = []
    last = ""
    for lon, lat in points:
        x, y = project(lon, lat)
        cell = f"{x:.1f},{y:.1f}"
        if cell != last:
            out.append(cell)
            last = cell
    return "M" + "L".join(out) + "Z"


@cache
def sphere() -> str:
    """The outline of the globe in this projection, drawn behind the countries."""
    east = [(180.0, lat / 2) for lat in range(-180, 181)]
    west = [(-180.0, lat / 2) for lat in range(180, -181, -1)]
    return _path(east + west)


def _viewbox(west: float, south: float, east: float, north: float) -> str:
    """The SVG viewBox around a longitude/latitude box, in the map's projection."""
    corners = [project(lon, lat) for lon in (west, east) for lat in (south, north)]
    corners += [project((west + east) / 2, north), project((west + east) / 2, south)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return f"{min(xs):.0f} {min(ys):.0f} {max(xs) - min(xs):.0f} {max(ys) - min(ys):.0f}"


#: The map zoomed on Europe (Iceland to the Caucasus, Crete to the North Cape),
#: where most Allies and partners are too small to read on a phone at world scale.
EUROPE = _viewbox(-25.0, 33.0, 50.0, 72.0)
