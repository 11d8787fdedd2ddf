"""Opening a corpus database: WAL journal, foreign keys, the schema migrated to the current version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vigie.store.schema import migrate


def open_db(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the corpus at ``path`` (created and migrated if needed)."""
    if readonly:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
    return connection
