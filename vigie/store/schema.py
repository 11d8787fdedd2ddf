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
    # 2: quotes, events, participants and counts keyed by (article_id, seq), their order in the article,
    #    so that an article's rows are a pure function of its document (the projection in store.rows);
    #    events keep their negated / hypothetical flags
    """
    CREATE TEMP TABLE event_seq AS
        SELECT id, article_id, row_number() OVER (PARTITION BY article_id ORDER BY id) - 1 AS seq FROM events;

    CREATE TABLE new_quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        direct INTEGER NOT NULL,
        speaker TEXT,
        speaker_key TEXT REFERENCES entities(key),
        verb TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    INSERT INTO new_quotes SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY id) - 1,
        text, direct, speaker, speaker_key, verb, start, end FROM quotes;

    CREATE TABLE new_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        location TEXT,
        location_key TEXT REFERENCES entities(key),
        negated INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    INSERT INTO new_events SELECT ev.article_id, s.seq, ev.type, ev.text, ev.date, ev.location, ev.location_key,
        0, 0, ev.start, ev.end FROM events ev JOIN event_seq s ON s.id = ev.id;

    CREATE TABLE new_event_participants (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('actor', 'target')),
        name TEXT NOT NULL,
        entity_key TEXT REFERENCES entities(key)
    );
    INSERT INTO new_event_participants SELECT s.article_id, s.seq, p.role, p.name, p.entity_key
        FROM event_participants p JOIN event_seq s ON s.id = p.event_id ORDER BY p.rowid;

    CREATE TABLE new_counts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        event_seq INTEGER,
        kind TEXT NOT NULL,
        value INTEGER NOT NULL,
        qualifier TEXT NOT NULL,
        text TEXT NOT NULL,
        location TEXT,
        location_key TEXT REFERENCES entities(key),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    INSERT INTO new_counts SELECT c.article_id, row_number() OVER (PARTITION BY c.article_id ORDER BY c.id) - 1,
        s.seq, c.kind, c.value, c.qualifier, c.text, c.location, c.location_key, c.start, c.end
        FROM counts c LEFT JOIN event_seq s ON s.id = c.event_id;

    DROP TABLE event_participants;
    DROP TABLE counts;
    DROP TABLE events;
    DROP TABLE quotes;
    DROP TABLE event_seq;
    ALTER TABLE new_quotes RENAME TO quotes;
    ALTER TABLE new_events RENAME TO events;
    ALTER TABLE new_event_participants RENAME TO event_participants;
    ALTER TABLE new_counts RENAME TO counts;
    CREATE INDEX quotes_speaker ON quotes(speaker_key);
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_location ON events(location_key);
    CREATE INDEX event_participants_entity ON event_participants(entity_key);
    CREATE INDEX event_participants_event ON event_participants(article_id, event_seq);
    CREATE INDEX counts_kind ON counts(kind);
    """,
    # 3: what `vigie watch` follows and what it fetched, so a restart resumes and nothing is fetched twice
    """
    CREATE TABLE sources (
        url TEXT PRIMARY KEY,
        label TEXT,
        tags TEXT,
        etag TEXT,
        last_modified TEXT,
        last_fetch TEXT,
        last_success TEXT,
        error_count INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    CREATE TABLE fetched_urls (
        url TEXT PRIMARY KEY,
        source_url TEXT REFERENCES sources(url),
        status TEXT NOT NULL,
        reason TEXT,
        article_id TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE INDEX fetched_urls_source ON fetched_urls(source_url, status);
    """,
    # 4: pre-aggregated tables kept at ingest (stories counted once, copies left out), so that an entity's
    #    profile and the top entities of a period do not scan every mention of a large corpus
    """
    CREATE TABLE entity_days (
        entity_key TEXT NOT NULL REFERENCES entities(key),
        day TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity_key, day)
    );
    CREATE INDEX entity_days_day ON entity_days(day, entity_key);
    CREATE TABLE co_mentions (
        entity_key TEXT NOT NULL REFERENCES entities(key),
        other_key TEXT NOT NULL REFERENCES entities(key),
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity_key, other_key)
    );
    CREATE INDEX co_mentions_rank ON co_mentions(entity_key, articles);
    INSERT INTO entity_days (entity_key, day, mentions, articles)
        SELECT m.entity_key, coalesce(a.published, ''), count(*), count(DISTINCT m.article_id)
        FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.canonical_id IS NULL
        GROUP BY m.entity_key, coalesce(a.published, '');
    INSERT INTO co_mentions (entity_key, other_key, articles)
        SELECT x.entity_key, y.entity_key, count(DISTINCT x.article_id)
        FROM (SELECT DISTINCT article_id, entity_key FROM mentions) x
        JOIN (SELECT DISTINCT article_id, entity_key FROM mentions) y
            ON y.article_id = x.article_id AND y.entity_key != x.entity_key
        JOIN articles a ON a.id = x.article_id WHERE a.canonical_id IS NULL
        GROUP BY x.entity_key, y.entity_key;
    """,
    # 5: the day of each quote (its article's) and of each event (its own date, else its article's) kept on
    #    its row and indexed with the speaker, place, category and participant, so that the newest quotes
    #    of a speaker or events of a place come from an index in order, not from a sort of all of them;
    #    how each quote's speaker was found and how sure that is (older rows: unknown)
    """
    ALTER TABLE quotes ADD COLUMN published TEXT;
    ALTER TABLE quotes ADD COLUMN attribution TEXT;
    ALTER TABLE quotes ADD COLUMN confidence REAL;
    UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);
    DROP INDEX quotes_speaker;
    CREATE INDEX quotes_speaker ON quotes(speaker_key, published DESC, article_id, start);
    CREATE INDEX quotes_published ON quotes(published DESC, article_id, start);
    ALTER TABLE events ADD COLUMN day TEXT;
    UPDATE events SET day = coalesce(date, (SELECT a.published FROM articles a WHERE a.id = events.article_id));
    DROP INDEX events_type_date;
    DROP INDEX events_location;
    CREATE INDEX events_type_day ON events(type, day DESC, article_id, seq);
    CREATE INDEX events_location_day ON events(location_key, day DESC, article_id, seq);
    CREATE INDEX events_day ON events(day DESC, article_id, seq);
    ALTER TABLE event_participants ADD COLUMN day TEXT;
    UPDATE event_participants SET day = (SELECT ev.day FROM events ev
        WHERE ev.article_id = event_participants.article_id AND ev.seq = event_participants.event_seq);
    DROP INDEX event_participants_entity;
    CREATE INDEX event_participants_entity ON event_participants(entity_key, day DESC, article_id, event_seq);
    """,
    # 6: which entities each quote names (not its own speaker), kept at ingest for stories counted once, so
    #    the quotes about an entity come newest first from an index, however often it is named
    """
    CREATE TABLE quote_mentions (
        entity_key TEXT NOT NULL REFERENCES entities(key),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote_seq INTEGER NOT NULL,
        published TEXT,
        PRIMARY KEY (entity_key, article_id, quote_seq)
    ) WITHOUT ROWID;
    CREATE INDEX quote_mentions_recent ON quote_mentions(entity_key, published DESC, article_id, quote_seq);
    INSERT OR IGNORE INTO quote_mentions (entity_key, article_id, quote_seq, published)
        SELECT m.entity_key, q.article_id, q.seq, q.published
        FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND q.start <= m.start AND m.end <= q.end
        JOIN articles a ON a.id = q.article_id
        WHERE a.canonical_id IS NULL AND (q.speaker_key IS NULL OR q.speaker_key != m.entity_key);
    """,
]
DATABASE_VERSION = len(MIGRATIONS)


class NewerDatabase(RuntimeError):
    """The corpus was written by a newer Vigie: this one must not touch it."""


def database_version(connection: sqlite3.Connection) -> int:
    """The schema version a corpus is at (0 for a new, empty file)."""
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def check_version(version: int) -> None:
    """Refuse a corpus newer than this Vigie."""
    if version > DATABASE_VERSION:
        raise NewerDatabase(f"database schema {version} is newer than this Vigie ({DATABASE_VERSION}): upgrade Vigie")


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks; return its schema version.

    Each migration runs under an exclusive lock and re-reads the version inside it, so two processes
    opening a new corpus at once apply each migration once; a crash leaves the previous version intact.
    """
    check_version(database_version(connection))
    while (current := database_version(connection)) < DATABASE_VERSION:
        connection.execute("BEGIN EXCLUSIVE")
        try:
            current = database_version(connection)
            check_version(current)
            if current < DATABASE_VERSION:
                for statement in _statements(MIGRATIONS[current]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {current + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return DATABASE_VERSION


def _statements(script: str) -> list[str]:
    """The statements of a migration, one at a time (a trigger body keeps its inner semicolons)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
