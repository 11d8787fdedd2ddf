"""Corpus speed: ingest throughput beside bare spaCy, and query latencies on a large generated corpus.

1. Ingest the dev + TimeBank articles into a fresh database and run bare
   ``nlp.pipe`` on the same texts, in the same run: articles/s of each and
   their ratio.
2. Grow a corpus to ``--articles`` (default 100,000) by resampling the
   ingested articles (copies with new ids and dates, for load only: the
   extraction is not rerun), then time an entity profile, quotes by
   speaker and events by place (median of 5 runs).

    python benchmarks/corpus.py [--articles N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from benchmarks.goldset import GOLD, gold_records
from vigie.corpus import ingest
from vigie.nlp import DEFAULT_MODEL
from vigie.pipeline import Pipeline
from vigie.store import open_db, queries

CHILD_TABLES = {
    "mentions": ["entity_key", "text", "start", "end"],
    "quotes": ["text", "direct", "speaker", "speaker_key", "verb", "start", "end"],
    "counts": ["kind", "value", "qualifier", "text", "location", "location_key", "start", "end"],
}


def write_inputs(folder: Path) -> tuple[Path, list[str]]:
    """The dev and TimeBank articles as one JSON-lines file (with their dates), and their texts."""
    records = gold_records(GOLD / "dev") + gold_records(GOLD / "timebank")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": r.id, "text": r.text, "published": r.published}) + "\n"
                            for r in records), encoding="utf-8")
    return path, [r.text or "" for r in records]


def grow(connection: sqlite3.Connection, target: int) -> None:
    """Resample the stored articles (and their mentions, quotes, events, counts) up to ``target`` articles."""
    originals = [dict(r) for r in connection.execute("SELECT * FROM articles")]
    columns = [c for c in originals[0] if c != "id"]
    start_day = dt.date(2024, 1, 1)
    copy = 0
    while len(originals) + copy < target:
        with connection:
            for _ in range(min(1000, target - len(originals) - copy)):
                source = originals[copy % len(originals)]
                new_id = f"{source['id']}~{copy}"
                row = {**source, "id": new_id, "source_hash": f"{source['source_hash']}~{copy}",
                       "published": (start_day + dt.timedelta(days=copy % 700)).isoformat(), "document": "{}"}
                connection.execute(f"INSERT INTO articles (id, {', '.join(columns)}) VALUES "
                                   f"({', '.join('?' * (len(columns) + 1))})", [new_id, *(row[c] for c in columns)])
                for table, fields in CHILD_TABLES.items():
                    quoted = ", ".join(f'"{f}"' for f in fields)
                    connection.execute(f"INSERT INTO {table} (article_id, {quoted}) SELECT ?, {quoted} FROM {table} "
                                       "WHERE article_id = ?", (new_id, source["id"]))
                events = connection.execute("SELECT * FROM events WHERE article_id = ?", (source["id"],)).fetchall()
                for event in events:
                    cursor = connection.execute(
                        "INSERT INTO events (article_id, type, text, date, location, location_key, start, end) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (new_id, event["type"], event["text"], event["date"], event["location"],
                         event["location_key"], event["start"], event["end"]))
                    connection.execute("INSERT INTO event_participants (event_id, role, name, entity_key) "
                                       "SELECT ?, role, name, entity_key FROM event_participants WHERE event_id = ?",
                                       (cursor.lastrowid, event["id"]))
                copy += 1
        print(f"  grown to {len(originals) + copy} articles", end="\r", flush=True)
    print()


def median_ms(function: Callable[[], Any], runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="vigie-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    records, texts = write_inputs(folder)
    db = folder / "corpus.db"
    db.unlink(missing_ok=True)

    pipeline = Pipeline()
    pipeline.warm_up()
    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe(texts[:4]))
    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=16))
    bare_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    summary = ingest([str(records)], db, pipeline=pipeline, progress=False)
    ingest_rate = summary.ingested / (time.perf_counter() - start)
    print(f"{len(texts)} articles: bare spaCy nlp.pipe {bare_rate:.1f} articles/s, "
          f"vigie ingest {ingest_rate:.1f} articles/s, ratio {ingest_rate / bare_rate:.2f}")

    connection = open_db(db)
    grow(connection, args.articles)
    connection.execute("ANALYZE")
    total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"query latencies on {total} articles (median of 5):")
    for label, query in (("entity profile 'Emmanuel Macron'", lambda: queries.entity_profile(connection,
                                                                                           "Emmanuel Macron")),
                         ("quotes by speaker 'Bayrou'", lambda: queries.quotes(connection, speaker="Bayrou")),
                         ("events by place 'Paris'", lambda: queries.events(connection, place="Paris"))):
        print(f"  {label:34s} {median_ms(query):8.1f} ms")


if __name__ == "__main__":
    main()
