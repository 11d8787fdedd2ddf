"""HTML pages: body and metadata through trafilatura, plus the lead photo's caption.

trafilatura keeps the article body and drops boilerplate (navigation,
footers) but also drops <figcaption>; the caption and its credit are
recovered here from the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from vigie.errors import BadRecord
from vigie.structure.clean import collapse_spaces
from vigie.structure.credits import split_credit
from vigie.structure.layout import Layout, layout_from_parts

_CREDIT_CLASS = re.compile(r"credit|copyright|author|source|photographer|byline", re.IGNORECASE)
_COPYRIGHT_PREFIX = re.compile(r"^\s*(?:©|\(c\)|crédit(?:s)?(?: photo)?\s*:|photo\s*:)\s*", re.IGNORECASE)


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
    if not xml:
        raise BadRecord("no article text found in the HTML")
    doc = etree.fromstring(xml.encode("utf-8"))
    title = collapse_spaces(doc.get("title") or "") or None
    blocks: list[tuple[str, str]] = []
    for element in doc.iter("head", "p", "list", "quote"):
        text = collapse_spaces("".join(str(piece) for piece in element.itertext()))
        if not text or (element.tag == "head" and title and text == title):
            continue
        parent = element.getparent()
        if parent is not None and parent.tag in ("list", "quote"):
            continue
        blocks.append(("subheading" if element.tag == "head" else "paragraph", text))
    if not blocks:
        raise BadRecord("no article text found in the HTML")
    if title is None:
        title = blocks.pop(0)[1]
    caption, credit = lead_caption(html)
    layout = layout_from_parts(title, caption, credit, blocks)
    return HtmlArticle(layout=layout, published=doc.get("date"), url=doc.get("url"))


def _extract(html: str) -> str | None:
    xml: str | None = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    return xml


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
        if element.tag in ("cite", "small") or _CREDIT_CLASS.search(classes):
            credit = _strip_copyright(collapse_spaces(element.text_content()))
            element.drop_tree()
            break
    caption = collapse_spaces(figcaption.text_content())
    if credit is None:
        split = split_credit(caption)
        if split is not None:
            caption, credit = split[0], split[1]
    caption = re.sub(r"\s*[-–—]\s*$", "", caption).strip()
    return caption or None, credit or None


def _first_figcaption(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The article's first <figcaption>, preferring ones inside <article> or <main>."""
    for query in ("//article//figcaption", "//main//figcaption", "//figcaption"):
        for element in tree.xpath(query):
            if isinstance(element, lxml.html.HtmlElement):
                return element
    return None


def _strip_copyright(text: str) -> str:
    return _COPYRIGHT_PREFIX.sub("", text).strip()
