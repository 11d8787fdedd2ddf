"""Exports of a corpus, one file per table, as CSV, JSON lines or Parquet, with the projection's columns."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

from vigie.store.rows import COLUMNS, exported_columns

FORMATS = ("csv", "jsonl", "parquet")


def export(connection: sqlite3.Connection, out_dir: str | Path, file_format: str) -> dict[str, int]:
    """Write every table to ``out_dir/<table>.<format>``; return the rows written per table."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in COLUMNS:
        columns = list(exported_columns(table))
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = [tuple(r) for r in connection.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid")]
        path = out / f"{table}.{file_format}"
        if file_format == "csv":
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(rows)
        elif file_format == "jsonl":
            with path.open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
        else:
            declared = {row[1]: row[2] for row in connection.execute(f"PRAGMA table_info({table})")}
            _write_parquet(path, columns, [declared[c] for c in columns], rows)
        written[table] = len(rows)
    return written


def _write_parquet(path: Path, columns: list[str], declared: list[str], rows: list[tuple[Any, ...]]) -> None:
    """A Parquet file whose column types are the schema's (an all-empty column stays a string, say), the
    same types a Spark run writes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
    schema = pa.schema([(column, types.get(kind, pa.string())) for column, kind in zip(columns, declared, strict=True)])
    data = {column: [row[i] for row in rows] for i, column in enumerate(columns)}
    pq.write_table(pa.table(data, schema=schema), path)
