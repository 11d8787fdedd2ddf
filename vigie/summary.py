"""A short human-readable view of an extracted article (for the terminal and the demo)."""

from __future__ import annotations

from vigie.model import Article


def _shorten(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(article: Article) -> str:
    """Headline, caption, credit, structure and extracted facts, one line each."""
    published = article.published or "unknown"
    if article.published_inferred:
        published += " (inferred)"
    lines = [
        f"Article   {article.id}",
        f"Headline  {article.title or '—'}",
        f"Caption   {article.caption or '—'}",
        f"Credit    {article.credit or '—'}",
        f"Published {published}",
        f"Body      {len(article.paragraphs)} paragraphs, {len(article.subheadings)} sub-headings, "
        f"{len(article.text.split())} words",
    ]
    for heading in article.subheadings:
        lines.append(f"  ## {_shorten(heading.text)}")
    if article.entities:
        lines.append(f"Entities  {len(article.entities)}")
        for entity in article.entities:
            lines.append(f"  {entity.type:3s} {entity.name} ({len(entity.mentions)} mentions)")
    if article.quotes:
        lines.append(f"Quotes    {len(article.quotes)}")
        for quote in article.quotes:
            speaker = quote.speaker.name if quote.speaker else "?"
            words = f"« {_shorten(quote.text, 80)} »" if quote.direct else f"(reported) {_shorten(quote.text, 80)}"
            lines.append(f"  {speaker}: {words}")
    if article.dates:
        lines.append(f"Dates     {len(article.dates)}")
        for date in article.dates:
            lines.append(f"  {date.value:10s} {date.text}")
    if article.events:
        lines.append(f"Events    {len(article.events)}")
        for event in article.events:
            actors = ", ".join(a.name for a in event.actors) or "?"
            targets = ", ".join(t.name for t in event.targets) or "—"
            where = event.location.name if event.location else "—"
            lines.append(f"  {event.type:10s} {actors} → {targets} @ {where} {event.date or ''}".rstrip())
    if article.counts:
        lines.append(f"Counts    {len(article.counts)}")
        for count in article.counts:
            lines.append(f"  {count.kind:9s} {count.value} ({count.qualifier}) {count.text}")
    return "\n".join(lines)
