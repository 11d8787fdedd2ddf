"""The one projection of an article onto the corpus tables: Article → rows of every table.

The SQLite writer, the exporter and the Spark job all use it, so a column is named and computed in one
place. Rows are a pure function of the article document: quotes, events and counts are keyed by
``(article_id, seq)``, their order in the article, never by an id the database hands out. A few columns
are the corpus's to fill (:data:`STORE_ASSIGNED`): whether the article copies another story, and when
it was ingested; the entity totals are sums of the per-article rows.
"""

from __future__ import annotations

from typing import Any

from vigie.model import Article, Entity, Reference, entity_key
from vigie.store.neardup import pack, signature
from vigie.textnorm import fold

Row = dict[str, Any]

# Columns of each table, in schema order; the schema test checks these against the database.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source_hash", "content_hash", "canonical_id", "similarity", "minhash", "url", "published",
                 "published_inferred", "title", "caption", "credit", "text", "source_path", "ingested_at",
                 "document"),
    "entities": ("key", "name", "type", "geonameid", "lat", "lon", "country_code", "mention_count",
                 "article_count", "first_seen", "last_seen"),
    "entity_aliases": ("entity_key", "alias", "folded", "count"),
    "mentions": ("article_id", "entity_key", "text", "start", "end"),
    "quotes": ("article_id", "seq", "text", "direct", "speaker", "speaker_key", "verb", "start", "end", "published",
               "attribution", "confidence"),
    "events": ("article_id", "seq", "type", "text", "date", "location", "location_key", "negated", "hypothetical",
               "start", "end", "day"),
    "event_participants": ("article_id", "event_seq", "role", "name", "entity_key", "day"),
    "counts": ("article_id", "seq", "event_seq", "kind", "value", "qualifier", "text", "location", "location_key",
               "start", "end"),
}
# Tables that are not an article's projection: the near-duplicate index, what `vigie watch` follows, and the
# pre-aggregates the writer keeps (mentions per entity per day, co-mentions, entities named in quotes).
OTHER_TABLES = ("minhash_bands", "sources", "fetched_urls", "entity_days", "co_mentions", "quote_mentions")
# Filled by the corpus when the article is stored, not by the projection.
STORE_ASSIGNED: dict[str, tuple[str, ...]] = {"articles": ("canonical_id", "similarity", "ingested_at")}
# Kept in the database for its own use, not exported: a binary signature, the whole document, a search key,
# and the day each quote and event is sorted by (the article's date, or the event's own), copied onto its row
# so an index returns the newest first.
INTERNAL: dict[str, tuple[str, ...]] = {"articles": ("minhash", "document"), "entity_aliases": ("folded",),
                                         "quotes": ("published",), "events": ("day",),
                                         "event_participants": ("day",)}


def exported_columns(table: str) -> tuple[str, ...]:
    """The columns an export (CSV, JSON lines, Parquet) carries for a table."""
    return tuple(c for c in COLUMNS[table] if c not in INTERNAL.get(table, ()))


def article_rows(article: Article, article_id: str | None = None) -> dict[str, list[Row]]:
    """Every table's rows for one article (``article_id`` when the corpus stores it under another id)."""
    aid = article_id or article.id
    keys = {entity.id: entity.key or entity_key(entity.type, entity.name) for entity in article.entities}

    def key_of(reference: Reference | None) -> str | None:
        return keys.get(reference.entity_id or "") if reference is not None else None

    def name_of(reference: Reference | None) -> str | None:
        return reference.name if reference is not None else None

    rows: dict[str, list[Row]] = {table: [] for table in COLUMNS}
    rows["articles"].append({
        "id": aid, "source_hash": article.source_hash, "content_hash": article.content_hash,
        "canonical_id": None, "similarity": None, "minhash": pack(signature(article.text)), "url": article.url,
        "published": article.published, "published_inferred": int(article.published_inferred),
        "title": article.title, "caption": article.caption, "credit": article.credit, "text": article.text,
        "source_path": article.source.path if article.source else None, "ingested_at": None,
        "document": article.to_json(indent=None),
    })
    for entity in article.entities:
        rows["entities"].append(_entity_row(entity, keys[entity.id], article.published))
        rows["entity_aliases"] += [{"entity_key": keys[entity.id], "alias": alias, "folded": fold(alias), "count": 1}
                                   for alias in sorted({m.text for m in entity.mentions})]
        rows["mentions"] += [{"article_id": aid, "entity_key": keys[entity.id], "text": m.text, "start": m.start,
                              "end": m.end} for m in entity.mentions]
    for seq, quote in enumerate(article.quotes):
        rows["quotes"].append({
            "article_id": aid, "seq": seq, "text": quote.text, "direct": int(quote.direct),
            "speaker": name_of(quote.speaker), "speaker_key": key_of(quote.speaker), "verb": quote.verb_lemma,
            "start": quote.start, "end": quote.end, "published": article.published,
            "attribution": quote.attribution, "confidence": quote.confidence})
    for seq, event in enumerate(article.events):
        day = event.date or article.published
        rows["events"].append({
            "article_id": aid, "seq": seq, "type": event.type, "text": event.text, "date": event.date,
            "location": name_of(event.location), "location_key": key_of(event.location),
            "negated": int(event.negated), "hypothetical": int(event.hypothetical),
            "start": event.start, "end": event.end, "day": day})
        rows["event_participants"] += [
            {"article_id": aid, "event_seq": seq, "role": role, "name": ref.name, "entity_key": key_of(ref),
             "day": day}
            for role, refs in (("actor", event.actors), ("target", event.targets)) for ref in refs]
    for seq, count in enumerate(article.counts):
        rows["counts"].append({
            "article_id": aid, "seq": seq, "event_seq": count.event_index, "kind": count.kind, "value": count.value,
            "qualifier": count.qualifier, "text": count.text, "location": name_of(count.location),
            "location_key": key_of(count.location), "start": count.start, "end": count.end})
    return rows


def _entity_row(entity: Entity, key: str, published: str | None) -> Row:
    """One article's view of an entity: its totals are this article's, summed across the corpus."""
    place = entity.place
    return {"key": key, "name": entity.name, "type": entity.type,
            "geonameid": place.geonameid if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "country_code": place.country_code if place else None,
            "mention_count": len(entity.mentions), "article_count": 1, "first_seen": published,
            "last_seen": published}
