"""One round of watching: read every source (conditional GET), find the entries not fetched before,
fetch their pages, and ingest them through the same pipeline and store as `vigie ingest`.

The state lives in the corpus (``sources``, ``fetched_urls``), so a restart resumes and a URL is
fetched once, whatever its outcome. A stop request (Ctrl-C, SIGTERM) lets the page in hand finish.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from vigie.corpus import ingest_records
from vigie.errors import BadRecord, RecordError
from vigie.model import Source
from vigie.pipeline import Pipeline
from vigie.readers.decode import decode_html, header_charset
from vigie.readers.records import RawRecord, safe_id
from vigie.store import watchstate
from vigie.watch.feeds import Entry, parse_listing
from vigie.watch.http import Fetched, PoliteClient
from vigie.watch.sources import WatchedSource

MAX_SITEMAP_DEPTH = 2
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_duration(text: str) -> float:
    """'15m', '1h', '90s', '2d' or a number of seconds → seconds."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"not a duration: {text!r} (examples: 90s, 15m, 1h)")
    unit = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    return float(match.group(1)) * unit


@dataclass
class RoundReport:
    """What one round did, for its one-line summary."""

    sources: int = 0
    unchanged: int = 0
    new_entries: int = 0
    fetched: int = 0
    ingested: int = 0
    duplicates: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        failed = sum(self.failures.values())
        reasons = ", ".join(f"{count} {reason}" for reason, count in self.failures.most_common())
        return (f"{self.sources} sources ({self.unchanged} unchanged): {self.new_entries} new entries, "
                f"{self.fetched} pages fetched, {self.ingested} ingested, {self.duplicates} duplicates, "
                f"{failed} failed" + (f" ({reasons})" if reasons else ""))


@dataclass
class Watcher:
    """Follows a list of sources into one corpus."""

    connection: sqlite3.Connection
    sources: list[WatchedSource]
    pipeline: Pipeline
    client: PoliteClient
    workers: int = 1
    fetchers: int = 4
    stop: threading.Event = field(default_factory=threading.Event)

    def round(self) -> RoundReport:
        """Read every source once and ingest its new articles."""
        report = RoundReport(sources=len(self.sources))
        with self.connection:
            for source in self.sources:
                watchstate.register_source(self.connection, source.url, source.label, source.tags)
        wanted: list[tuple[WatchedSource, Entry]] = []
        for source in self.sources:
            if self.stop.is_set():
                break
            entries = self._entries(source, report)
            taken = {entry.url for _, entry in wanted}  # a page two feeds list is fetched once
            fresh = [entry for entry in self._new(source, entries) if entry.url not in taken]
            report.new_entries += len(fresh)
            wanted += [(source, entry) for entry in fresh]
        origin = {entry.url: source.url for source, entry in wanted}
        summary = ingest_records(self.connection, self._pages(wanted, report), self.pipeline, self.workers,
                                 progress=None, on_stored=self._stored(origin, report))
        with self.connection:
            for error in summary.failed:  # pages that could not be analysed ("no article text"...)
                report.failures[_reason_kind(error.reason)] += 1
                if error.name in origin:
                    watchstate.record_url(self.connection, error.name, origin[error.name], watchstate.FAILED,
                                          error.reason)
        return report

    def _entries(self, source: WatchedSource, report: RoundReport) -> list[Entry]:
        seen = watchstate.validators(self.connection, source.url)
        listing_urls, entries, depth = [source.url], [], 0
        while listing_urls and depth <= MAX_SITEMAP_DEPTH:
            next_urls = []
            for url in listing_urls:
                conditional = url == source.url
                answer = self.client.get(url, accept=("xml", "rss", "atom", "text"),
                                         etag=seen.etag if conditional else None,
                                         last_modified=seen.last_modified if conditional else None)
                if answer.not_modified:
                    report.unchanged += 1
                    with self.connection:
                        watchstate.source_succeeded(self.connection, source.url, seen)
                    continue
                if not answer.ok:
                    self._source_failed(source, f"feed: {answer.reason or answer.status}", report)
                    continue
                try:
                    listing = parse_listing(answer.body)
                except BadRecord as exc:
                    self._source_failed(source, f"feed: {exc}", report)
                    continue
                entries += listing.entries
                next_urls += listing.sitemaps
                if conditional:
                    with self.connection:
                        watchstate.source_succeeded(self.connection, source.url,
                                                    watchstate.Validators(answer.etag, answer.last_modified))
            listing_urls, depth = next_urls, depth + 1
        return entries

    def _source_failed(self, source: WatchedSource, reason: str, report: RoundReport) -> None:
        report.failures[_reason_kind(reason)] += 1
        with self.connection:
            watchstate.source_failed(self.connection, source.url, reason)

    def _new(self, source: WatchedSource, entries: list[Entry]) -> list[Entry]:
        unique = list({entry.url: entry for entry in entries}.values())
        known = watchstate.known_urls(self.connection, (entry.url for entry in unique))
        return [entry for entry in unique if entry.url not in known]

    def _pages(self, wanted: list[tuple[WatchedSource, Entry]], report: RoundReport) -> Iterator[RawRecord]:
        """Fetched pages as records, in order; failures recorded; nothing more once a stop is asked."""
        with ThreadPoolExecutor(max_workers=self.fetchers) as pool:
            futures = [pool.submit(self._fetch, entry) for _, entry in wanted]
            for (source, entry), future in zip(wanted, futures, strict=True):
                if self.stop.is_set():
                    future.cancel()
                    continue
                page = future.result()
                report.fetched += page.reason is None
                record = self._record(source, entry, page)
                if isinstance(record, RecordError):
                    report.failures[_reason_kind(record.reason)] += 1
                    with self.connection:
                        watchstate.record_url(self.connection, entry.url, source.url, watchstate.FAILED,
                                              record.reason)
                    continue
                yield record

    def _fetch(self, entry: Entry) -> Fetched:
        if self.stop.is_set():
            return Fetched(entry.url, reason="stopped")
        return self.client.get(entry.url, accept=("html",))

    def _record(self, source: WatchedSource, entry: Entry, page: Fetched) -> RawRecord | RecordError:
        if page.reason is not None:
            return RecordError(entry.url, page.reason)
        try:
            html = decode_html(page.body, self.client.politeness.max_bytes, header_charset(page.content_type),
                               entry.url)
        except BadRecord as exc:
            return RecordError(entry.url, str(exc))
        return RawRecord(id=safe_id(entry.url.split("://", 1)[-1])[:120], html=html, url=entry.url,
                         fallback_published=entry.published,
                         source=Source(kind="html", path=entry.url, feed=source.url, label=source.label))

    def _stored(self, origin: dict[str, str], report: RoundReport) -> Callable[[str | None, str | None], None]:
        """Records each stored (or duplicate) page against the source that listed it."""

        def remember(url: str | None, stored: str | None) -> None:
            if url is None or url not in origin:
                return
            status = watchstate.FETCHED if stored is not None else watchstate.DUPLICATE
            report.ingested += stored is not None
            report.duplicates += stored is None
            watchstate.record_url(self.connection, url, origin[url], status, article_id=stored)

        return remember


def _reason_kind(reason: str) -> str:
    """The kind of a failure, for the round's summary ('HTTP 404', 'timeout', 'not html')."""
    head = reason.split(":", 1)[0].strip()
    return head if len(head) <= 40 else head[:40]
