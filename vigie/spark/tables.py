"""The tables a Spark run writes: the columns of `vigie export` (named once, in ``vigie.store.rows``), with
Spark types read off the corpus schema itself, plus what a cluster run adds.

- ``articles`` also carries the whole ``document``, so `vigie ingest` loads a run without the NLP;
- every per-article table carries ``month`` (publication month, or ``unknown``), its Parquet partition;
- ``entities`` and ``entity_aliases`` are summed across articles as the corpus sums them;
- ``errors`` lists the records that could not be analysed, with the reason.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import Any

from vigie.store.rows import COLUMNS, exported_columns
from vigie.store.schema import migrate

MONTH = "month"
UNKNOWN_MONTH = "unknown"
ERRORS = "errors"
ERROR_COLUMNS = ("record", "reason")
CORPUS_WIDE = ("entities", "entity_aliases")  # summed over every article, not partitioned by month


@cache
def sqlite_types() -> dict[str, dict[str, str]]:
    """Declared type of every column of the projection's tables, from a corpus schema built in memory."""
    connection = sqlite3.connect(":memory:")
    try:
        migrate(connection)
        return {table: {row[1]: row[2] for row in connection.execute(f"PRAGMA table_info({table})")}
                for table in COLUMNS}
    finally:
        connection.close()


def table_columns(table: str) -> tuple[str, ...]:
    """The columns a Spark run writes for a table, in order."""
    if table == ERRORS:
        return (*ERROR_COLUMNS, MONTH)
    columns = exported_columns(table)
    if table == "articles":
        columns = (*columns, "document")
    return columns if table in CORPUS_WIDE else (*columns, MONTH)


def spark_schema(table: str) -> Any:
    """The Spark StructType of a table (pyspark is imported here: only a Spark run needs it)."""
    from pyspark.sql import types

    spark_types = {"TEXT": types.StringType, "INTEGER": types.LongType, "REAL": types.DoubleType,
                   "BLOB": types.BinaryType}
    declared = sqlite_types().get(table, {})
    return types.StructType([
        types.StructField(column, spark_types.get(declared.get(column, "TEXT"), types.StringType)())
        for column in table_columns(table)])


def month_of(published: str | None) -> str:
    """The partition of an article: 'YYYY-MM' of its publication, or 'unknown'."""
    return published[:7] if published and len(published) >= 7 and published[4] == "-" else UNKNOWN_MONTH
