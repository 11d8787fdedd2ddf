"""Facts marked in an article's text: nesting always valid, overlaps resolved, offsets kept."""

from __future__ import annotations

from html.parser import HTMLParser

from vigie.web.highlight import UNKNOWN_SPEAKER, highlight

TEXT = "Le président Emmanuel Macron a déclaré lundi : « Paris tiendra. » Trois morts à Lyon."


def _span(text: str, piece: str) -> dict[str, int]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece)}


def document(**extra: object) -> dict[str, object]:
    quote = {**_span(TEXT, "Paris tiendra."), "text": "Paris tiendra.", "direct": True,
             "speaker": {**_span(TEXT, "Emmanuel Macron"), "name": "Emmanuel Macron", "entity_id": "e1"}}
    return {
        "text": TEXT,
        "entities": [
            {"id": "e1", "name": "Emmanuel Macron", "type": "PER", "key": "PER:emmanuel macron",
             "mentions": [{**_span(TEXT, "Emmanuel Macron"), "text": "Emmanuel Macron"}]},
            {"id": "e2", "name": "Paris", "type": "LOC", "key": "LOC:geonames:2988507",
             "mentions": [{**_span(TEXT, "Paris"), "text": "Paris"}]},
        ],
        "quotes": [quote],
        "dates": [{**_span(TEXT, "lundi"), "text": "lundi", "value": "2026-01-05"}],
        "counts": [{**_span(TEXT, "Trois morts"), "kind": "killed", "value": 3, "qualifier": "exact",
                    "text": "Trois morts"}],
        **extra,
    }


class _Checker(HTMLParser):
    """Collects the text and fails on any tag closed out of order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(html: str) -> str:
    checker = _Checker()
    checker.feed(html)
    assert not checker.stack
    return "".join(checker.text)


def test_every_fact_is_marked_in_place_and_the_text_is_unchanged():
    html = str(highlight(document()))
    assert check(html) == TEXT
    assert '<a class="ent PER" href="/entite/PER%3Aemmanuel%20macron"' in html
    assert '<time class="date" datetime="2026-01-05"' in html
    assert 'data-speaker="Emmanuel Macron"' in html and f'id="c-{TEXT.index("Paris tiendra")}"' in html
    assert 'title="3 morts"' in html
    # the entity inside the quote is nested inside it
    assert html.index('class="quote"') < html.index('class="ent LOC"') < html.index("tiendra")


def test_a_quote_without_speaker_says_so():
    doc = document()
    doc["quotes"][0]["speaker"] = None  # type: ignore[index]
    html = str(highlight(doc))
    assert f'data-speaker="{UNKNOWN_SPEAKER}"' in html and 'class="quote unknown"' in html


def test_an_inner_mark_across_a_quote_edge_is_split_and_stays_nested():
    text = "Il a dit « bonjour Jean » Dupont."
    doc = {"text": text,
           "quotes": [{**_span(text, "bonjour Jean"), "text": "bonjour Jean", "speaker": None}],
           "entities": [{"id": "e1", "name": "Jean Dupont", "type": "PER", "key": "PER:jean dupont",
                         "mentions": [{**_span(text, "Jean » Dupont"), "text": "Jean » Dupont"}]}]}
    html = str(highlight(doc))
    assert check(html) == text
    assert html.count('<a class="ent PER"') == 2  # opened inside the quote, reopened after it


def test_overlapping_marks_of_one_layer_keep_the_first_and_longest():
    text = "Jean-Pierre Martin est là."
    doc = {"text": text, "entities": [
        {"id": "e1", "name": "Jean-Pierre", "type": "PER", "key": "PER:jean-pierre",
         "mentions": [{**_span(text, "Jean-Pierre"), "text": "Jean-Pierre"}]},
        {"id": "e2", "name": "Jean-Pierre Martin", "type": "PER", "key": "PER:jean-pierre martin",
         "mentions": [{**_span(text, "Jean-Pierre Martin"), "text": "Jean-Pierre Martin"}]}]}
    html = str(highlight(doc))
    assert check(html) == text
    assert "jean-pierre%20martin" in html and "PER%3Ajean-pierre\"" not in html


def test_a_window_clips_marks_and_text_is_escaped():
    text = "<b>Titre</b>\nLe texte à Paris."
    doc = {"text": text, "entities": [{"id": "e1", "name": "Titre", "type": "ORG", "key": "ORG:titre",
                                       "mentions": [{**_span(text, "Titre"), "text": "Titre"}]}]}
    html = str(highlight(doc, start=text.index("Le")))
    assert "&lt;b&gt;" not in html and "Titre" not in html
    assert check(html) == "Le texte à Paris."
    assert "<b>" not in str(highlight(doc)) and "&lt;b&gt;" in str(highlight(doc))
