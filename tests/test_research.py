"""GDELT- and ACLED-style exports: columns in the documented order, CAMEO codes from the crosswalk,
places with their coordinates and countries, fatalities from the linked counts, asserted events only
for ACLED."""

from __future__ import annotations

import csv

from vigie.model import Article, Count, Entity, Event, Mention, Place, Reference
from vigie.research import ACLED_COLUMNS, GDELT_COLUMNS, export_research
from vigie.store import open_db
from vigie.store.writer import store_article

TEXT = ("Frappes sur Kharkiv\n\nLa Russie a bombardé Kharkiv mardi : trois civils ont été tués. "
        "Moscou n'a pas attaqué Lviv, a-t-on précisé.")


def _at(piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def _ref(piece: str, entity_id: str, occurrence: int = 0) -> Reference:
    start, end = _at(piece, occurrence)
    return Reference(start=start, end=end, name=piece, entity_id=entity_id)


def article() -> Article:
    russia = Entity(id="e1", name="Russie", type="LOC", key="LOC:geonames:2017370",
                    mentions=[Mention(start=_at("Russie")[0], end=_at("Russie")[1], text="Russie")],
                    place=Place(name="Russie", resolved=True, geonameid=2017370, lat=60.0, lon=100.0,
                                country_code="RU", feature="country"))
    kharkiv = Entity(id="e2", name="Kharkiv", type="LOC", key="LOC:geonames:706483",
                     mentions=[Mention(start=_at("Kharkiv", 1)[0], end=_at("Kharkiv", 1)[1], text="Kharkiv")],
                     place=Place(name="Kharkiv", resolved=True, geonameid=706483, lat=49.98, lon=36.25,
                                 country_code="UA", feature="city"))
    strike = Event(start=_at("La Russie a bombardé Kharkiv")[0], end=_at("La Russie a bombardé Kharkiv")[1],
                   type="ASSAULT", text="La Russie a bombardé Kharkiv", actors=[_ref("Russie", "e1")],
                   location=_ref("Kharkiv", "e2", 1), date="2026-03-03")
    denied = Event(start=_at("attaqué Lviv")[0], end=_at("attaqué Lviv")[1], type="ASSAULT",
                   text="attaqué Lviv", negated=True)
    killed = Count(start=_at("trois civils")[0], end=_at("trois civils")[1], kind="killed", value=3,
                   text="trois civils", event_index=0)
    return Article(id="kharkiv", url="https://exemple.fr/kharkiv", published="2026-03-04", title="Frappes sur Kharkiv",
                   text=TEXT, entities=[russia, kharkiv], events=[strike, denied], counts=[killed])


def _read(path, delimiter):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_gdelt_rows(tmp_path):
    connection = open_db(tmp_path / "v.db")
    store_article(connection, article())
    connection.commit()
    path, count = export_research(connection, tmp_path, "gdelt")
    assert count == 2 and path.name == "gdelt_events.tsv"
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(GDELT_COLUMNS)
    strike, denied = _read(path, "\t")
    assert strike["SQLDATE"] == "20260303" and strike["MonthYear"] == "202603" and strike["Year"] == "2026"
    assert (strike["EventCode"], strike["EventRootCode"], strike["QuadClass"], strike["GoldsteinScale"]) == \
        ("180", "18", "4", "-9.0")
    assert strike["Actor1Name"] == "Russie" and strike["Actor1CountryCode"] == "RUS" and strike["Actor2Name"] == ""
    assert strike["ActionGeo_Type"] == "4" and strike["ActionGeo_CountryCode"] == "UA"
    assert (float(strike["ActionGeo_Lat"]), float(strike["ActionGeo_Long"])) == (49.98, 36.25)
    assert strike["ActionGeo_FeatureID"] == "706483" and strike["SOURCEURL"] == "https://exemple.fr/kharkiv"
    assert TEXT[int(strike["EvidenceStart"]):int(strike["EvidenceEnd"])] == strike["EvidenceText"]
    assert denied["PloverNegated"] == "1" and denied["SQLDATE"] == "20260304"  # undated: the article's day


def test_acled_rows_keep_asserted_violence_with_its_fatalities(tmp_path):
    connection = open_db(tmp_path / "v.db")
    store_article(connection, article())
    connection.commit()
    path, count = export_research(connection, tmp_path, "acled")
    rows = _read(path, ",")
    assert count == 1 and list(rows[0]) == list(ACLED_COLUMNS)  # the denied attack is not an event
    row = rows[0]
    assert (row["event_type"], row["sub_event_type"], row["disorder_type"]) == \
        ("Violence against civilians", "Attack", "Political violence")
    assert row["fatalities"] == "3" and row["event_date"] == "2026-03-03" and row["time_precision"] == "1"
    assert (row["iso"], row["country"], row["location"], row["geo_precision"]) == ("804", "Ukraine", "Kharkiv", "1")
    assert row["actor1"] == "Russie" and row["source_url"] == "https://exemple.fr/kharkiv"
