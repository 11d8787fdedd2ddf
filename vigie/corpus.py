"""The ingest service: read inputs → skip known sources → pipeline → store, in batches.

Idempotent (a record whose raw content is already stored is skipped before any analysis; an article
whose cleaned text is already stored is a duplicate) and resumable: each batch is one transaction, so a
crash loses at most the batch in flight and a rerun picks up where it stopped. Article documents that
`vigie extract` (or a Spark job) wrote are stored as they are, without running the NLP again.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from vigie.errors import RecordError
from vigie.model import Article
from vigie.pipeline import Pipeline
from vigie.readers import read_paths
from vigie.readers.records import DEFAULT_MAX_BYTES, RawRecord
from vigie.runner import run_pipeline
from vigie.store.db import open_db, refresh_statistics
from vigie.store.writer import CorpusTotals, known_content, known_source, store_article

DEFAULT_BATCH = 50


@dataclass
class IngestSummary:
    """What an ingest run did."""

    ingested: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    failed: list[RecordError] = field(default_factory=list)

    def lines(self) -> list[str]:
        reasons = Counter(error.reason.split(":")[0] for error in self.failed)
        text = [f"ingested {self.ingested} article(s) ({self.near_duplicates} near-duplicate copies linked), "
                f"{self.duplicates} duplicate(s) skipped, {len(self.failed)} failed"]
        text += [f"  {count} × {reason}" for reason, count in reasons.most_common()]
        return text


def ingest(paths: Iterable[str], db_path: str | Path, workers: int = 1, published: str | None = None,
           batch_size: int = DEFAULT_BATCH, progress: bool | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
           pipeline: Pipeline | None = None, follow_symlinks: bool = False) -> IngestSummary:
    """Ingest every article under ``paths`` into the corpus at ``db_path``."""
    connection = open_db(db_path)
    try:
        records = read_paths(paths, published=published, max_bytes=max_bytes, follow_symlinks=follow_symlinks)
        return ingest_records(connection, records, pipeline or Pipeline(), workers, batch_size, progress)
    finally:
        connection.close()


def ingest_records(connection: sqlite3.Connection, records: Iterable[RawRecord | RecordError], pipeline: Pipeline,
                   workers: int = 1, batch_size: int = DEFAULT_BATCH, progress: bool | None = None,
                   on_stored: Callable[[str | None, str | None], None] | None = None) -> IngestSummary:
    """Analyse and store records (known inputs skipped before any analysis); ``on_stored(url, stored id)``
    hears of each article as its batch lands (the stored id is None for a duplicate)."""
    summary = IngestSummary()

    def new_records() -> Iterator[RawRecord | RecordError]:
        for record in records:
            if isinstance(record, RawRecord) and known_source(connection, record.source_hash):
                summary.duplicates += 1
                if on_stored is not None:
                    on_stored(record.url, None)
                continue
            yield record

    outcomes = run_pipeline(new_records(), pipeline, workers=workers)
    bar = tqdm(outcomes, desc="ingest", unit="article", file=sys.stderr,
               disable=None if progress is None else not progress)
    batch: list[Article] = []
    for outcome in bar:
        if isinstance(outcome, RecordError):
            summary.failed.append(outcome)
            tqdm.write(f"error: {outcome}", file=sys.stderr)
            continue
        batch.append(outcome)
        if len(batch) >= batch_size:
            _write(connection, batch, summary, on_stored)
            batch = []
    if batch:
        _write(connection, batch, summary, on_stored)
    if summary.ingested:
        refresh_statistics(connection)
    return summary


def _write(connection: sqlite3.Connection, batch: list[Article], summary: IngestSummary,
           on_stored: Callable[[str | None, str | None], None] | None = None) -> None:
    """One transaction for the whole batch: all of it lands, or none of it. BEGIN IMMEDIATE takes the
    write lock before reading, so two ingests into one corpus wait for each other instead of failing."""
    connection.execute("BEGIN IMMEDIATE")
    with connection:
        totals = CorpusTotals()
        for article in batch:
            if known_source(connection, article.source_hash) or known_content(connection, article.content_hash):
                summary.duplicates += 1
                if on_stored is not None:
                    on_stored(article.url, None)
                continue
            stored, canonical = store_article(connection, article, totals)
            if on_stored is not None:
                on_stored(article.url, stored)
            if stored != article.id:
                tqdm.write(f"warning: id {article.id!r} is taken by another article; stored as {stored!r}",
                           file=sys.stderr)
            summary.ingested += 1
            summary.near_duplicates += canonical is not None
        totals.flush(connection)
