"""Corpus speed: ingest throughput beside bare spaCy, and query latencies on a large generated corpus.

1. Ingest the dev + TimeBank articles into a fresh database, and run the
   extraction alone and bare ``nlp.pipe`` on the same texts, in the same
   run: articles/s of each and the ratios of ingest to both.
2. Grow a corpus to ``--articles`` (default 1,000,000: about 40 minutes
   and 20 GB of disk on a 2-core machine; ``--articles 20000`` for a quick
   look) with copies of the ingested articles under new ids and dates,
   written through the store's own projection and writer, a batch of 2,000
   per transaction as at ingest (the extraction is not rerun), then time an
   entity profile, quotes by speaker, events by place and dates, full-text
   search and the top entities of a month (median of 5 runs), and report
   the database size per 1,000 articles.

    python -m benchmarks.corpus [--articles N] [--keep DIR]
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

from benchmarks.figures import figure
from benchmarks.goldset import GOLD, gold_records
from vigie.corpus import ingest
from vigie.model import Article
from vigie.nlp import DEFAULT_MODEL
from vigie.pipeline import Pipeline
from vigie.store import open_db, queries
from vigie.store.db import refresh_statistics
from vigie.store.rows import Row, article_rows
from vigie.store.writer import CorpusTotals, write_rows


def write_inputs(folder: Path) -> tuple[Path, list[str]]:
    """The dev and TimeBank articles as one JSON-lines file (with their dates), and their texts."""
    records = gold_records(GOLD / "dev") + gold_records(GOLD / "timebank")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": r.id, "text": r.text, "published": r.published}) + "\n"
                            for r in records), encoding="utf-8")
    return path, [r.text or "" for r in records]


def _copy_rows(rows: dict[str, list[Row]], new_id: str, day: str, tag: str) -> dict[str, list[Row]]:
    """One article's projected rows under another id and date (entity rows keep their keys)."""
    copied: dict[str, list[Row]] = {}
    for table, table_rows in rows.items():
        fresh = []
        for row in table_rows:
            row = dict(row)
            if "article_id" in row:
                row["article_id"] = new_id
            if table == "articles":
                row.update(id=new_id, source_hash=f"{row['source_hash']}~{tag}", published=day,
                           ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
            if table == "entities":
                row.update(first_seen=day, last_seen=day)
            fresh.append(row)
        copied[table] = fresh
    return copied


def grow(connection: sqlite3.Connection, target: int) -> None:
    """Copies of the ingested articles with new ids and dates, written through the store's projection
    (``article_rows``) and writer (``write_rows``), so the pre-aggregated tables grow as at ingest."""
    originals = []
    for document, in connection.execute("SELECT document FROM articles WHERE canonical_id IS NULL "
                                         "AND id NOT LIKE '%~%' ORDER BY id"):  # not the copies of a kept corpus
        article = Article.from_dict(json.loads(document))
        originals.append(article_rows(article))
    start_day = dt.date(2024, 1, 1)
    copy = 0
    present = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    started = time.perf_counter()
    totals = CorpusTotals()
    while present + copy < target:
        with connection:
            for _ in range(min(2000, target - present - copy)):
                rows = originals[copy % len(originals)]
                day = (start_day + dt.timedelta(days=copy % 700)).isoformat()
                serial = present + copy  # unique across runs that grow the same kept database
                write_rows(connection, _copy_rows(rows, f"{rows['articles'][0]['id']}~{serial}", day, str(serial)),
                           totals)
                copy += 1
            totals.flush(connection)
        print(f"  grown to {present + copy} articles ({copy / (time.perf_counter() - started):.0f}/s)",
              end="\r", flush=True)
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
    parser.add_argument("--articles", type=int, default=1_000_000)
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
    list(bare.pipe(texts, batch_size=16))  # warm, as the extraction below
    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=16))
    bare_rate = len(texts) / (time.perf_counter() - start)
    gold = gold_records(GOLD / "dev") + gold_records(GOLD / "timebank")
    list(pipeline.process(gold))  # a first pass grows spaCy's string store and the caches: ingest gets them too
    start = time.perf_counter()
    list(pipeline.process(gold))
    extract_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    summary = ingest([str(records)], db, pipeline=pipeline, progress=False)
    ingest_rate = summary.ingested / (time.perf_counter() - start)
    print(f"{len(texts)} articles: bare spaCy nlp.pipe {bare_rate:.1f} articles/s, vigie extraction "
          f"{extract_rate:.1f} articles/s, vigie ingest {ingest_rate:.1f} articles/s")
    figure("ingest / extraction, articles/s", f"{ingest_rate / extract_rate:.2f}×", "≥ 0.8×")
    figure("ingest / bare spaCy, articles/s", f"{ingest_rate / bare_rate:.2f}×")

    connection = open_db(db)
    grow(connection, args.articles)
    refresh_statistics(connection)  # as an ingest leaves it
    total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    size = db.stat().st_size + (db.with_name(db.name + "-wal").stat().st_size
                                if db.with_name(db.name + "-wal").exists() else 0)
    print(f"query latencies on {total} articles (median of 5), database {size / total * 1000 / 1e6:.1f} MB "
          "per 1,000 articles:")
    figure(f"database size per 1,000 articles ({total} articles)", f"{size / total * 1000 / 1e6:.1f} MB")
    for label, query in (
            ("entity profile 'Emmanuel Macron'", lambda: queries.entity_profile(connection, "Emmanuel Macron")),
            ("quotes by speaker 'Bayrou'", lambda: queries.quotes(connection, speaker="Bayrou")),
            ("events by place 'Paris' and dates", lambda: queries.events(connection, place="Paris",
                                                                         since="2024-03-01", until="2024-06-30")),
            ("full-text search 'cessez-le-feu'", lambda: queries.search(connection, "cessez-le-feu")),
            ("top entities of a month", lambda: queries.top_entities(connection, since="2024-05-01",
                                                                     until="2024-05-31"))):
        milliseconds = median_ms(query)
        print(f"  {label:36s} {milliseconds:8.1f} ms  (goal < 100 ms)")
        figure(f"{label}, {total} articles", f"{milliseconds:.1f} ms", "< 100 ms")


if __name__ == "__main__":
    main()
