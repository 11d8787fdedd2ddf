"""The embedded corpus: SQLite (WAL, FTS5), one file that opens as-is in Datasette."""

from vigie.store.db import open_db
from vigie.store.schema import SCHEMA_VERSION, migrate

__all__ = ["SCHEMA_VERSION", "migrate", "open_db"]
