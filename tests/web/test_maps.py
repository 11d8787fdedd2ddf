"""Offline maps: Natural Earth outlines decoded from the shipped TopoJSON, views cut around the points."""

from __future__ import annotations

import re

from vigie.web.maps import WORLD_URL, MapPoint, _clip, outlines, world_map, world_svg


def test_the_outlines_decode_to_countries_where_they_are():
    france = next(o for o in outlines("50m") if o.name == "France")
    metropole = [r for r in france.rings if all(-6 < lon < 10 and 41 < lat < 52 for lon, lat in r)]
    assert metropole, "mainland France lies between 6°W–10°E and 41°N–52°N"
    assert len(outlines("110m")) > 170


def test_a_ring_is_cut_to_the_box():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    cut = _clip(square, (5.0, -1.0, 20.0, 20.0))
    assert min(lon for lon, _ in cut) == 5.0 and max(lon for lon, _ in cut) == 10.0
    assert _clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_a_map_of_french_places_is_zoomed_and_carries_only_what_it_shows():
    svg = str(world_map([MapPoint("Paris", 48.85, 2.35, 3, "/entite/x"), MapPoint("Lyon", 45.75, 4.85)],
                        "Lieux"))
    west, south, width, height = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    assert abs(width / height - 2) < 0.01 and width < 30
    assert west < 2.35 * 0.7 < west + width and -south - height < 45.75 < -south  # both points in view
    assert "<title>France</title>" in svg and "<title>Brazil</title>" not in svg
    assert svg.count("<circle") == 2 and '<a href="/entite/x" aria-label="Paris">' in svg
    assert len(svg) < 60_000


def test_a_world_wide_map_draws_the_shared_outlines_once():
    svg = str(world_map([MapPoint("Paris", 48.85, 2.35), MapPoint("Sydney", -33.87, 151.21)], "Monde"))
    assert f'href="{WORLD_URL}"' in svg and "<path" not in svg
    assert world_svg().count("<path") > 170
