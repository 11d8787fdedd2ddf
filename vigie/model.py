"""The one data model of Vigie: an article and everything extracted from it.

Every extracted item carries the character offsets (``start``, ``end``; end
exclusive) of the text that supports it, counted in ``Article.text``, so a
fact can always be traced back to the words that state it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vigie.textnorm import fold

DOCUMENT_VERSION = "1.2"  # of the article document (JSON); the database has its own, in store.schema

EntityType = Literal["PER", "ORG", "LOC"]
BlockKind = Literal["paragraph", "subheading"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
    "REQUEST", "DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
CountKind = Literal["killed", "injured", "missing", "arrested", "displaced", "people", "other"]
Qualifier = Literal["exact", "at_least", "at_most", "about"]
SourceKind = Literal["txt", "html", "json"]
# How a quote's speaker was found, from the strongest evidence to the weakest (see vigie.extract.quotes).
AttributionRule = Literal[
    "incise", "source", "colon", "clause", "shared_incise", "sentence", "reported", "headline_echo",
    "carry_over", "next_sentence", "headline_line", "introduced", "previous_sentence",
    "embedded",
]


class _Model(BaseModel):
    """Strict base: unknown keys are refused so a round-trip loses nothing silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(_Model):
    """A stretch of ``Article.text``: the evidence for an item."""

    start: int = Field(ge=0, description="offset of the first character in Article.text")
    end: int = Field(ge=0, description="offset one past the last character")


class TextBlock(Span):
    """A paragraph or sub-heading of the body, in reading order."""

    kind: BlockKind
    text: str


class Mention(Span):
    """One occurrence of an entity's name in the text."""

    text: str


class Place(_Model):
    """A geocoded location (GeoNames), or an unresolved place name."""

    name: str
    resolved: bool = False
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    feature: str | None = Field(default=None, description="'country', 'city', ...")


class Entity(_Model):
    """A cluster of mentions that refer to one real-world PER, ORG or LOC."""

    id: str = Field(description="id of the entity within the article (e.g. 'e3')")
    name: str = Field(description="canonical name: the fullest form in the article")
    type: EntityType
    key: str = Field(default="", description="stable key used to merge entities across articles")
    mentions: list[Mention] = Field(default_factory=list)
    place: Place | None = None


class Reference(Span):
    """A pointer from a quote or event to an entity (or a plain description)."""

    name: str
    entity_id: str | None = None


class TimeExpression(Span):
    """A date expression and its ISO value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www)."""

    text: str
    value: str
    time_of_day: str | None = Field(default=None, description="'matin', 'soir', ... kept apart")
    anchor: str | None = Field(default=None, description="what it was resolved against")


class Quote(Span):
    """Words attributed to a speaker, direct (quotation marks) or reported."""

    text: str
    direct: bool = True
    speaker: Reference | None = None
    verb: Span | None = Field(default=None, description="the reporting verb, when there is one")
    verb_lemma: str | None = None
    attribution: AttributionRule | None = Field(
        default=None, description="how the speaker was found; None when it is unknown")
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="how often that rule names the right speaker (measured on annotated "
                                              "articles), lower when the speaker is a pronoun's or role's referent")


class Event(Span):
    """Who did what to whom, where and when, in a PLOVER category."""

    type: EventType
    text: str
    trigger: Span | None = None
    actors: list[Reference] = Field(default_factory=list)
    targets: list[Reference] = Field(default_factory=list)
    location: Reference | None = None
    date: str | None = None
    negated: bool = False
    hypothetical: bool = False


class Count(Span):
    """How many people or things an event affected."""

    kind: CountKind
    value: int
    qualifier: Qualifier = "exact"
    text: str
    location: Reference | None = None
    event_index: int | None = Field(default=None, description="index in Article.events")


class Source(_Model):
    """Where an article came from."""

    kind: SourceKind
    path: str | None = None
    line: int | None = None
    feed: str | None = Field(default=None, description="the feed or sitemap `vigie watch` found it in")
    label: str | None = Field(default=None, description="the label of that source in the watch list")


class Article(_Model):
    """One news article: its structure, its text and the facts extracted from it."""

    schema_version: str = DOCUMENT_VERSION
    id: str
    url: str | None = None
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    published_inferred: bool = Field(
        default=False, description="true when the date was inferred from the text, not given"
    )
    published_evidence: list[Span] = Field(default_factory=list)
    lang: str = "fr"
    title: str | None = None
    title_span: Span | None = None
    caption: str | None = None
    caption_span: Span | None = None
    credit: str | None = None
    credit_span: Span | None = None
    blocks: list[TextBlock] = Field(default_factory=list)
    text: str = Field(description="the cleaned full text; every offset points into it")
    content_hash: str = ""
    source_hash: str = Field(default="", description="hash of the raw input the article was read from")
    source: Source | None = None
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)

    @property
    def paragraphs(self) -> list[TextBlock]:
        """Body paragraphs, without sub-headings."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def subheadings(self) -> list[TextBlock]:
        """Sub-headings of the body."""
        return [b for b in self.blocks if b.kind == "subheading"]

    def in_heading(self, offset: int) -> bool:
        """Whether an offset falls in the headline or a sub-heading (which repeat or announce the body)."""
        title = self.title_span
        return (title is not None and title.start <= offset < title.end) or any(
            b.start <= offset < b.end for b in self.subheadings)

    def span_text(self, span: Span) -> str:
        """The words a span points at."""
        return self.text[span.start : span.end]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole document."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 1) -> str:
        """The document as JSON text (UTF-8, accents kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from ``to_dict`` output."""
        return cls.model_validate(data)


def content_hash(text: str) -> str:
    """Hash of the cleaned text: the same article gives the same hash on every run."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def source_hash(body: str) -> str:
    """Hash of a record's raw content (text or HTML): the same input is recognised before any analysis."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def entity_key(entity_type: str, name: str, geonameid: int | None = None) -> str:
    """Stable key to merge one entity across articles ('PER:steve witkoff', 'LOC:geonames:703448')."""
    if entity_type == "LOC" and geonameid is not None:
        return f"LOC:geonames:{geonameid}"
    return f"{entity_type}:{fold(name)}"


def article_json_schema() -> dict[str, Any]:
    """JSON Schema of the document that ``vigie extract`` writes."""
    schema = Article.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vigie.dev/schema/article-{DOCUMENT_VERSION}.json"
    return schema
