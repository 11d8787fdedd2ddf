"""What readers hand to the pipeline: raw records (or, from ``vigie.errors``, errors naming the bad input)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from vigie.errors import BadRecord, RecordError, describe
from vigie.model import Article, Source, source_hash

DEFAULT_MAX_BYTES = 1_000_000
_SAFE_ID = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class RawRecord:
    """One article as read from its source, before any analysis."""

    id: str
    source: Source
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    document: Article | None = None  # an article analysed before (a `vigie extract` document): no NLP again
    fallback_published: str | None = None  # a date to use when neither the record nor the page gives one

    @property
    def name(self) -> str:
        """How errors refer to this record."""
        return describe(self.source, self.id)

    @cached_property
    def source_hash(self) -> str:
        """Hash of the raw content, so a known input is recognised before any analysis."""
        if self.document is not None and self.document.source_hash:
            return self.document.source_hash
        return source_hash(self.text if self.text is not None else self.html or "")


__all__ = ["BadRecord", "RawRecord", "RecordError", "describe", "parse_published", "safe_id"]


def safe_id(value: str) -> str:
    """An id usable as a file name: word characters, dots and dashes only."""
    cleaned = _SAFE_ID.sub("_", value.strip()).strip("._")
    return cleaned or "article"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def parse_published(value: object) -> str:
    """Accept YYYY-MM-DD or a whole ISO 8601 date-time (nothing after it); return YYYY-MM-DD.

    The date is the one written: '2025-03-01T23:30:00-05:00' is 1 March where it was published.
    """
    if not isinstance(value, str):
        raise BadRecord(f"'published' must be a string, got {type(value).__name__}")
    candidate = value.strip()
    try:
        if not _ISO_DATE.fullmatch(candidate):
            raise ValueError(candidate)
        if len(candidate) > 10:
            dt.datetime.fromisoformat(candidate.replace("Z", "+00:00"))  # validates the time part
        return dt.date.fromisoformat(candidate[:10]).isoformat()
    except ValueError:
        raise BadRecord(f"'published' is not an ISO date: {value!r}") from None
