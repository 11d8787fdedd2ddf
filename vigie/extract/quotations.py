"""Quotation marks: where quoted stretches start and end, in every French typography.

« » (with or without inner spaces), “ ” and straight " quotes; nesting; an
opening mark never closed (it ends at its reporting incise or at the end of
the paragraph). Each paragraph is read on its own: a quote that goes on
after a paragraph break is a new quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_QUOTE_WORDS = 3
_PAIRS = {"«": "»", "“": "”"}
_CLOSING = frozenset(_PAIRS.values())
_ENGLISH = frozenset('"“”')
_MARK = re.compile('[«»“”"]')
# An incise that ends an unclosed quote: ", analyse l'Élysée." / ", a-t-il déclaré."
_INCISE = re.compile(r",\s+(?:[a-zàâéèêîôûç-]+(?:-t)?-(?:il|elle|ils|elles|on)|(?:a|ont|avait)?\s*[a-zàâéèêîôûç]+\s+"
                     r"(?:l['’]|la |le |les |un |une )?[A-ZÀ-Ý][^,.;!?]*)[.!?]?$")


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted stretch: the marks' offsets and the words inside, trimmed."""

    open_mark: int
    close_mark: int | None  # None when the quote is never closed
    start: int
    end: int
    text: str


def _straight_role(text: str, index: int) -> str:
    """'open' or 'close' for a straight quote, from what flanks it."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isspace() or before in "([:—–-'’" or index == 0:
        return "open"
    if after.isspace() or after in ".,;:!?)…»" or index + 1 == len(text):
        return "close"
    return "open" if not before.isalnum() else "close"


def _marks(paragraph: str) -> list[tuple[int, str, str]]:
    """(offset, mark, 'open'|'close') for every quotation mark of a paragraph."""
    marks = []
    for match in _MARK.finditer(paragraph):
        index, char = match.start(), match.group()
        if char in _PAIRS:
            marks.append((index, char, "open"))
        elif char in _CLOSING:
            marks.append((index, char, "close"))
        else:
            marks.append((index, char, _straight_role(paragraph, index)))
    return marks


def _unclosed_end(paragraph: str, start: int, limit: int) -> int:
    """Where a quote that is never closed stops: before its incise, else at the limit."""
    stretch = paragraph[start:limit]
    for sentence_end in re.finditer(r"[.!?…](?=\s|$)", stretch):
        head = stretch[: sentence_end.end()]
        incise = _INCISE.search(head)
        if incise:
            return start + incise.start()
    return limit


def find_quoted(paragraph: str, offset: int = 0) -> list[QuotedSpan]:
    """Top-level quoted stretches of one paragraph, offsets shifted by ``offset``."""
    spans: list[QuotedSpan] = []
    stack: list[tuple[int, str]] = []
    for index, mark, role in _marks(paragraph):
        if role == "open":
            if mark == '"' and stack and stack[-1][1] == '"' and len(stack) == 1:
                # a straight quote opens while one is open: the first one was never closed
                opened = stack.pop()[0]
                spans.append(_span(paragraph, opened, None, _unclosed_end(paragraph, opened + 1, index), offset))
            stack.append((index, mark))
        elif stack:
            expected = _PAIRS.get(stack[-1][1], '"')
            # English marks are often mixed in scraped text: "intenable” closes as “intenable" does
            if mark == expected or (mark in _ENGLISH and stack[-1][1] in _ENGLISH):
                opened = stack.pop()[0]
                if not stack:
                    spans.append(_span(paragraph, opened, index, index, offset))
    if stack:
        opened = stack[0][0]
        spans.append(_span(paragraph, opened, None, _unclosed_end(paragraph, opened + 1, len(paragraph)), offset))
    return sorted(spans, key=lambda s: s.open_mark)


def quoted_within(outer: QuotedSpan) -> list[QuotedSpan]:
    """The quotes inside a quote: « Le Palais fait savoir que le président se dit “calme et déterminé” »."""
    return find_quoted(outer.text, outer.start)


def quoted_in_text(text: str) -> list[QuotedSpan]:
    """Every top-level quoted stretch of a text, paragraph by paragraph (a mark never closed stops at its
    paragraph's end), however short."""
    stretches: list[QuotedSpan] = []
    offset = 0
    for paragraph in text.split("\n"):
        stretches += find_quoted(paragraph, offset)
        offset += len(paragraph) + 1
    return stretches


def _span(paragraph: str, opened: int, closed: int | None, end: int, offset: int) -> QuotedSpan:
    start = opened + 1
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;:"):
        end -= 1
    if end > start and paragraph[end - 1] == "." and not paragraph[start:end].endswith("(...)") \
            and not paragraph[start:end].endswith("..."):
        end -= 1  # a sentence-final period is not part of the quote
    return QuotedSpan(opened + offset, None if closed is None else closed + offset, start + offset, end + offset,
                      paragraph[start:end])


def is_quotation(span: QuotedSpan) -> bool:
    """Three words or more: shorter stretches are scare quotes, labels or names."""
    return len(re.findall(r"\w+(?:['’-]\w+)*", span.text)) >= MIN_QUOTE_WORDS
