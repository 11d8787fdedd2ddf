"""What `vigie watch` remembers in the corpus: the sources it follows (with the validators of their last
answer, for conditional GET) and every URL it fetched, with its outcome. Persistence only."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

FETCHED, FAILED, DUPLICATE = "ingested", "failed", "duplicate"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Validators:
    """What a server said last time (ETag, Last-Modified), to ask 'has it changed?'."""

    etag: str | None = None
    last_modified: str | None = None


def register_source(connection: sqlite3.Connection, url: str, label: str | None, tags: Iterable[str]) -> None:
    """Add a source to follow, or update its label and tags."""
    connection.execute(
        """INSERT INTO sources (url, label, tags) VALUES (?, ?, ?)
           ON CONFLICT(url) DO UPDATE SET label = excluded.label, tags = excluded.tags""",
        (url, label, ",".join(tags) or None))


def validators(connection: sqlite3.Connection, url: str) -> Validators:
    row = connection.execute("SELECT etag, last_modified FROM sources WHERE url = ?", (url,)).fetchone()
    return Validators(row[0], row[1]) if row else Validators()


def source_succeeded(connection: sqlite3.Connection, url: str, seen: Validators) -> None:
    stamp = now()
    connection.execute("""UPDATE sources SET etag = ?, last_modified = ?, last_fetch = ?, last_success = ?
                          WHERE url = ?""", (seen.etag, seen.last_modified, stamp, stamp, url))


def source_failed(connection: sqlite3.Connection, url: str, reason: str) -> None:
    connection.execute("""UPDATE sources SET last_fetch = ?, error_count = error_count + 1, last_error = ?
                          WHERE url = ?""", (now(), reason, url))


def known_urls(connection: sqlite3.Connection, urls: Iterable[str]) -> set[str]:
    """The URLs among ``urls`` fetched before (whatever the outcome: a URL is fetched once)."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = connection.execute(f"SELECT url FROM fetched_urls WHERE url IN ({','.join('?' * len(chunk))})", chunk)
        found.update(row[0] for row in rows)
    return found


def record_url(connection: sqlite3.Connection, url: str, source_url: str, status: str, reason: str | None = None,
               article_id: str | None = None) -> None:
    connection.execute(
        """INSERT INTO fetched_urls (url, source_url, status, reason, article_id, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(url) DO UPDATE SET status = excluded.status, reason = excluded.reason,
               article_id = excluded.article_id, fetched_at = excluded.fetched_at""",
        (url, source_url, status, reason, article_id, now()))


def source_rows(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each source with its last success, article count, error count and last error."""
    return [dict(row) for row in connection.execute(
        """SELECT s.url, s.label, s.tags, s.last_success, s.last_fetch, s.error_count, s.last_error,
                  (SELECT count(*) FROM fetched_urls f WHERE f.source_url = s.url AND f.status = 'ingested')
                      AS articles,
                  (SELECT count(*) FROM fetched_urls f WHERE f.source_url = s.url AND f.status = 'failed')
                      AS failed_pages
           FROM sources s ORDER BY s.label, s.url""")]
