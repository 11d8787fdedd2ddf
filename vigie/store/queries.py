"""Questions asked of a corpus: each a function returning plain rows (dicts), for the CLI, API and tests.

Near-duplicate copies of a story (articles with a ``canonical_id``) are left
out of counts, quotes, events and search results, so a wire story sent to
many outlets counts once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from vigie.textnorm import fold

Row = dict[str, Any]
# Stories counted once (copies left out). The unary '+' keeps SQLite from driving a query by the
# canonical_id index: nearly every article is canonical, so that index selects everything. Queries that read
# quotes or events newest first from their index reach the article by a LEFT JOIN (every row has its
# article): an inner join lets SQLite build a Bloom filter over every article before the first row.
CANONICAL = "+a.canonical_id IS NULL"
SEARCH_SCAN = 2000  # latest ingested articles that match a search, ranked by relevance


def _rows(cursor: sqlite3.Cursor) -> list[Row]:
    return [dict(row) for row in cursor.fetchall()]


def _between(filters: list[str], params: list[Any], since: str | None, until: str | None,
             column: str = "a.published") -> None:
    """Add 'since' / 'until' (YYYY-MM-DD, inclusive) conditions on a date column."""
    if since:
        filters.append(f"{column} >= ?")
        params.append(since)
    if until:
        filters.append(f"{column} <= ?")
        params.append(until + "\uffff")  # a date-time on the last day counts


def _like(value: str) -> str:
    """A LIKE pattern that matches ``value`` literally: '%' and '_' typed by a user are not wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_entity_keys(connection: sqlite3.Connection, name: str) -> list[str]:
    """Keys of the entities a name or alias designates, most mentioned first."""
    folded = fold(name)
    rows = connection.execute(
        """SELECT e.key FROM entities e JOIN entity_aliases al ON al.entity_key = e.key
           WHERE al.folded = ? GROUP BY e.key ORDER BY e.mention_count DESC""", (folded,)).fetchall()
    if not rows:  # a surname, a word of the name: "Macron" → "Emmanuel Macron"
        rows = connection.execute(
            """SELECT e.key FROM entities e JOIN entity_aliases al ON al.entity_key = e.key
               WHERE ' ' || al.folded || ' ' LIKE ? ESCAPE '\\' GROUP BY e.key ORDER BY e.mention_count DESC""",
            (f"% {_like(folded)} %",)).fetchall()
    return [row[0] for row in rows]


def top_entities(connection: sqlite3.Connection, entity_type: str | None = None, since: str | None = None,
                 top: int = 20, offset: int = 0, until: str | None = None) -> list[Row]:
    """The most mentioned entities (in distinct stories), optionally of a type and within dates; read from the
    mentions per entity per day that ingest keeps, not from every mention."""
    filters: list[str] = ["1"]
    params: list[Any] = []
    if entity_type:
        filters.append("e.type = ?")
        params.append(entity_type)
    _between(filters, params, since, until, column="d.day")
    if since or until:
        filters.append("d.day != ''")
    return _rows(connection.execute(
        f"""SELECT e.key, e.name, e.type, sum(d.mentions) AS mentions, sum(d.articles) AS articles,
                   min(nullif(d.day, '')) AS first_seen, max(nullif(d.day, '')) AS last_seen
            FROM entity_days d JOIN entities e ON e.key = d.entity_key
            WHERE {' AND '.join(filters)}
            GROUP BY e.key ORDER BY mentions DESC, articles DESC, e.name LIMIT ? OFFSET ?""",
        (*params, top, offset)))


def entity_profile(connection: sqlite3.Connection, name: str, limit: int = 10) -> Row | None:
    """Everything the corpus knows of the entity a name designates (its most mentioned one)."""
    keys = find_entity_keys(connection, name)
    return entity_profile_by_key(connection, keys[0], limit) if keys else None


def entity_profile_by_key(connection: sqlite3.Connection, key: str, limit: int = 10) -> Row | None:
    """Everything the corpus knows of one entity: aliases, mentions per day, company, quotes by and about it,
    events where it takes part and, for a place, events that happened there."""
    found = connection.execute("SELECT * FROM entities WHERE key = ?", (key,)).fetchone()
    if found is None:
        return None
    entity = dict(found)
    entity["aliases"] = [r[0] for r in connection.execute(
        "SELECT alias FROM entity_aliases WHERE entity_key = ? ORDER BY count DESC, alias", (key,))]
    entity["mentions_per_day"] = _rows(connection.execute(
        """SELECT nullif(day, '') AS day, mentions FROM entity_days WHERE entity_key = ? ORDER BY day""", (key,)))
    entity["co_mentioned"] = _rows(connection.execute(
        """SELECT e.key, e.name, e.type, c.articles FROM co_mentions c JOIN entities e ON e.key = c.other_key
           WHERE c.entity_key = ? ORDER BY c.articles DESC, e.name LIMIT ?""", (key, limit)))
    entity["quotes"] = quotes(connection, speaker_key=key, limit=limit)
    entity["quotes_about"] = quotes_about(connection, key, limit=limit)
    entity["events"] = events(connection, entity_key=key, limit=limit)
    entity["events_here"] = events(connection, location_key=key, limit=limit) if entity["type"] == "LOC" else []
    return entity


def quotes_about(connection: sqlite3.Connection, key: str, limit: int = 10) -> list[Row]:
    """Quotes that name an entity (in their words, whoever says them but itself), newest first, from the
    quotes' mentions kept at ingest."""
    return _rows(connection.execute(
        """SELECT q.speaker, q.speaker_key, q.text, q.direct, q.verb, q.attribution, q.confidence,
                  q.start, a.published, a.id AS article_id, a.title
           FROM quote_mentions qm JOIN quotes q ON q.article_id = qm.article_id AND q.seq = qm.quote_seq
           LEFT JOIN articles a ON a.id = q.article_id
           WHERE qm.entity_key = ? ORDER BY qm.published DESC, qm.article_id, qm.quote_seq LIMIT ?""",
        (key, limit)))


def quotes(connection: sqlite3.Connection, speaker: str | None = None, search: str | None = None,
           speaker_key: str | None = None, direct_only: bool = False, limit: int = 50, offset: int = 0) -> list[Row]:
    """Quotes, by speaker (name or alias) and/or containing some words (accents and case ignored)."""
    filters, params = [CANONICAL], []
    if speaker is not None:
        keys = find_entity_keys(connection, speaker)
        if keys:
            filters.append(f"q.speaker_key IN ({','.join('?' * len(keys))})")
            params.extend(keys)
        else:
            filters.append("q.speaker LIKE ? ESCAPE '\\'")
            params.append(f"%{_like(speaker)}%")
    if speaker_key is not None:
        filters.append("q.speaker_key = ?")
        params.append(speaker_key)
    if direct_only:
        filters.append("q.direct = 1")
    sql = f"""SELECT q.speaker, q.speaker_key, q.text, q.direct, q.verb, q.attribution, q.confidence,
                     q.start, a.published, a.id AS article_id, a.title
              FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE {' AND '.join(filters)}
              ORDER BY q.published DESC, q.article_id, q.start"""
    if not search:
        return _rows(connection.execute(sql + " LIMIT ? OFFSET ?", (*params, limit, offset)))
    wanted = fold(search)  # accents and case folded on both sides, which LIKE cannot do
    found = []
    skipped = 0
    for row in connection.execute(sql, params):
        if wanted in fold(row["text"]):
            if skipped < offset:
                skipped += 1
                continue
            found.append(dict(row))
            if len(found) >= limit:
                break
    return found


def events(connection: sqlite3.Connection, event_type: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None, entity_key: str | None = None,
           location_key: str | None = None, limit: int = 50, offset: int = 0) -> list[Row]:
    """Events by category, place (name or alias, or its key), date range, or participant."""
    filters, params = _event_filters(connection, event_type, place, since, until, location_key)
    source, order = "events ev", "ev.day DESC, ev.article_id, ev.seq"
    if entity_key:  # newest first from the participant's index; an event where it has two roles once
        source = ("event_participants p JOIN events ev ON ev.article_id = p.article_id AND ev.seq = p.event_seq")
        order = "p.day DESC, p.article_id, p.event_seq"
        filters += ["p.entity_key = ?", """p.rowid = (SELECT min(o.rowid) FROM event_participants o WHERE
                    o.article_id = p.article_id AND o.event_seq = p.event_seq AND o.entity_key = p.entity_key)"""]
        params.append(entity_key)
    rows = _rows(connection.execute(
        f"""SELECT ev.seq, ev.type, ev.date, ev.location, ev.location_key, ev.text, ev.negated, ev.hypothetical,
                   ev.start,
                   a.id AS article_id, a.published
            FROM {source} LEFT JOIN articles a ON a.id = ev.article_id WHERE {' AND '.join(filters)}
            ORDER BY {order} LIMIT ? OFFSET ?""", (*params, limit, offset)))
    for row in rows:
        participants = connection.execute(
            "SELECT role, name, entity_key FROM event_participants WHERE article_id = ? AND event_seq = ? "
            "ORDER BY rowid", (row["article_id"], row["seq"])).fetchall()
        for role, plural in (("actor", "actors"), ("target", "targets")):
            row[plural] = [p["name"] for p in participants if p["role"] == role]
            row[f"{role}_keys"] = [p["entity_key"] for p in participants if p["role"] == role]
    return rows


def _event_filters(connection: sqlite3.Connection, event_type: str | None, place: str | None, since: str | None,
                   until: str | None, location_key: str | None = None) -> tuple[list[str], list[Any]]:
    filters, params = [CANONICAL], []
    if event_type:
        filters.append("ev.type = ?")
        params.append(event_type.upper())
    if place:
        keys = find_entity_keys(connection, place)
        if keys:  # a known place: its index; else the words as written (a scan, but of what was asked)
            filters.append(f"ev.location_key IN ({','.join('?' * len(keys))})")
            params.extend(keys)
        else:
            filters.append("ev.location LIKE ? ESCAPE '\\'")
            params.append(_like(place))
    _between(filters, params, since, until, column="ev.day")
    if location_key:
        filters.append("ev.location_key = ?")
        params.append(location_key)
    return filters, params


def event_places(connection: sqlite3.Connection, event_type: str | None = None, place: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int = 200) -> list[Row]:
    """Where the events so filtered happened: each place with its coordinates and number of events."""
    filters, params = _event_filters(connection, event_type, place, since, until)
    return _rows(connection.execute(
        f"""SELECT e.key, e.name, e.lat, e.lon, e.country_code, count(*) AS events
            FROM events ev JOIN articles a ON a.id = ev.article_id JOIN entities e ON e.key = ev.location_key
            WHERE {' AND '.join(filters)} AND e.lat IS NOT NULL
            GROUP BY e.key ORDER BY events DESC, e.name LIMIT ?""", (*params, limit)))


def articles_per_day(connection: sqlite3.Connection, since: str | None = None,
                     until: str | None = None) -> list[Row]:
    """How many stories (copies left out) were published each day."""
    filters: list[str] = [CANONICAL, "a.published IS NOT NULL"]
    params: list[Any] = []
    _between(filters, params, since, until)
    return _rows(connection.execute(
        f"""SELECT substr(a.published, 1, 10) AS day, count(*) AS articles FROM articles a
            WHERE {' AND '.join(filters)} GROUP BY day ORDER BY day""", params))


def latest_day(connection: sqlite3.Connection) -> str | None:
    """The publication day of the newest article."""
    row = connection.execute("SELECT max(substr(published, 1, 10)) FROM articles").fetchone()
    return row[0] if row else None


def search(connection: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[Row]:
    """Full-text search over titles and texts (FTS5; accents and case folded), best matches first among the
    SEARCH_SCAN matching articles ingested last, so a word found in half a million articles is answered as
    fast as a rare one."""
    words = [re.findall(r"\w+", chunk) for chunk in query.split()]
    if not any(words):
        return []
    match = " ".join('"' + " ".join(w) + '"' for w in words if w)  # "cessez-le-feu" is one phrase
    found = _rows(connection.execute(
        f"""SELECT a.id, a.published, a.title, m.rowid FROM
                (SELECT rowid, bm25(articles_fts) AS score FROM articles_fts WHERE articles_fts MATCH ?
                 ORDER BY rowid DESC LIMIT ?) m
            JOIN articles a ON a.rowid = m.rowid WHERE {CANONICAL} ORDER BY m.score LIMIT ? OFFSET ?""",
        (match, SEARCH_SCAN, limit, offset)))
    for row in found:  # the snippet of the few shown, not of every match
        row["snippet"] = connection.execute(
            "SELECT snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts WHERE articles_fts MATCH ? "
            "AND rowid = ?", (match, row.pop("rowid"))).fetchone()[0]
    return found


def articles(connection: sqlite3.Connection, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> list[Row]:
    """Articles, newest first, with their copies left out."""
    filters: list[str] = [CANONICAL]
    params: list[Any] = []
    _between(filters, params, since, until)
    return _rows(connection.execute(
        f"""SELECT a.id, a.published, a.title, a.url, a.caption, a.credit FROM articles a
            WHERE {' AND '.join(filters)} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?""",
        (*params, limit, offset)))


def article_document(connection: sqlite3.Connection, article_id: str) -> Row | None:
    """One article's whole document, and the copies of it the corpus holds (or the story it copies)."""
    row = connection.execute("SELECT document, canonical_id, similarity FROM articles WHERE id = ?",
                             (article_id,)).fetchone()
    if row is None:
        return None
    document: Row = json.loads(row["document"])
    document["id"] = article_id
    document["copy_of"] = row["canonical_id"]
    document["copies"] = [r[0] for r in connection.execute(
        "SELECT id FROM articles WHERE canonical_id = ? ORDER BY id", (article_id,))]
    return document


def counts(connection: sqlite3.Connection, kind: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 50, offset: int = 0) -> list[Row]:
    """Counts (killed, injured, arrested...), newest articles first."""
    filters, params = [CANONICAL], []
    if kind:
        filters.append("c.kind = ?")
        params.append(kind)
    _between(filters, params, since, until)
    return _rows(connection.execute(
        f"""SELECT c.kind, c.value, c.qualifier, c.text, c.location, a.id AS article_id, a.published
            FROM counts c JOIN articles a ON a.id = c.article_id WHERE {' AND '.join(filters)}
            ORDER BY a.published DESC, a.id, c.seq LIMIT ? OFFSET ?""", (*params, limit, offset)))


def corpus_stats(connection: sqlite3.Connection) -> Row:
    """How big the corpus is."""
    row = connection.execute(
        """SELECT count(*) AS articles, sum(canonical_id IS NOT NULL) AS near_duplicates,
                  (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM quotes) AS quotes,
                  (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM counts) AS counts
           FROM articles""").fetchone()
    return dict(row)
