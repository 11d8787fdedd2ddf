"""Writing analysed articles into the corpus, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

from vigie.extract.entities import entity_key
from vigie.ingest.records import RawRecord
from vigie.model import Article, Entity
from vigie.store.neardup import find_near_duplicate, index_signature, pack, signature
from vigie.textnorm import fold


def source_hash(record: RawRecord) -> str:
    """Hash of a record's raw content: the same input is recognised before any analysis."""
    body = record.text if record.text is not None else record.html or ""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def known_source(connection: sqlite3.Connection, digest: str) -> bool:
    return connection.execute("SELECT 1 FROM articles WHERE source_hash = ?", (digest,)).fetchone() is not None


def _unique_id(connection: sqlite3.Connection, article_id: str, digest: str) -> str:
    taken = connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return article_id if taken is None else f"{article_id}-{digest[:8]}"


def store_article(connection: sqlite3.Connection, article: Article, digest: str) -> tuple[str, str | None]:
    """Insert an article and its facts; return (stored id, canonical id if it copies another story).

    Entities of a near-duplicate are stored with it but do not add to the
    cross-article counts, so a story sent to many outlets counts once.
    """
    sig = signature(article.text)
    match = find_near_duplicate(connection, sig)
    article_id = _unique_id(connection, article.id, digest)
    connection.execute(
        """INSERT INTO articles (id, source_hash, content_hash, canonical_id, similarity, minhash, url, published,
               published_inferred, title, caption, credit, text, source_path, ingested_at, document)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (article_id, digest, article.content_hash, match.canonical_id if match else None,
         match.similarity if match else None, pack(sig), article.url, article.published,
         int(article.published_inferred), article.title, article.caption, article.credit, article.text,
         article.source.path if article.source else None, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
         article.to_json(indent=None)),
    )
    index_signature(connection, article_id, sig)
    keys = {entity.id: _store_entity(connection, entity, article, counted=match is None) for entity in article.entities}
    for entity in article.entities:
        connection.executemany(
            "INSERT INTO mentions (article_id, entity_key, text, start, end) VALUES (?, ?, ?, ?, ?)",
            [(article_id, keys[entity.id], m.text, m.start, m.end) for m in entity.mentions])
    for quote in article.quotes:
        speaker = quote.speaker
        connection.execute(
            "INSERT INTO quotes (article_id, text, direct, speaker, speaker_key, verb, start, end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, quote.text, int(quote.direct), speaker.name if speaker else None,
             keys.get(speaker.entity_id or "") if speaker else None, quote.verb_lemma, quote.start, quote.end))
    event_ids = []
    for event in article.events:
        cursor = connection.execute(
            "INSERT INTO events (article_id, type, text, date, location, location_key, start, end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, event.type, event.text, event.date, event.location.name if event.location else None,
             keys.get(event.location.entity_id or "") if event.location else None, event.start, event.end))
        event_ids.append(cursor.lastrowid)
        connection.executemany(
            "INSERT INTO event_participants (event_id, role, name, entity_key) VALUES (?, ?, ?, ?)",
            [(cursor.lastrowid, role, ref.name, keys.get(ref.entity_id or ""))
             for role, refs in (("actor", event.actors), ("target", event.targets)) for ref in refs])
    for count in article.counts:
        connection.execute(
            "INSERT INTO counts (article_id, event_id, kind, value, qualifier, text, location, location_key, "
            "start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, event_ids[count.event_index] if count.event_index is not None else None, count.kind,
             count.value, count.qualifier, count.text, count.location.name if count.location else None,
             keys.get(count.location.entity_id or "") if count.location else None, count.start, count.end))
    return article_id, match.canonical_id if match else None


def _store_entity(connection: sqlite3.Connection, entity: Entity, article: Article, counted: bool) -> str:
    """Create or update the corpus-wide entity for an article's entity; return its key."""
    key = entity.key or entity_key(entity.type, entity.name)
    place = entity.place
    published = article.published
    connection.execute(
        """INSERT INTO entities (key, name, type, geonameid, lat, lon, country_code, first_seen, last_seen)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING""",
        (key, entity.name, entity.type, place.geonameid if place else None, place.lat if place else None,
         place.lon if place else None, place.country_code if place else None, published, published))
    if counted:
        connection.execute(
            """UPDATE entities SET mention_count = mention_count + ?, article_count = article_count + 1,
                   name = CASE WHEN geonameid IS NULL AND length(?) > length(name) THEN ? ELSE name END,
                   first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,
                   last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END
               WHERE key = ?""",
            (len(entity.mentions), entity.name, entity.name, published, published, published, published, key))
    for mention in {m.text for m in entity.mentions}:
        connection.execute(
            """INSERT INTO entity_aliases (entity_key, alias, folded, count) VALUES (?, ?, ?, 1)
               ON CONFLICT(entity_key, alias) DO UPDATE SET count = count + 1""",
            (key, mention, fold(mention)))
    return key
