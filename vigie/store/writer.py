"""Writing analysed articles into the corpus: the rows of :mod:`vigie.store.rows`, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
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


def _insert(connection: sqlite3.Connection, table: str, rows: list[Row], conflict: str = "") -> None:
    if not rows:
        return
    columns = COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in columns)
    connection.executemany(f"INSERT {conflict} INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})",
                           [tuple(row[c] for c in columns) for row in rows])


def store_article(connection: sqlite3.Connection, article: Article) -> tuple[str, str | None]:
    """Insert an article and its facts; return (stored id, canonical id if it copies another story).

    Entities of a near-duplicate are stored with it but do not add to the cross-article counts, so a
    story sent to many outlets counts once. An id already taken by another article gets the input's
    hash as a suffix (the caller is told through the returned id).
    """
    article_id = _unique_id(connection, article.id, article.source_hash)
    rows = article_rows(article, article_id)
    row = rows["articles"][0]
    sig = unpack(row["minhash"])
    match = find_near_duplicate(connection, sig)
    row.update(canonical_id=match.canonical_id if match else None, similarity=match.similarity if match else None,
               ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    write_rows(connection, rows)
    index_signature(connection, article_id, sig)
    return article_id, match.canonical_id if match else None


def write_rows(connection: sqlite3.Connection, rows: dict[str, list[Row]]) -> None:
    """Write one article's rows (its ``articles`` row complete) and keep the corpus totals and the
    pre-aggregated tables (mentions per entity per day, co-mentions) in step; a copy of another story
    (``canonical_id`` set) adds to none of them."""
    article = rows["articles"][0]
    counted = article["canonical_id"] is None
    _insert(connection, "articles", rows["articles"])
    for entity in rows["entities"]:
        _store_entity(connection, entity, counted=counted)
    connection.executemany(
        """INSERT INTO entity_aliases (entity_key, alias, folded, count) VALUES (?, ?, ?, ?)
           ON CONFLICT(entity_key, alias) DO UPDATE SET count = count + excluded.count""",
        [(a["entity_key"], a["alias"], a["folded"], a["count"]) for a in rows["entity_aliases"]])
    for table in _PLAIN_TABLES:
        _insert(connection, table, rows[table])
    if counted:
        _aggregate(connection, rows, article["published"])


def _aggregate(connection: sqlite3.Connection, rows: dict[str, list[Row]], day: str | None) -> None:
    """Mentions per entity per day and the entities each one is mentioned with, counted per article."""
    mentions = Counter(m["entity_key"] for m in rows["mentions"])
    connection.executemany(
        """INSERT INTO entity_days (entity_key, day, mentions, articles) VALUES (?, ?, ?, 1)
           ON CONFLICT(entity_key, day) DO UPDATE SET mentions = mentions + excluded.mentions,
               articles = articles + 1""", [(key, day or "", count) for key, count in mentions.items()])
    keys = sorted(mentions)
    connection.executemany(
        """INSERT INTO co_mentions (entity_key, other_key, articles) VALUES (?, ?, 1)
           ON CONFLICT(entity_key, other_key) DO UPDATE SET articles = articles + 1""",
        [(a, b) for a in keys for b in keys if a != b])


def _store_entity(connection: sqlite3.Connection, entity: dict[str, Any], counted: bool) -> None:
    """Create or update the corpus-wide entity with one article's row. Its name is the longest any article
    gives it (of equal ones, the first in alphabetical order), whatever order the articles come in."""
    connection.execute(
        """INSERT INTO entities (key, name, type, geonameid, lat, lon, country_code, first_seen, last_seen)
           VALUES (:key, :name, :type, :geonameid, :lat, :lon, :country_code, :first_seen, :last_seen)
           ON CONFLICT(key) DO NOTHING""", entity)
    if counted:
        connection.execute(
            """UPDATE entities SET mention_count = mention_count + :mention_count,
                   article_count = article_count + :article_count,
                   name = CASE WHEN length(:name) > length(name)
                               OR (length(:name) = length(name) AND :name < name) THEN :name ELSE name END,
                   first_seen = CASE WHEN first_seen IS NULL OR :first_seen < first_seen THEN :first_seen
                                ELSE first_seen END,
                   last_seen = CASE WHEN last_seen IS NULL OR :last_seen > last_seen THEN :last_seen ELSE last_seen END
               WHERE key = :key""", entity)
