"""HTML pages: body and metadata through trafilatura, plus the lead photo's caption.

trafilatura keeps the article body and drops boilerplate (navigation,
footers) but also drops <figcaption>; the caption and its credit are
recovered here from the markup, and the captions of the other photos
(a <figcaption>, an element classed as a legend, a long image description),
which some sites leave among the paragraphs, are kept out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import lxml.html
import trafilatura
from lxml import etree

from vigie.errors import BadRecord
from vigie.lexicon import words
from vigie.structure.clean import collapse_spaces
from vigie.structure.credits import clean_credit, split_credit
from vigie.structure.dateline import reconcile
from vigie.structure.layout import Layout, layout_from_parts
from vigie.textnorm import fold

_CREDIT_CLASS = re.compile(r"credit|copy|author|source|photographer|byline", re.IGNORECASE)
_COPYRIGHT_PREFIX = re.compile(r"^\s*(?:©|\(c\)|crédit(?:s)?(?: photo)?\s*:|photo\s*:)\s*", re.IGNORECASE)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:legend|legende|légende|caption)(?:$|[\s_-])", re.IGNORECASE)
_MIN_ALT_WORDS = 5  # an image's alt or title this long is a caption; shorter ones are file names or labels


@dataclass
class HtmlArticle:
    """What an HTML page yields: the layout and the page's own metadata."""

    layout: Layout
    published: str | None
    url: str | None


def parse_html(html: str) -> HtmlArticle:
    """Extract headline, caption, credit, body and metadata from a news page."""
    xml = _extract(html)
    if not xml and (flat := flatten_deep_nesting(html)) is not None:
        xml = _extract(flat)  # a page nested deeper than the parser's limit (256 levels)
    if not xml or not _has_text(xml):
        xml = _extract(html, tables=True) or xml  # an old page laid out in tables
    if not xml:
        raise BadRecord("no article text found in the HTML")
    doc = etree.fromstring(xml.encode("utf-8"))
    title = collapse_spaces(doc.get("title") or "") or None
    if title is not None:
        title = without_site_name(title, html, doc.get("sitename"), doc.get("url"))
    blocks: list[tuple[str, str]] = []
    for element in doc.iter("head", "p", "item", "cell"):
        if element.tag == "p" and any(a.tag == "item" for a in element.iterancestors()):
            continue  # read with its list item
        if element.tag == "cell" and any(True for _ in element.iter("head", "p", "item", "list", "table")):
            continue  # a cell that holds paragraphs or a table is read through them
        for text in _lines(element):
            if element.tag == "head" and title and text == title:
                continue
            blocks.append(("subheading" if element.tag == "head" else "paragraph", text))
    if not blocks:
        raise BadRecord("no article text found in the HTML")
    if title is None:
        title = blocks.pop(0)[1]
    caption, credit = lead_caption(html)
    lead = standfirst(html)
    if lead is not None and lead != title and not any(_alike(lead, text) for _, text in blocks):
        blocks.insert(0, ("paragraph", lead))
    photo_captions = caption_texts(html)
    blocks = [(kind, text) for kind, text in blocks
              if not is_boilerplate(text) and text not in (caption, credit) and text not in photo_captions]
    if not blocks:
        raise BadRecord("no article text found in the HTML")
    layout = layout_from_parts(title, caption, credit, blocks)
    return HtmlArticle(layout=layout, published=reconcile(doc.get("date"), html, title, doc.get("url")),
                       url=doc.get("url"))


_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•]\s+")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_MAX_SECTION_WORDS = 4


def without_site_name(title: str, html: str, sitename: str | None = None, url: str | None = None) -> str:
    """The headline without what sites add to <title>: '… | Slate', '… - AOC media - …', '… | DW | 23.05.2011',
    '… | Chroniques | Là-bas si j'y suis'. The page's own <h1> wins when it starts the title; otherwise the
    tail is cut at the first separator after which only short segments (sections, dates) lead to the
    site's name (og:site_name, application-name, twitter:site, the domain)."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return title
    for heading in tree.iter("h1"):
        text = collapse_spaces(heading.text_content()) if isinstance(heading, lxml.html.HtmlElement) else ""
        if len(text.split()) >= 3 and title.startswith(text) and _TITLE_SEPARATOR.match(title[len(text):]):
            return text
    signals = {fold(s) for s in _site_signals(tree, sitename, url) if fold(s)}
    for separator in _TITLE_SEPARATOR.finditer(title):
        segments = _TITLE_SEPARATOR.split(title[separator.end():])
        for segment in segments:
            folded = fold(segment)
            if any(_names_site(folded, signal) for signal in signals) or _DATE_LIKE.match(segment.strip()):
                kept = title[: separator.start()].strip()
                return kept if len(kept.split()) >= 3 else title
            if len(segment.split()) > _MAX_SECTION_WORDS:
                break
    return title


def _names_site(segment: str, signal: str) -> bool:
    """Whether a title segment is the site's name ('aoc media' ~ 'aoc media analyse opinion critique')."""
    if len(segment) < 2:
        return False
    return segment == signal or signal.startswith(segment + " ") or signal.startswith(segment + ".") \
        or segment.startswith(signal + " ") or segment.replace(" ", "") == signal.replace(" ", "")


def _site_signals(tree: lxml.html.HtmlElement, sitename: str | None, url: str | None) -> list[str]:
    found = [sitename or ""]
    query = '//meta[@property="og:site_name" or @name="application-name" or @name="twitter:site" ' \
            'or @property="twitter:site"]/@content'
    for value in tree.xpath(query):
        text = str(value).lstrip("@")
        found += [text, text.replace("_", " ")]
    canonical = url or next((str(v) for v in tree.xpath('//link[@rel="canonical"]/@href | '
                                                        '//meta[@property="og:url"]/@content')), "")
    host = re.sub(r"^https?://(?:www\.)?", "", canonical).split("/", 1)[0]
    if host:
        found += [host, host.rsplit(".", 1)[0]]
    return found


_STANDFIRST_CLASS = re.compile(r"(?:^|[\s_-])(?:chap[oô]|standfirst|article__desc|subheadline|sub-headline|"
                               r"article[-_]?lead|lead|leadin|intro|teaser|deck)(?:$|[\s_-])", re.IGNORECASE)
_MIN_STANDFIRST_WORDS = 8


def _lines(element: etree._Element) -> list[str]:
    """The lines of a block: a paragraph broken by <lb/> is several blocks, as a reader sees them; a list item
    or a quoted paragraph is one block each."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb" and _ends_a_paragraph(pieces[-1]):
            pieces.append(child.tail or "")
        else:
            pieces[-1] += (" " if child.tag == "lb" else "".join(str(t) for t in child.itertext())) + (child.tail or "")
    return [text for piece in pieces if (text := collapse_spaces(piece))]


def _ends_a_paragraph(text: str) -> bool:
    """A line break after a whole sentence of some length starts a new paragraph; one inside a sentence,
    after a link or a short label does not (an embedded post, an address, a signature)."""
    words = collapse_spaces(text).split()
    return len(words) >= _MIN_STANDFIRST_WORDS and words[-1][-1:] in ".!?»…"


def standfirst(html: str) -> str | None:
    """The article's standfirst (chapô): an element the page marks as one (inside the article when the page
    has one, not a block of links), else the page's description when the page shows it whole as a block."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    scopes = [e for e in tree.iter("article", "main") if isinstance(e, lxml.html.HtmlElement)] or [tree]
    for scope in scopes:
        for element in scope.iter("p", "div", "h2", "h3", "span"):
            if not isinstance(element, lxml.html.HtmlElement) or element.get("hidden") is not None:
                continue
            if _STANDFIRST_CLASS.search(element.get("class") or "") and not _mostly_links(element):
                text = collapse_spaces(element.text_content())
                if len(text.split()) >= _MIN_STANDFIRST_WORDS:
                    return text
    for meta in tree.iter("meta"):
        if meta.get("property") != "og:description" and meta.get("name") != "description":
            continue
        description = collapse_spaces(meta.get("content") or "")
        if len(description.split()) < _MIN_STANDFIRST_WORDS:
            continue
        shown = _element_showing(tree, description)
        if shown is not None:
            return shown
    return None


def _mostly_links(element: lxml.html.HtmlElement) -> bool:
    """A block whose text is mostly link text: a menu or a list of other articles."""
    text = len(collapse_spaces(element.text_content()))
    links = sum(len(collapse_spaces(a.text_content())) for a in element.iter("a")
                if isinstance(a, lxml.html.HtmlElement))
    return text > 0 and links / text > 0.3


def _element_showing(tree: lxml.html.HtmlElement, description: str) -> str | None:
    """The text of the smallest visible block that shows the description (whole, not just its start)."""
    start = description[:60].rstrip(".… ")
    for element in tree.iter("p", "div", "h2", "h3", "span", "strong"):
        if not isinstance(element, lxml.html.HtmlElement) or element.get("hidden") is not None:
            continue
        text = collapse_spaces(element.text_content())
        if text.startswith(start) and len(description) * 0.8 <= len(text) <= len(description) * 1.5 + 20:
            return text
    return None


def _alike(a: str, b: str) -> bool:
    x, y = fold(a), fold(b)
    return x == y or x in y or y in x or SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.9


@cache
def _boilerplate_patterns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in words("boilerplate_lines")), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """A line the page shows around the article, not in it: 'Lire aussi', bylines, paywall notices,
    photo credits, embedded posts (the patterns of ``boilerplate_lines.tsv``)."""
    return bool(_boilerplate_patterns().search(line.strip()))


def _extract(html: str, tables: bool = False) -> str | None:
    # favor_precision scored best on the 29 real pages (body blocks F1 .950; default .913, favor_recall .939)
    xml: str | None = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                                          include_tables=tables, favor_precision=True)
    return xml


def _has_text(xml: str) -> bool:
    """Whether an extraction kept any paragraph of text."""
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return False
    return any(collapse_spaces("".join(str(t) for t in e.itertext())) for e in doc.iter("p", "item", "head", "cell"))


MAX_DEPTH = 200


def flatten_deep_nesting(html: str) -> str | None:
    """The page with its wrapper elements (a div, span or section around a single element, with no
    text of its own) unwrapped, when it is nested deeper than :data:`MAX_DEPTH`; None otherwise."""
    try:
        tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    if max((len(list(e.iterancestors())) for e in tree.iter()), default=0) <= MAX_DEPTH:
        return None
    for element in list(tree.iter("div", "span", "section")):
        children = list(element)
        if isinstance(element, lxml.html.HtmlElement) and len(children) == 1 and not (element.text or "").strip() \
                and not (children[0].tail or "").strip() and element.getparent() is not None:
            element.drop_tag()
    flattened: str = lxml.html.tostring(tree, encoding="unicode")
    return flattened


def lead_caption(html: str) -> tuple[str | None, str | None]:
    """Caption and credit of the first figure of the article, if it has a <figcaption>."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None, None
    figcaption = _first_figcaption(tree)
    if figcaption is None:
        return None, None
    credit = None
    for element in figcaption.iter():
        if element is figcaption or not isinstance(element, lxml.html.HtmlElement):
            continue
        classes = " ".join(filter(None, (element.get("class"), element.get("itemprop"))))
        text = collapse_spaces(element.text_content())
        if element.tag in ("cite", "small") or _CREDIT_CLASS.search(classes) or _COPYRIGHT_PREFIX.match(text):
            credit = _strip_copyright(text)
            element.drop_tree()
            break
    caption = collapse_spaces(figcaption.text_content())
    if credit is None:
        split = split_credit(caption)
        if split is not None:
            caption, credit = split[0], split[1]
    caption = re.sub(r"\s*[-–—•·|]\s*$", "", caption).strip()
    credit = clean_credit(credit) if credit else None
    return caption or None, credit or None


def caption_texts(html: str) -> frozenset[str]:
    """The text of every photo caption of the page, and of every image description long enough to be one:
    what a body paragraph must not repeat."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return frozenset()
    texts = {collapse_spaces(element.text_content()) for element in _captions(tree)}
    for image in tree.iter("img"):
        texts |= {text for text in (collapse_spaces(image.get("alt") or ""), collapse_spaces(image.get("title") or ""))
                  if len(text.split()) >= _MIN_ALT_WORDS}
    return frozenset(texts - {""})


def _captions(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Every <figcaption> and every element whose class names a legend or a caption, in page order, the
    outermost of nested ones."""
    found: list[lxml.html.HtmlElement] = []
    for element in tree.iter():
        inside_the_last = found and any(a is found[-1] for a in element.iterancestors())
        if not isinstance(element, lxml.html.HtmlElement) or inside_the_last:
            continue
        if element.tag == "figcaption" or _CAPTION_CLASS.search(element.get("class") or ""):
            found.append(element)
    return found


def _first_figcaption(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The article's first <figcaption>, preferring ones inside <article> or <main>. (An element merely
    classed as a legend is too often a gallery's, a keyword's or a bare credit to be taken for the lead
    photo's caption; it is only kept out of the body.)"""
    for query in ("//article//figcaption", "//main//figcaption", "//figcaption"):
        for element in tree.xpath(query):
            if isinstance(element, lxml.html.HtmlElement) and element.get("hidden") is None \
                    and collapse_spaces(element.text_content()) and not _beside_the_article(element):
                return element
    return None


def _beside_the_article(element: lxml.html.HtmlElement) -> bool:
    """A figure of a sidebar, a menu or a related-posts gallery: its caption is another article's title."""
    if _mostly_links(element):
        return True
    return any(a.tag in ("aside", "nav", "footer") or "related" in (a.get("class") or "").lower()
               for a in element.iterancestors() if isinstance(a, lxml.html.HtmlElement))


def _strip_copyright(text: str) -> str:
    return _COPYRIGHT_PREFIX.sub("", text).strip()
