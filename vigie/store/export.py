"""Exports of a corpus, one file per table, as CSV, JSON lines or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

# Exported tables and their columns (articles.minhash, a binary signature, stays in the database).
TABLES: dict[str, list[str]] = {
    "articles": ["id", "source_hash", "content_hash", "canonical_id", "similarity", "url", "published",
                 "published_inferred", "title", "caption", "credit", "text", "source_path", "ingested_at"],
    "entities": ["key", "name", "type", "geonameid", "lat", "lon", "country_code", "mention_count",
                 "article_count", "first_seen", "last_seen"],
    "entity_aliases": ["entity_key", "alias", "count"],
    "mentions": ["article_id", "entity_key", "text", "start", "end"],
    "quotes": ["id", "article_id", "text", "direct", "speaker", "speaker_key", "verb", "start", "end"],
    "events": ["id", "article_id", "type", "text", "date", "location", "location_key", "start", "end"],
    "event_participants": ["event_id", "role", "name", "entity_key"],
    "counts": ["id", "article_id", "event_id", "kind", "value", "qualifier", "text", "location", "location_key",
               "start", "end"],
}
FORMATS = ("csv", "jsonl", "parquet")


def export(connection: sqlite3.Connection, out_dir: str | Path, file_format: str) -> dict[str, int]:
    """Write every table to ``out_dir/<table>.<format>``; return the rows written per table."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, columns in TABLES.items():
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
            _write_parquet(path, columns, rows)
        written[table] = len(rows)
    return written


def _write_parquet(path: Path, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {column: [row[i] for row in rows] for i, column in enumerate(columns)}
    pq.write_table(pa.table(data), path)
