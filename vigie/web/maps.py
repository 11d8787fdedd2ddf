"""Maps that work offline: country outlines from Natural Earth (the world-atlas TopoJSON files shipped in
``vigie/web/data``) and points at the GeoNames coordinates of places, drawn as one inline SVG.

No tile server and no script: outlines are decoded once, kept in longitude/latitude, and a view is only a
``viewBox`` around the points, with longitudes narrowed by the cosine of the middle latitude so that a
country keeps its shape.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from markupsafe import Markup, escape

# Natural Earth at 1:110m for the world, 1:50m once the view is narrower than this many degrees.
DETAILED_BELOW_DEGREES = 90.0
WORLD_URL = "/carte/monde.svg"
ASPECT = 2.0  # width / height of every map (the style sheet gives the same)
MIN_SPAN_DEGREES = 8.0


@dataclass(frozen=True)
class Outline:
    """One country's outline: its rings of (longitude, latitude) and its bounding box."""

    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class MapPoint:
    """A place to show: where it is, what it is called, how much happened there, where it links to."""

    name: str
    lat: float
    lon: float
    weight: int = 1
    href: str | None = None


@cache
def outlines(scale: str) -> tuple[Outline, ...]:
    """The countries of a world-atlas TopoJSON file ('110m' or '50m'), decoded once."""
    topology = json.loads(files("vigie.web").joinpath(f"data/countries-{scale}.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = ([geometry["arcs"]] if geometry["type"] == "Polygon"
                    else geometry["arcs"] if geometry["type"] == "MultiPolygon" else [])
        rings = [ring(indexes) for polygon in polygons for indexes in polygon]
        rings = [r for r in rings if len(r) > 2]
        if not rings:
            continue
        lons = [lon for r in rings for lon, _ in r]
        lats = [lat for r in rings for _, lat in r]
        found.append(Outline(geometry.get("properties", {}).get("name", ""), tuple(tuple(r) for r in rings),
                             min(lons), min(lats), max(lons), max(lats)))
    return tuple(found)


Ring = list[tuple[float, float]]
Box = tuple[float, float, float, float]


def _clip(ring: Ring, box: Box) -> Ring:
    """A ring cut to a west-south-east-north box (Sutherland–Hodgman), so a zoomed map carries only what
    it shows."""
    west, south, east, north = box
    edges: list[tuple[Callable[[tuple[float, float]], bool], Callable[[tuple[float, float], tuple[float, float]],
                                                                      tuple[float, float]]]] = [
        (lambda p: p[0] >= west, lambda a, b: _at_lon(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_lon(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_lat(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_lat(a, b, north)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        kept: Ring = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    kept.append(cross(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(cross(previous, point))
            previous = point
        ring = kept
    return ring


def _at_lon(a: tuple[float, float], b: tuple[float, float], lon: float) -> tuple[float, float]:
    return lon, a[1] + (b[1] - a[1]) * (lon - a[0]) / (b[0] - a[0])


def _at_lat(a: tuple[float, float], b: tuple[float, float], lat: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]), lat


def _path(rings: list[Ring], decimals: int) -> str:
    """An SVG path in (longitude, -latitude), rounded, with points that round to the same place dropped."""
    parts = []
    for ring in rings:
        rounded: list[str] = []
        last = None
        for lon, lat in ring:
            here = f"{lon:.{decimals}f} {-lat:.{decimals}f}"
            if here != last:
                rounded.append(here)
                last = here
        if len(rounded) > 2:
            parts.append("M" + "L".join(rounded) + "Z")
    return "".join(parts)


@cache
def _world_paths() -> tuple[tuple[str, str], ...]:
    """(name, path) of every country at 1:110m, for the whole world's view, built once."""
    return tuple((o.name, _path([list(r) for r in o.rings], 1)) for o in outlines("110m"))


def world_svg() -> str:
    """Every country at 1:110m as a stand-alone SVG in (longitude, -latitude), for world views."""
    paths = "".join(f'<path d="{path}"><title>{escape(name)}</title></path>' for name, path in _world_paths())
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" preserveAspectRatio="none">'
            '<g fill="#fdfcf7" stroke="#9aa3b0" stroke-width="0.3">' + paths + "</g></svg>")


def _view(points: list[MapPoint]) -> tuple[float, float, float, float]:
    """West, south, east, north of a view around the points (the world when there are none)."""
    if not points:
        return -180.0, -60.0, 180.0, 84.0
    west, east = min(p.lon for p in points), max(p.lon for p in points)
    south, north = min(p.lat for p in points), max(p.lat for p in points)
    pad_lon = max((east - west) * 0.15, (MIN_SPAN_DEGREES - (east - west)) / 2, 1.0)
    pad_lat = max((north - south) * 0.15, (MIN_SPAN_DEGREES / 2 - (north - south)) / 2, 1.0)
    return (max(west - pad_lon, -180.0), max(south - pad_lat, -85.0),
            min(east + pad_lon, 180.0), min(north + pad_lat, 85.0))


def world_map(points: list[MapPoint], label: str) -> Markup:
    """An SVG map of the points over country outlines, zoomed to the points; ``label`` describes it."""
    west, south, east, north = _view(points)
    narrow = math.cos(math.radians(max(min((south + north) / 2, 70.0), -70.0)))
    width, height = (east - west) * narrow, north - south
    if width < ASPECT * height:  # widen or heighten the view to the drawing's shape, so the cut fits it
        extra = (ASPECT * height - width) / narrow / 2
        west, east = west - extra, east + extra
    else:
        extra = (width / ASPECT - height) / 2
        south, north = south - extra, north + extra
    if east - west < DETAILED_BELOW_DEGREES:  # 1:50m, cut to a margin around the view
        margin = (east - west) * 0.05
        box = (west - margin, south - margin, east + margin, north + margin)
        decimals = 2 if east - west < 20 else 1
        shown = [(o.name, _path([_clip(list(r), box) for r in o.rings], decimals)) for o in outlines("50m")
                 if o.east >= box[0] and o.west <= box[2] and o.north >= box[1] and o.south <= box[3]]
    else:  # the whole world: one drawing the browser fetches once and keeps (WORLD_URL)
        shown = []
    width, height = (east - west) * narrow, north - south
    radius = max(width, height) / 120
    parts = [f'<svg class="map" viewBox="{west * narrow:.2f} {-north:.2f} {width:.2f} {height:.2f}" '
             f'role="img" aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">',
             f"<title>{escape(label)}</title>",
             f'<g class="land" transform="scale({narrow:.4f} 1)">']
    if not shown:
        parts.append(f'<image href="{WORLD_URL}" x="-180" y="-90" width="360" height="180" '
                     'preserveAspectRatio="none"/>')
    parts.extend(f'<path d="{path}"><title>{escape(name)}</title></path>' for name, path in shown if path)
    parts.append('</g><g class="points">')
    for point in sorted(points, key=lambda p: -p.weight):  # small circles drawn last, on top
        circle = (f'<circle cx="{point.lon * narrow:.3f}" cy="{-point.lat:.3f}" '
                  f'r="{radius * (1 + math.sqrt(point.weight - 1) / 2):.3f}">'
                  f"<title>{escape(point.name)} : {point.weight}</title></circle>")
        if point.href:
            circle = f'<a href="{escape(point.href)}" aria-label="{escape(point.name)}">{circle}</a>'
        parts.append(circle)
    parts.append("</g></svg>")
    return Markup("".join(parts))
