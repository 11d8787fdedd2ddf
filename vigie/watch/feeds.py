"""Entries of a feed (RSS 2.0, Atom, RDF, read by feedparser) or of a sitemap (news sitemaps give
``news:publication_date``; a sitemap index lists other sitemaps)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import feedparser
from lxml import etree

from vigie.errors import BadRecord
from vigie.readers.records import parse_published


@dataclass(frozen=True)
class Entry:
    """An article a feed announces."""

    url: str
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap holds: articles, and (for a sitemap index) further sitemaps."""

    entries: list[Entry]
    sitemaps: list[str]


_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse_listing(body: bytes) -> Listing:
    """The entries of a feed or sitemap; BadRecord when it is neither."""
    head = body.lstrip()[:400].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(body)
    return _feed(body)


def _feed(body: bytes) -> Listing:
    parsed = feedparser.parse(body)
    entries = []
    for item in parsed.entries:
        url = item.get("link")
        if not url:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = dt.date(*stamp[:3]).isoformat() if stamp else None
        entries.append(Entry(url, published, item.get("title")))
    if parsed.bozo and not entries:  # malformed, and nothing usable in it
        problem = getattr(parsed, "bozo_exception", None)
        raise BadRecord(f"not a readable feed: {' '.join(str(problem).split())[:80] if problem else 'no entries'}")
    return Listing(entries, [])


def _sitemap(body: bytes) -> Listing:
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise BadRecord(f"not a readable sitemap: {exc}") from None
    if root.tag == f"{_SITEMAP}sitemapindex":
        return Listing([], [loc.text.strip() for loc in root.iter(f"{_SITEMAP}loc") if loc.text])
    entries = []
    for url in root.iter(f"{_SITEMAP}url"):
        loc = url.findtext(f"{_SITEMAP}loc")
        if not loc:
            continue
        date = url.findtext(f"{_NEWS}news/{_NEWS}publication_date") or url.findtext(f"{_SITEMAP}lastmod")
        title = url.findtext(f"{_NEWS}news/{_NEWS}title")
        entries.append(Entry(loc.strip(), _date(date), title))
    return Listing(entries, [])


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value.strip())
    except BadRecord:
        return None
