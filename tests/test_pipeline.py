import pytest
import spacy
from spacy.language import Language

from vigie.extract.gazetteer import load_index, lookup
from vigie.model import Article, Source
from vigie.nlp import DEFAULT_MODEL, TagsFromPos, index_lemma_lists, pipe_by_line, replace_tag_ruler, split_lines
from vigie.pipeline import STAGES, Pipeline, build_article, extract_text, register_stage
from vigie.readers import RawRecord, RecordError

pytestmark = pytest.mark.slow


def record(record_id: str, text: str | None = None, html: str | None = None) -> RawRecord:
    return RawRecord(id=record_id, source=Source(kind="txt", path=f"{record_id}.txt"), text=text, html=html)


def test_seed_structure_and_spans(seed_text, pipeline):
    article = extract_text(seed_text, published="2026-01-05", article_id="seed", pipeline=pipeline)
    assert article.title.startswith("Guerre en Ukraine: Jared Kushner")
    assert article.credit == "STRINGER / ANADOLU / Anadolu via AFP"
    assert article.span_text(article.title_span) == article.title
    assert article.span_text(article.caption_span) == article.caption
    assert article.span_text(article.credit_span) == article.credit
    assert [b.kind for b in article.blocks].count("subheading") == 1
    assert article.published == "2026-01-05" and not article.published_inferred
    assert len(article.content_hash) == 32


def test_sentences_never_cross_a_line_break(pipeline):
    text = "Un titre sans point\nUne légende. - AFP\nLe corps commence ici. Il continue"
    [doc] = pipe_by_line(pipeline.warm_up(), [text])
    assert doc.text == text
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Un titre sans point"
    assert not any("\n" in s for s in sentences)


def test_a_lone_letter_ends_a_sentence_but_an_initial_does_not(pipeline):
    text = "Le maire a réagi sur X. Le préfet, lui, se tait. Marsha P. Johnson et M. Le Maire sont cités."
    [doc] = pipe_by_line(pipeline.warm_up(), [text])
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents][:2] == ["Le maire a réagi sur X.", "Le préfet, lui, se tait."]
    tokens = [t.text for t in doc]
    assert tokens[5:7] == ["X", "."] and {"P.", "M."} <= set(tokens)


def test_the_lemmatizer_word_lists_are_sets_that_give_the_same_lemmas(pipeline):
    nlp = pipeline.warm_up()
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(known, frozenset) for known in table.values())
    text = "Les éleveurs bloquaient les rocades ; les préfètes avaient dépêché des renforts aux bergeries isolées."

    def lemmas() -> list[str]:
        lemmatizer.cache.clear()
        return [t.lemma_ for t in nlp(text)]

    indexed = lemmas()
    try:
        for key in list(table):
            table[key] = sorted(table[key])  # spaCy's own lists
        assert lemmas() == indexed
    finally:
        index_lemma_lists(nlp)
        lemmatizer.cache.clear()
    assert {"bloquer", "dépêcher", "renfort"} <= set(indexed)


def test_the_tag_ruler_read_from_arrays_annotates_as_the_models_ruler_does(pipeline):
    nlp = pipeline.warm_up()
    assert isinstance(nlp.get_pipe("attribute_ruler"), TagsFromPos)
    reference = spacy.load(DEFAULT_MODEL)
    lines = ["La préfète a dépêché 40 gendarmes à Brest mardi.\n", "  Deux  espaces\u00a0et\ttab\n\n", " ", "\n",
             "« Nous irons jusqu'au bout », a-t-il lancé.\n"]

    def annotations(model: Language) -> list[list[tuple[str, ...]]]:
        return [[(t.text, t.pos_, t.tag_, str(t.morph), t.dep_, t.lemma_) for t in doc] for doc in model.pipe(lines)]

    found = annotations(nlp)
    assert found == annotations(reference)
    assert ("\n", "SPACE", "SPACE", "", "dep", "\n") in found[0]
    assert found[0][3][:3] == ("dépêché", "VERB", "VERB")


def test_a_ruler_with_other_patterns_is_kept():
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "m."}]], {"POS": "NOUN"})
    replace_tag_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_html_record_takes_its_date_from_the_page(fixtures_dir):
    html = (fixtures_dir / "html" / "greve-figcaption-span.html").read_text(encoding="utf-8")
    article = build_article(record("greve", html=html))
    assert article.published == "2025-07-03"
    assert article.credit == "Thibaud MORITZ / AFP"


def test_a_failing_stage_only_loses_its_own_article(pipeline):
    @register_stage("test_explodes_on_b", assigns=("quotes",))
    def explode(article, doc):
        if article.id == "b":
            raise RuntimeError("boom")

    try:
        pipe = Pipeline(stages=("test_explodes_on_b",), batch_size=2)
        pipe._nlp = pipeline.warm_up()
        results = list(pipe.process([record("a", "T\nA."), record("b", "T\nB."), record("c", "T\nC.")]))
    finally:
        del STAGES["test_explodes_on_b"]
    assert [type(r).__name__ for r in results] == ["Article", "RecordError", "Article"]
    assert "boom" in results[1].reason and results[1].name == "b.txt"


def test_records_that_are_errors_pass_through_in_order(pipeline):
    results = list(pipeline.process([RecordError("x.jsonl:1", "malformed JSON"), record("a", "T\nA.")]))
    assert isinstance(results[0], RecordError) and results[1].id == "a"


def test_unknown_stage_is_refused():
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(stages=("no_such_stage",))


def test_lines_join_back_to_the_text():
    for text in ["", "a", "a\n", "a\n\nb", "\nx\ny\n\n"]:
        assert "".join(split_lines(text)) == text


def test_priming_runs_every_stage_and_loads_the_gazetteer(pipeline):
    lookup.cache_clear()  # earlier tests' look-ups would answer without the index
    load_index.cache_clear()
    primer = pipeline.prime()
    assert isinstance(primer, Article)
    assert load_index.cache_info().currsize == 1  # loaded before any worker is forked
    assert primer.entities and primer.quotes and primer.dates and primer.counts and primer.events
    assert any(e.place is not None for e in primer.entities)
