"""The day a page was published for its readers: the date shown under the headline ("mardi 10.12.19",
"24 août 2020 - 21:15 (Montréal)"), or the page's timestamp read in its newsroom's time zone.

Metadata timestamps near midnight fall on the neighbouring day once read in another time zone (a UTC
"2020-08-25T00:23Z" for an evening article in Montréal) or are an evening release of the next day's
edition; the dateline under the headline is the day the newsroom gives its readers, and without one a
UTC timestamp is read in the zone of the page's country (its locale, else its domain).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
from lxml import etree

from vigie.lexicon import mapping

_REACH = 300  # characters of text after the headline where a dateline stands
_WRAPPERS = 3  # elements around the headline that may hold nothing else
_NOT_PUBLICATION = re.compile(r"(?:mis\s+à\s+jour|modifié|actualisé|màj|mise\s+à\s+jour|updated)\W{0,3}(?:le\s+)?$",
                              re.IGNORECASE)


@cache
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(re.escape(m) for m in sorted(mapping("months", "name", "number"), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month_name>{months})\s+(?P<year>\d{{4}})\b"
        r"|\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}|\d{2})\b",
        re.IGNORECASE)


def shown_date(html: str, title: str | None = None) -> str | None:
    """The first date (YYYY-MM-DD) in the text right after the page's headline (the <h1> that reads as
    ``title``, else each <h1> in turn: a logo or a section name may hold the first); None when that first
    date is an update's."""
    tree = _parse(html)
    return None if tree is None else _shown_in(tree, title)


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _shown_in(tree: etree._Element, title: str | None) -> str | None:
    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    headings = list(tree.iter("h1"))
    wanted = " ".join((title or "").split())
    matching = [h for h in headings if wanted and " ".join("".join(str(t) for t in h.itertext()).split()) == wanted]
    for headline in matching or headings:
        text, node = "", headline
        for _ in range(_WRAPPERS + 1):  # the headline alone in its wrappers: what follows the nearest one
            text = _text_after(node)
            parent = node.getparent()
            if len(text) >= 8 or parent is None:
                break
            node = parent
        match = _date_pattern().search(text)  # the first date only: later ones are other articles' or updates
        if match is not None:
            updated = _NOT_PUBLICATION.search(text[max(0, match.start() - 25) : match.start()])
            return None if updated else _iso(match)
    return None


def _text_after(element: etree._Element) -> str:
    """The first :data:`_REACH` characters of text in the elements that follow ``element``."""
    text = ""
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str):  # not a comment nor a processing instruction
            text += " " + " ".join(str(t) for t in sibling.itertext())
        if len(text) > _REACH:
            break
    return " ".join(text.split())[:_REACH]


def _iso(match: re.Match[str]) -> str | None:
    try:
        if match.group("month_name"):
            month = int(mapping("months", "name", "number")[match.group("month_name").casefold()])
            return dt.date(int(match.group("year")), month, int(match.group("day"))).isoformat()
        year = int(match.group("y"))
        return dt.date(year + 2000 if year < 100 else year, int(match.group("m")), int(match.group("d"))).isoformat()
    except (ValueError, KeyError):
        return None


def reconcile(metadata_date: str | None, html: str, title: str | None = None, url: str | None = None) -> str | None:
    """The page's publication day: its metadata's, unless the dateline under its headline shows the day
    next to it (a time-zone or evening-edition shift), when the reader's day wins; without a dateline, a
    UTC timestamp of that day is read in the zone of the page's country."""
    if metadata_date is None:
        return None
    try:
        day = dt.date.fromisoformat(metadata_date[:10])
    except ValueError:
        return metadata_date
    tree = _parse(html)
    if tree is None:
        return metadata_date
    local = _local_day(tree, day, url)  # read before _shown_in strips the scripts holding JSON-LD
    shown = _shown_in(tree, title)
    if shown is not None and abs((dt.date.fromisoformat(shown) - day).days) == 1:
        return shown
    return local or metadata_date


_TIMESTAMP_META = ("article:published_time", "og:published_time", "datePublished", "date", "dc.date")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")
_REGION = re.compile(r"^[a-z]{2}[-_]([a-z]{2})$", re.IGNORECASE)


def _local_day(tree: etree._Element, day: dt.date, url: str | None) -> str | None:
    """The day, in the page's country, of its UTC publication timestamp that falls on ``day``; None when
    the page has no such timestamp or its country is not known."""
    zone = _page_zone(tree, url)
    if zone is None:
        return None
    for stamp in _published_stamps(tree):
        if not _UTC.search(stamp) or stamp[:10] != day.isoformat():
            continue
        try:
            moment = dt.datetime.fromisoformat(stamp)
        except ValueError:
            continue
        return moment.astimezone(zone).date().isoformat()
    return None


def _published_stamps(tree: etree._Element) -> list[str]:
    stamps = [str(m.get("content", "")).strip() for m in tree.iter("meta")
              if (m.get("property") or m.get("name") or m.get("itemprop")) in _TIMESTAMP_META]
    for script in tree.iter("script"):
        if "ld+json" in str(script.get("type", "")):
            stamps += _JSON_LD_PUBLISHED.findall(script.text or "")
    return stamps


def _page_zone(tree: etree._Element, url: str | None) -> dt.tzinfo | None:
    """The time zone of the page's country: the region of its locale (``fr-CA``, og:locale ``fr_BE``), else
    its domain's country (``.ch``)."""
    locales = [str(tree.get("lang", ""))]
    locales += [str(m.get("content", "")) for m in tree.iter("meta") if m.get("property") == "og:locale"]
    codes = [match.group(1).upper() for match in map(_REGION.match, locales) if match]
    try:
        host = urlsplit(url or _canonical_url(tree)).hostname or ""
    except ValueError:  # "http://[::1": a malformed address names no country
        host = ""
    if re.search(r"\.[a-z]{2}$", host):
        codes.append(host.rsplit(".", 1)[1].upper())
    zones = mapping("time_zones", "code", "zone")
    for code in codes:
        if code in zones:
            try:
                return ZoneInfo(zones[code])
            except ZoneInfoNotFoundError:
                return None
    return None


def _canonical_url(tree: etree._Element) -> str:
    for link in tree.iter("link"):
        if link.get("rel") == "canonical" and link.get("href"):
            return str(link.get("href"))
    for meta in tree.iter("meta"):
        if meta.get("property") == "og:url" and meta.get("content"):
            return str(meta.get("content"))
    return ""
