"""Opening a corpus: read-write (WAL, migrated to the current schema) or read-only for readers and servers.

A read-only connection never migrates or writes, so a server or a query never changes the file, and a
file that is not a Vigie corpus is refused untouched with :class:`NotACorpus`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vigie.store.schema import DATABASE_VERSION, check_version, database_version, migrate

BUSY_TIMEOUT_MS = 30_000
_CORE_TABLES = {"articles", "entities", "mentions", "quotes", "events", "counts"}


class NotACorpus(Exception):
    """The file exists but is not a Vigie corpus (or is damaged); the message says what it is."""


def open_db(path: str | Path) -> sqlite3.Connection:
    """A read-write connection to the corpus at ``path``, created and migrated if needed.

    An existing SQLite file of another application is refused, never converted.
    """
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    existing = file.exists() and file.stat().st_size > 0
    connection = _connect(f"file:{file}?mode=rwc")
    try:
        if existing:
            _check_corpus(connection, file, allow_empty=True)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection for queries and servers: no migration, no write, no new file."""
    file = Path(path)
    if not file.is_file():
        raise NotACorpus(f"no corpus at {file}")
    connection = _connect(f"file:{file}?mode=ro")
    try:
        _check_corpus(connection, file, allow_empty=False)
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _connect(uri: str) -> sqlite3.Connection:
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _check_corpus(connection: sqlite3.Connection, file: Path, allow_empty: bool) -> None:
    """Refuse what is not a Vigie corpus, or one newer than this Vigie, before touching it."""
    try:
        # one read transaction: the version and the tables of the same moment, even while another
        # process is creating the corpus
        connection.execute("BEGIN")
        try:
            version = database_version(connection)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise NotACorpus(f"not a Vigie corpus: {file} ({exc})") from None
    if version == 0 and not tables and allow_empty:
        return  # an empty SQLite file: becomes a corpus
    check_version(version)
    if version == 0 or not tables >= _CORE_TABLES:
        what = f"a SQLite database with tables {', '.join(sorted(tables)[:5])}" if tables else "an empty database"
        raise NotACorpus(f"not a Vigie corpus: {file} is {what}")
    if version < DATABASE_VERSION and not allow_empty:
        raise NotACorpus(f"corpus {file} is at schema {version}, this Vigie reads {DATABASE_VERSION}: "
                         "open it once for writing (e.g. `vigie ingest`) to upgrade it")


STATISTICS_GROWTH = 1.25  # the corpus grown by this factor since the planner's statistics: refresh them


def refresh_statistics(connection: sqlite3.Connection) -> None:
    """Let SQLite's planner know the tables' sizes once the corpus has grown by a quarter since it last
    looked (a few hundred rows sampled per index, so it stays quick on a large corpus; `vigie watch` ingests
    every few minutes and need not pay it each round): without them it may scan where an index answers."""
    recorded = None
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is not None:
        row = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").fetchone()
        recorded = int(row[0].split()[0]) if row is not None else None
    articles: int = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    if recorded is None or articles > recorded * STATISTICS_GROWTH:
        connection.execute("PRAGMA analysis_limit = 400")
        connection.execute("ANALYZE")
