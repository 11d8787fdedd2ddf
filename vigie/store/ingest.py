"""Ingest: read inputs, analyse new articles, write them into the corpus in batches.

Idempotent (a record whose raw content is already stored is skipped before
any analysis; an article whose cleaned text is already stored is a
duplicate) and resumable: each batch is one transaction, so a crash loses
at most the batch in flight and a rerun picks up where it stopped.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from vigie.ingest import read_paths
from vigie.ingest.records import DEFAULT_MAX_BYTES, RawRecord, RecordError
from vigie.model import Article
from vigie.pipeline import Pipeline
from vigie.runner import run_pipeline
from vigie.store.db import open_db
from vigie.store.writer import known_source, source_hash, store_article

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
           pipeline: Pipeline | None = None) -> IngestSummary:
    """Ingest every article under ``paths`` into the corpus at ``db_path``."""
    connection = open_db(db_path)
    summary = IngestSummary()
    digests: deque[str | None] = deque()

    def new_records() -> Iterator[RawRecord | RecordError]:
        for record in read_paths(paths, published=published, max_bytes=max_bytes):
            if isinstance(record, RecordError):
                digests.append(None)
                yield record
                continue
            digest = source_hash(record)
            if known_source(connection, digest):
                summary.duplicates += 1
                continue
            digests.append(digest)
            yield record

    outcomes = run_pipeline(new_records(), pipeline or Pipeline(), workers=workers)
    bar = tqdm(outcomes, desc="ingest", unit="article", file=sys.stderr,
               disable=None if progress is None else not progress)
    batch: list[tuple[Article, str]] = []
    try:
        for outcome in bar:
            digest = digests.popleft()
            if isinstance(outcome, RecordError):
                summary.failed.append(outcome)
                tqdm.write(f"error: {outcome}", file=sys.stderr)
                continue
            assert digest is not None
            batch.append((outcome, digest))
            if len(batch) >= batch_size:
                _write(connection, batch, summary)
                batch = []
        if batch:
            _write(connection, batch, summary)
    finally:
        connection.close()
    return summary


def _write(connection: sqlite3.Connection, batch: list[tuple[Article, str]], summary: IngestSummary) -> None:
    """One transaction for the whole batch: all of it lands, or none of it."""
    with connection:
        for article, digest in batch:
            if known_source(connection, digest) or connection.execute(
                    "SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone():
                summary.duplicates += 1
                continue
            _stored, canonical = store_article(connection, article, digest)
            summary.ingested += 1
            summary.near_duplicates += canonical is not None
