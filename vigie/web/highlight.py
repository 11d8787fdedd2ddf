"""An article's text with its facts marked in place: quotes (with their speaker, or "locuteur inconnu"),
entity mentions linked to their profiles, dates with their ISO value, counts with their meaning.

Marks come in three layers, quotes outside, entities inside them, dates and counts innermost. Within a
layer, overlapping marks keep the first and longest. Where an inner mark crosses an outer one's edge it is
closed and reopened, so the HTML always nests; every offset is the document's own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from vigie.web.labels import COUNT_KINDS, ENTITY_TYPES, QUALIFIERS, attribution_note

Document = dict[str, Any]
UNKNOWN_SPEAKER = "locuteur inconnu"


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    opening: Callable[[bool], str]  # the opening tag, given whether this is the mark's first piece
    closing: str


def entity_href(key: str) -> str:
    """Where an entity's profile page is."""
    return "/entite/" + url_quote(key, safe="")


def quote_anchor(start: int) -> str:
    """The id of a quote in its article's page (its offset, which the corpus stores too)."""
    return f"c-{start}"


def _same(tag: str) -> Callable[[bool], str]:
    """An opening tag that is the same for every piece of its mark."""
    return lambda _first: tag


def _quote_marks(document: Document) -> list[_Mark]:
    marks = []
    for quote in document.get("quotes", []):
        speaker = quote.get("speaker")
        name = speaker["name"] if speaker else UNKNOWN_SPEAKER
        kind = "quote" if speaker else "quote unknown"
        anchor = quote_anchor(quote["start"])
        note = attribution_note(quote.get("attribution"), quote.get("confidence"))
        title = f"Citation — {name}" + (f" ({note})" if note else "")

        def opening(first: bool, name: str = name, kind: str = kind, anchor: str = anchor, title: str = title) -> str:
            if not first:
                return f'<span class="{kind} cont">'
            return f'<span class="{kind}" id="{anchor}" data-speaker="{escape(name)}" title="{escape(title)}">'

        marks.append(_Mark(quote["start"], quote["end"], opening, "</span>"))
    return marks


def _entity_marks(document: Document) -> list[_Mark]:
    marks: list[_Mark] = []
    for entity in document.get("entities", []):
        label = ENTITY_TYPES.get(entity["type"], entity["type"])
        tag = (f'<a class="ent {escape(entity["type"])}" href="{escape(entity_href(entity["key"]))}" '
               f'title="{escape(label)} : {escape(entity["name"])}">') if entity.get("key") else \
            f'<span class="ent {escape(entity["type"])}" title="{escape(label)} : {escape(entity["name"])}">'
        closing = "</a>" if entity.get("key") else "</span>"
        marks.extend(_Mark(m["start"], m["end"], _same(tag), closing)
                     for m in entity.get("mentions", []))
    return marks


def _value_marks(document: Document) -> list[_Mark]:
    marks = []
    for date in document.get("dates", []):
        tag = f'<time class="date" datetime="{escape(date["value"])}" title="{escape(date["value"])}">'
        marks.append(_Mark(date["start"], date["end"], _same(tag), "</time>"))
    for count in document.get("counts", []):
        meaning = " ".join(w for w in (QUALIFIERS.get(count["qualifier"], ""), str(count["value"]),
                                       COUNT_KINDS.get(count["kind"], count["kind"])) if w)
        tag = f'<span class="count" title="{escape(meaning)}">'
        marks.append(_Mark(count["start"], count["end"], _same(tag), "</span>"))
    return marks


def _without_overlaps(marks: list[_Mark], start: int, end: int) -> list[_Mark]:
    """The marks inside [start, end), clipped to it; of overlapping ones, the first and longest."""
    kept: list[_Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        clipped = _Mark(max(mark.start, start), min(mark.end, end), mark.opening, mark.closing)
        if clipped.start >= clipped.end or (kept and clipped.start < kept[-1].end):
            continue
        kept.append(clipped)
    return kept


def _text(piece: str) -> str:
    return str(escape(piece)).replace("\n", "\n<span class=\"para\" aria-hidden=\"true\"></span>")


def highlight(document: Document, start: int = 0, end: int | None = None) -> Markup:
    """The text between ``start`` and ``end`` as HTML, with quotes, entities, dates and counts marked."""
    text: str = document["text"]
    end = len(text) if end is None else min(end, len(text))
    layers = [_without_overlaps(marks, start, end)
              for marks in (_quote_marks(document), _entity_marks(document), _value_marks(document))]
    cuts = sorted({start, end} | {edge for layer in layers for m in layer for edge in (m.start, m.end)})
    next_in_layer = [0] * len(layers)
    opened: list[_Mark | None] = [None] * len(layers)
    started: set[int] = set()
    out: list[str] = []

    def close_from(depth: int) -> None:
        for level in range(len(layers) - 1, depth - 1, -1):
            if opened[level] is not None:
                out.append(opened[level].closing)  # type: ignore[union-attr]
                opened[level] = None

    for left, right in itertools.pairwise(cuts):
        active: list[_Mark | None] = []
        for level, layer in enumerate(layers):
            while next_in_layer[level] < len(layer) and layer[next_in_layer[level]].end <= left:
                next_in_layer[level] += 1
            mark = layer[next_in_layer[level]] if next_in_layer[level] < len(layer) else None
            active.append(mark if mark is not None and mark.start <= left else None)
        changed = next((level for level in range(len(layers)) if active[level] is not opened[level]), None)
        if changed is not None:
            close_from(changed)
            for level in range(changed, len(layers)):
                mark = active[level]
                if mark is not None:
                    out.append(mark.opening(id(mark) not in started))
                    started.add(id(mark))
                    opened[level] = mark
        out.append(_text(text[left:right]))
    close_from(0)
    return Markup("".join(out))
