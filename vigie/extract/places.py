"""The places stage: every LOC entity geocoded against the offline GeoNames index.

Ambiguous names go to the candidate in a country the article mentions, then
to the most populous; a name the index does not know is kept, marked
unresolved.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from vigie.extract.entities import seat_countries
from vigie.extract.gazetteer import GeoRecord, lookup
from vigie.model import Article, Entity, Place, entity_key
from vigie.stages import register_stage
from vigie.textnorm import fold


@cache
def seat_country_codes() -> dict[str, str]:
    """Folded seat of power → ISO code of its country ("maison blanche" → "US")."""
    return {seat: place.country_code for seat, country in seat_countries().items()
            if (place := lookup(country)) is not None}


def geocode(entity: Entity, countries: frozenset[str]) -> GeoRecord | None:
    """The GeoNames place an entity names, trying its canonical name, then its other mentions.

    A seat of power is looked for in its own country only: the "Maison
    Blanche" of a news article is not the Paris quarter of that name.
    """
    names = [entity.name] + [m.text for m in entity.mentions if m.text != entity.name]
    for name in names:
        place = lookup(name, countries, within=seat_country_codes().get(fold(name)))
        if place is not None:
            return place
    return None


@register_stage("places", requires=("entities",), assigns=("entities.place", "entities.key"))
def geocode_places(article: Article, doc: Doc) -> None:
    """Attach a Place (resolved or not) to every LOC entity and key it by geonameid."""
    locations = [e for e in article.entities if e.type == "LOC"]
    countries = frozenset(p.country_code for p in (lookup(e.name) for e in locations)
                          if p is not None and p.feature == "country")
    for entity in locations:
        place = geocode(entity, countries)
        if place is None:  # a building, a district, a region the index does not hold
            entity.place = Place(name=entity.name, resolved=False)
            continue
        entity.place = Place(name=place.name, resolved=True, geonameid=place.geonameid, lat=place.lat,
                             lon=place.lon, country_code=place.country_code, feature=place.feature)
        entity.key = entity_key("LOC", entity.name, place.geonameid)
