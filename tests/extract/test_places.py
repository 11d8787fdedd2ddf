"""Geocoding against the offline GeoNames index."""

import pickle
import time

import pytest

from tests.extract.conftest import entity
from vigie.extract import gazetteer
from vigie.extract.gazetteer import lookup


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [("Kiev", "Kyiv", "UA"), ("Kyiv", "Kyiv", "UA"), ("Moscou", "Moscow", "RU"), ("Washington", "Washington", "US"),
     ("Pékin", "Beijing", "CN"), ("Le Caire", "Cairo", "EG"), ("Russie", "Russia", "RU"),
     ("États-Unis", "United States", "US"), ("Charm el-Cheikh", "Sharm el-Sheikh", "EG")],
)
def test_french_names_resolve(name, expected, country):
    place = lookup(name)
    assert place is not None and (place.name, place.country_code) == (expected, country)


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [("Isère", "Isère", "FR"), ("Hauts-de-France", "Hauts-de-France", "FR"), ("Valais", "Valais", "CH"),
     ("Colombie-Britannique", "Colombie-Britannique", "CA"), ("British Columbia", "Colombie-Britannique", "CA"),
     ("Bavière", "Bavière", "DE"), ("Bruxelles-Capitale", "Bruxelles-Capitale", "BE")],
)
def test_regions_and_departments_resolve_under_their_french_names(name, expected, country):
    place = lookup(name)
    assert place is not None and (place.name, place.country_code, place.feature) == (expected, country, "region")


def test_a_city_outranks_the_region_of_its_name():
    assert lookup("Québec").feature == "city"


def test_washington_is_the_capital_not_the_english_town():
    place = lookup("Washington, DC")
    assert place is not None and place.geonameid == 4140963


def test_french_commune_with_a_namesake_abroad():
    # Orange (Vaucluse) is smaller than Orange, California: a French article means the French one
    assert lookup("Orange").country_code == "FR"
    assert lookup("Orange", countries=frozenset({"US"}), home="US").country_code == "US"


def test_countries_mentioned_in_the_article_break_ties():
    assert lookup("Saint-Denis").country_code == "FR"
    assert lookup("Saint-Denis", countries=frozenset({"RE"}), home="RE").country_code == "RE"


def test_unknown_place_is_none():
    assert lookup("Bilopillia-sur-Nulle-Part") is None


def test_index_is_built_once_then_loaded_quickly(tmp_path, monkeypatch):
    monkeypatch.setenv("VIGIE_CACHE_DIR", str(tmp_path))
    gazetteer.load_index.cache_clear()
    try:
        gazetteer.load_index()
        [cached] = tmp_path.glob("gazetteer-*.pickle")
        with cached.open("rb") as handle:
            assert "kyiv" in pickle.load(handle)
        gazetteer.load_index.cache_clear()
        start = time.perf_counter()
        gazetteer.load_index()
        assert time.perf_counter() - start < 1.0
    finally:
        gazetteer.load_index.cache_clear()


@pytest.mark.slow
def test_places_stage_geocodes_and_keys_locations(analyse):
    article = analyse("Titre\nLes émissaires seront à Paris mardi, puis à Kiev, et enfin à la Maison Blanche.")
    paris = entity(article, "Paris")
    assert paris.place.resolved and paris.place.country_code == "FR" and paris.key == "LOC:geonames:2988507"
    assert entity(article, "Kiev").place.geonameid == 703448
    white_house = entity(article, "Maison Blanche")
    assert white_house.type == "LOC" and white_house.place is not None and not white_house.place.resolved
