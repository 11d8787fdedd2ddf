"""The corpus schema, as numbered migrations applied in order (PRAGMA user_version records the last).

Add a migration at the end of ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: articles, entities across articles, and everything extracted, with full-text search
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_hash TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        canonical_id TEXT REFERENCES articles(id),
        similarity REAL,
        minhash BLOB NOT NULL,
        url TEXT,
        published TEXT,
        published_inferred INTEGER NOT NULL DEFAULT 0,
        title TEXT,
        caption TEXT,
        credit TEXT,
        text TEXT NOT NULL,
        source_path TEXT,
        ingested_at TEXT NOT NULL,
        document TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_canonical ON articles(canonical_id);

    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        bucket TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX minhash_bands_lookup ON minhash_bands(band, bucket);

    CREATE TABLE entities (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        geonameid INTEGER,
        lat REAL,
        lon REAL,
        country_code TEXT,
        mention_count INTEGER NOT NULL DEFAULT 0,
        article_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT
    );
    CREATE INDEX entities_type ON entities(type, mention_count);

    CREATE TABLE entity_aliases (
        entity_key TEXT NOT NULL REFERENCES entities(key),
        alias TEXT NOT NULL,
        folded TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_key, alias)
    );
    CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_key TEXT NOT NULL REFERENCES entities(key),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_key, article_id);
    CREATE INDEX mentions_article ON mentions(article_id);

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        direct INTEGER NOT NULL,
        speaker TEXT,
        speaker_key TEXT REFERENCES entities(key),
        verb TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_key);
    CREATE INDEX quotes_article ON quotes(article_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        location TEXT,
        location_key TEXT REFERENCES entities(key),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_location ON events(location_key);
    CREATE INDEX events_article ON events(article_id);

    CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'target')),
        name TEXT NOT NULL,
        entity_key TEXT REFERENCES entities(key)
    );
    CREATE INDEX event_participants_entity ON event_participants(entity_key);
    CREATE INDEX event_participants_event ON event_participants(event_id);

    CREATE TABLE counts (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES events(id),
        kind TEXT NOT NULL,
        value INTEGER NOT NULL,
        qualifier TEXT NOT NULL,
        text TEXT NOT NULL,
        location TEXT,
        location_key TEXT REFERENCES entities(key),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX counts_article ON counts(article_id);
    CREATE INDEX counts_kind ON counts(kind);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks; return its schema version."""
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"database schema {current} is newer than this Vigie ({SCHEMA_VERSION}): upgrade Vigie")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        # one transaction per migration: a crash leaves the previous version intact
        connection.executescript(f"BEGIN;{MIGRATIONS[version - 1]};PRAGMA user_version = {version};COMMIT;")
    return SCHEMA_VERSION
