"""Where the headline, caption, credit, paragraphs and sub-headings sit in a text.

A scraped article is a headline line, an optional caption line ending with
its photo credit, then body lines; short lines without closing punctuation
are sub-headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vigie.model import Span, TextBlock
from vigie.structure.clean import clean_text, collapse_spaces
from vigie.structure.credits import split_credit

_MAX_SUBHEADING_WORDS = 16
_MAX_SUBHEADING_CHARS = 120
_CLOSING_QUOTES = "\"'»”’)"
_SENTENCE_END = re.compile(r"[.;:,…]$")
_INNER_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[A-ZÀ-Ý«\"]")


@dataclass
class Layout:
    """The cleaned text and the spans of its structural parts."""

    text: str
    title: Span | None = None
    caption: Span | None = None
    credit: Span | None = None
    blocks: list[TextBlock] = field(default_factory=list)

    def part(self, span: Span | None) -> str | None:
        """The text under a span, or None."""
        return None if span is None else self.text[span.start : span.end]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def is_subheading(line: str) -> bool:
    """A short line that does not end a sentence: an intertitle, not a paragraph."""
    stripped = line.strip().rstrip(_CLOSING_QUOTES).rstrip()
    if not stripped or len(line) > _MAX_SUBHEADING_CHARS or len(line.split()) > _MAX_SUBHEADING_WORDS:
        return False
    if _SENTENCE_END.search(stripped):
        return False
    return not _INNER_SENTENCE_BREAK.search(stripped)


def _body_block(text: str, start: int, end: int) -> TextBlock:
    line = text[start:end]
    kind = "subheading" if is_subheading(line) else "paragraph"
    return TextBlock(kind=kind, start=start, end=end, text=line)


def parse_scraped_text(raw: str) -> Layout:
    """Find the parts of a scraped article (headline first, then caption or body)."""
    text = clean_text(raw)
    lines = _lines(text)
    layout = Layout(text=text)
    if not lines:
        return layout
    start, end = lines[0]
    layout.title = Span(start=start, end=end)
    body = lines[1:]
    if len(body) > 1:
        c_start, c_end = body[0]
        split = split_credit(text[c_start:c_end])
        if split is not None:
            caption, _credit, credit_offset = split
            layout.caption = Span(start=c_start, end=c_start + len(caption))
            layout.credit = Span(start=c_start + credit_offset, end=c_end)
            body = body[1:]
    layout.blocks = [_body_block(text, s, e) for s, e in body]
    return layout


def layout_from_parts(
    title: str | None,
    caption: str | None,
    credit: str | None,
    blocks: list[tuple[str, str]],
) -> Layout:
    """Lay out parts known from markup (HTML) as a scraped text, keeping their roles.

    ``blocks`` are (kind, text) pairs in reading order.
    """
    title, caption, credit = (collapse_spaces(p) if p else None for p in (title, caption, credit))
    blocks = [(kind, collapse_spaces(t)) for kind, t in blocks if t.strip()]
    pieces: list[str] = []
    offset = 0
    layout = Layout(text="")

    def add(piece: str) -> Span:
        nonlocal offset
        span = Span(start=offset, end=offset + len(piece))
        pieces.append(piece)
        offset += len(piece)
        return span

    def newline() -> None:
        add("\n")

    if title:
        layout.title = add(title)
        newline()
    if caption:
        layout.caption = add(caption)
        if credit:
            add(" - ")
            layout.credit = add(credit)
        newline()
    elif credit:
        layout.credit = add(credit)
        newline()
    for kind, block_text in blocks:
        span = add(block_text)
        layout.blocks.append(TextBlock(kind="subheading" if kind == "subheading" else "paragraph",
                                       start=span.start, end=span.end, text=block_text))
        newline()
    layout.text = "".join(pieces).rstrip("\n")
    return layout
