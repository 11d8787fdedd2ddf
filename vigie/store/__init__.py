"""The embedded corpus: SQLite (WAL, FTS5), one file that opens as-is in Datasette.

Persistence only: this package imports the model and nothing above it (no pipeline, no readers).
"""

from vigie.store.db import NotACorpus, open_db, open_readonly
from vigie.store.schema import DATABASE_VERSION, NewerDatabase, migrate

__all__ = ["DATABASE_VERSION", "NewerDatabase", "NotACorpus", "migrate", "open_db", "open_readonly"]
