import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from vigie.model import (
    Article,
    Count,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Reference,
    Span,
    TimeExpression,
    article_json_schema,
    content_hash,
)

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "schema" / "article.json"
TEXT = "Le Kremlin a visé Kiev ce lundi, un bombardement qui a fait au moins deux morts."


def full_article() -> Article:
    kremlin = Reference(name="Kremlin", entity_id="e1", start=3, end=10)
    kiev = Reference(name="Kiev", entity_id="e2", start=18, end=22)
    return Article(
        id="a1", published="2026-01-05", text=TEXT, content_hash=content_hash(TEXT),
        entities=[
            Entity(id="e1", name="Kremlin", type="ORG", key="org:kremlin",
                   mentions=[Mention(text="Kremlin", start=3, end=10)]),
            Entity(id="e2", name="Kiev", type="LOC", key="loc:703448",
                   mentions=[Mention(text="Kiev", start=18, end=22)],
                   place=Place(name="Kyiv", resolved=True, geonameid=703448, lat=50.45, lon=30.52,
                               country_code="UA", feature="city")),
        ],
        quotes=[Quote(text="Kiev ce lundi", start=18, end=31, direct=False, speaker=kremlin,
                      verb=Span(start=13, end=17), verb_lemma="viser")],
        dates=[TimeExpression(text="ce lundi", value="2026-01-05", start=23, end=31)],
        events=[Event(type="ASSAULT", text=TEXT[:31], start=0, end=31, actors=[kremlin], targets=[kiev],
                      location=kiev, date="2026-01-05")],
        counts=[Count(kind="killed", value=2, qualifier="at_least", text="au moins deux morts",
                      start=60, end=79, location=kiev, event_index=0)],
    )


def test_json_round_trip_keeps_everything():
    article = full_article()
    again = Article.from_dict(json.loads(article.to_json()))
    assert again == article


def test_spans_point_at_their_words():
    article = full_article()
    assert article.span_text(article.counts[0]) == "au moins deux morts"
    assert article.span_text(article.dates[0]) == "ce lundi"
    assert all(article.span_text(m) == m.text for e in article.entities for m in e.mentions)


def test_unknown_keys_and_bad_values_are_refused():
    with pytest.raises(ValidationError):
        Article.from_dict({"id": "x", "text": "t", "surprise": 1})
    with pytest.raises(ValidationError):
        Count(kind="killed", value=2, qualifier="roughly", text="x", start=0, end=1)
    with pytest.raises(ValidationError):
        Entity(id="e", name="X", type="MISC")


def test_extraction_keys_exist_and_are_empty_by_default():
    document = Article(id="x", text="Titre").to_dict()
    for key in ("entities", "quotes", "dates", "events", "counts"):
        assert document[key] == []


def test_content_hash_is_stable():
    assert content_hash("Élysée") == content_hash("Élysée")
    assert content_hash("Élysée") != content_hash("Elysée")


def test_committed_schema_is_up_to_date():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == article_json_schema(), "regenerate it: make schema"


def test_full_article_validates_against_the_schema():
    jsonschema.validate(full_article().to_dict(), article_json_schema())
