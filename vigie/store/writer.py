"""Writing analysed articles into the corpus: the rows of :mod:`vigie.store.rows`, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vigie.model import Article
from vigie.store.neardup import find_near_duplicate, index_signature, unpack
from vigie.store.rows import COLUMNS, Row, article_rows

# Tables whose rows are inserted as they are; articles and entities are written with corpus logic.
_PLAIN_TABLES = ("mentions", "quotes", "events", "event_participants", "counts")


def known_source(connection: sqlite3.Connection, digest: str) -> bool:
    """Whether a raw input with this hash is stored already."""
    return connection.execute("SELECT 1 FROM articles WHERE source_hash = ?", (digest,)).fetchone() is not None


def known_content(connection: sqlite3.Connection, content_hash: str) -> bool:
    """Whether an article with this cleaned text is stored already."""
    return connection.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None


def _unique_id(connection: sqlite3.Connection, article_id: str, digest: str) -> str:
    taken = connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return article_id if taken is None else f"{article_id}-{digest[:8]}"


def _insert(connection: sqlite3.Connection, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    columns = COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in columns)
    connection.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})",
                           [tuple(row[c] for c in columns) for row in rows])


def store_article(connection: sqlite3.Connection, article: Article,
                  totals: CorpusTotals | None = None) -> tuple[str, str | None]:
    """Insert an article and its facts; return (stored id, canonical id if it copies another story).

    Entities of a near-duplicate are stored with it but do not add to the cross-article counts, so a
    story sent to many outlets counts once. An id already taken by another article gets the input's
    hash as a suffix (the caller is told through the returned id). With ``totals``, the corpus totals
    wait there until the caller flushes them (once per batch).
    """
    article_id = _unique_id(connection, article.id, article.source_hash)
    rows = article_rows(article, article_id)
    row = rows["articles"][0]
    sig = unpack(row["minhash"])
    match = find_near_duplicate(connection, sig)
    row.update(canonical_id=match.canonical_id if match else None, similarity=match.similarity if match else None,
               ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    write_rows(connection, rows, totals)
    index_signature(connection, article_id, sig)
    return article_id, match.canonical_id if match else None


@dataclass
class CorpusTotals:
    """What a batch of articles adds to the corpus-wide totals and pre-aggregated tables (entity counts and
    names, mentions per entity per day, co-mentions), summed in memory and written once per batch: articles
    of one batch share most of their entities, so one upsert per entity, day and pair replaces one per
    article."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    days: Counter[tuple[str, str]] = field(default_factory=Counter)
    day_articles: Counter[tuple[str, str]] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, rows: dict[str, list[Row]]) -> None:
        """One counted article's share."""
        for entity in rows["entities"]:
            held = self.entities.get(entity["key"])
            self.entities[entity["key"]] = dict(entity) if held is None else _combined(held, entity)
        day = rows["articles"][0]["published"] or ""
        mentions = Counter(m["entity_key"] for m in rows["mentions"])
        for key, count in mentions.items():
            self.days[key, day] += count
            self.day_articles[key, day] += 1
        keys = sorted(mentions)
        self.pairs.update((a, b) for a in keys for b in keys if a != b)

    def flush(self, connection: sqlite3.Connection) -> None:
        """Write what the batch added, and start again from nothing."""
        connection.executemany(
            """UPDATE entities SET mention_count = mention_count + :mention_count,
                   article_count = article_count + :article_count,
                   name = CASE WHEN length(:name) > length(name)
                               OR (length(:name) = length(name) AND :name < name) THEN :name ELSE name END,
                   first_seen = CASE WHEN first_seen IS NULL OR :first_seen < first_seen THEN :first_seen
                                ELSE first_seen END,
                   last_seen = CASE WHEN last_seen IS NULL OR :last_seen > last_seen THEN :last_seen ELSE last_seen END
               WHERE key = :key""", list(self.entities.values()))
        connection.executemany(
            """INSERT INTO entity_days (entity_key, day, mentions, articles) VALUES (?, ?, ?, ?)
               ON CONFLICT(entity_key, day) DO UPDATE SET mentions = mentions + excluded.mentions,
                   articles = articles + excluded.articles""",
            [(key, day, count, self.day_articles[key, day]) for (key, day), count in self.days.items()])
        connection.executemany(
            """INSERT INTO co_mentions (entity_key, other_key, articles) VALUES (?, ?, ?)
               ON CONFLICT(entity_key, other_key) DO UPDATE SET articles = articles + excluded.articles""",
            [(a, b, count) for (a, b), count in self.pairs.items()])
        self.entities.clear()
        self.days.clear()
        self.day_articles.clear()
        self.pairs.clear()


def _combined(held: dict[str, Any], entity: dict[str, Any]) -> dict[str, Any]:
    """Two articles' rows of one entity as one: counts summed, the name rule of the corpus, widest dates."""
    names = sorted((held["name"], entity["name"]), key=lambda n: (-len(n), n))
    seen = [d for d in (held["first_seen"], entity["first_seen"]) if d is not None]
    last = [d for d in (held["last_seen"], entity["last_seen"]) if d is not None]
    return {**held, "name": names[0], "mention_count": held["mention_count"] + entity["mention_count"],
            "article_count": held["article_count"] + entity["article_count"],
            "first_seen": min(seen) if seen else None, "last_seen": max(last) if last else None}


def quote_mentions(rows: dict[str, list[Row]]) -> list[tuple[str, str, int, str | None]]:
    """(entity, article, quote, day) for each entity one of the article's quotes names, its speaker apart."""
    found = []
    for quote in rows["quotes"]:
        keys = {m["entity_key"] for m in rows["mentions"]
                if quote["start"] <= m["start"] and m["end"] <= quote["end"]} - {quote["speaker_key"]}
        found += [(key, quote["article_id"], quote["seq"], quote["published"]) for key in sorted(keys)]
    return found


def write_rows(connection: sqlite3.Connection, rows: dict[str, list[Row]], totals: CorpusTotals | None = None) -> None:
    """Write one article's rows (its ``articles`` row complete) and keep the corpus totals and the
    pre-aggregated tables (mentions per entity per day, co-mentions) in step, at once or, with ``totals``,
    when the caller flushes them; a copy of another story (``canonical_id`` set) adds to none of them."""
    article = rows["articles"][0]
    _insert(connection, "articles", rows["articles"])
    connection.executemany(  # the totals come with the batch's CorpusTotals; a copy adds none
        """INSERT INTO entities (key, name, type, geonameid, lat, lon, country_code, first_seen, last_seen)
           VALUES (:key, :name, :type, :geonameid, :lat, :lon, :country_code, :first_seen, :last_seen)
           ON CONFLICT(key) DO NOTHING""", rows["entities"])
    connection.executemany(
        """INSERT INTO entity_aliases (entity_key, alias, folded, count) VALUES (?, ?, ?, ?)
           ON CONFLICT(entity_key, alias) DO UPDATE SET count = count + excluded.count""",
        [(a["entity_key"], a["alias"], a["folded"], a["count"]) for a in rows["entity_aliases"]])
    for table in _PLAIN_TABLES:
        _insert(connection, table, rows[table])
    if article["canonical_id"] is None:
        connection.executemany(
            "INSERT OR IGNORE INTO quote_mentions (entity_key, article_id, quote_seq, published) VALUES (?, ?, ?, ?)",
            quote_mentions(rows))
        if totals is not None:
            totals.add(rows)
        else:
            single = CorpusTotals()
            single.add(rows)
            single.flush(connection)
