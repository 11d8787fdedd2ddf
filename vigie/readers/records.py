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


def parse_published(value: object) -> str:
    """Accept YYYY-MM-DD or an ISO datetime; return YYYY-MM-DD."""
    if not isinstance(value, str):
        raise BadRecord(f"'published' must be a string, got {type(value).__name__}")
    candidate = value.strip()
    try:
        return dt.date.fromisoformat(candidate[:10]).isoformat()
    except ValueError:
        raise BadRecord(f"'published' is not an ISO date: {value!r}") from None
