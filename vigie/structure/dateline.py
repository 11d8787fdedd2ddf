"""The date a page shows its reader under the headline ("mardi 10.12.19", "24 août 2020 - 21:15 (Montréal)"),
and which date to keep when it and the page's metadata disagree by a day.

Metadata timestamps near midnight fall on the neighbouring day once read in another time zone (a UTC
"2020-08-25T00:23Z" for an evening article in Montréal) or are an evening release of the next day's
edition; the dateline under the headline is the day the newsroom gives its readers.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

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
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
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


def reconcile(metadata_date: str | None, html: str, title: str | None = None) -> str | None:
    """The page's publication day: its metadata's, unless the dateline under its headline shows the day
    next to it (a time-zone or evening-edition shift), when the reader's day wins."""
    if metadata_date is None:
        return None
    try:
        day = dt.date.fromisoformat(metadata_date[:10])
    except ValueError:
        return metadata_date
    shown = shown_date(html, title)
    if shown is not None and abs((dt.date.fromisoformat(shown) - day).days) == 1:
        return shown
    return metadata_date
