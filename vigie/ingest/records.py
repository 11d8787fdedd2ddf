"""What readers hand to the pipeline: raw records, or errors that name the bad input."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vigie.model import Source

DEFAULT_MAX_BYTES = 1_000_000
_SAFE_ID = re.compile(r"[^\w.\-]+")


class BadRecord(Exception):
    """An input that cannot become an article; the message says why, in one line."""


@dataclass(frozen=True)
class RawRecord:
    """One article as read from its source, before any analysis."""

    id: str
    source: Source
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def name(self) -> str:
        """How errors refer to this record."""
        return describe(self.source, self.id)


@dataclass(frozen=True)
class RecordError:
    """A record that was skipped, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def describe(source: Source, record_id: str | None = None) -> str:
    """'path:line (id)' style name for messages."""
    where = source.path or "<stdin>"
    if source.line is not None:
        where = f"{where}:{source.line}"
    if record_id and source.line is not None:
        where = f"{where} (id {record_id})"
    return where


def safe_id(value: str) -> str:
    """An id usable as a file name: word characters, dots and dashes only."""
    cleaned = _SAFE_ID.sub("_", value.strip()).strip("._")
    return cleaned or "article"


def parse_published(value: object) -> str:
    """Accept YYYY-MM-DD or an ISO datetime; return YYYY-MM-DD."""
    if not isinstance(value, str):
        raise BadRecord(f"'published' must be a string, got {type(value).__name__}")
    candidate = value.strip()
    try:
        return dt.date.fromisoformat(candidate[:10]).isoformat()
    except ValueError:
        raise BadRecord(f"'published' is not an ISO date: {value!r}") from None
