"""Readers never raise: every bad record becomes an error naming it, the rest is read."""

import io
import json

import pytest

from vigie.readers import RawRecord, RecordError, read_paths
from vigie.readers.files import read_stdin


def outcomes(*paths, **options):
    return list(read_paths([str(p) for p in paths], **options))


def test_text_file_is_one_record_named_after_its_stem(tmp_path):
    path = tmp_path / "mon article.txt"
    path.write_text("Titre\nUn paragraphe.\n", encoding="utf-8")
    [record] = outcomes(path, published="2025-01-02")
    assert isinstance(record, RawRecord)
    assert (record.id, record.text, record.published, record.source.kind) == (
        "mon_article", "Titre\nUn paragraphe.\n", "2025-01-02", "txt")


def test_html_file_is_read_as_html(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Bonjour</p></body></html>", encoding="utf-8")
    [record] = outcomes(path)
    assert record.html is not None and record.text is None


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Titre\nÉlysée.".encode("utf-16"))
    [record] = outcomes(path)
    assert record.text == "Titre\nÉlysée."


def test_jsonl_records_with_and_without_ids(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "a", "text": "Titre\nTexte.", "published": "2025-05-17T10:00:00Z", "url": "https://x.fr/a"},
             {"html": "<p>Bonjour</p>"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "\n", encoding="utf-8")
    first, second = outcomes(path)
    assert (first.id, first.published, first.url) == ("a", "2025-05-17", "https://x.fr/a")
    assert (second.id, second.html) == ("batch-2", "<p>Bonjour</p>")


def test_record_date_wins_over_the_command_line_date(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "T\nU.", "published": "2024-03-01"}) + "\n")
    [record] = outcomes(path, published="2025-01-01")
    assert record.published == "2024-03-01"


def test_json_file_with_one_record_or_a_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Titre\nTexte."}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "p", "text": "A\nB."}, {"id": "q", "text": "C\nD."}]))
    assert [r.id for r in outcomes(one, many)] == ["one", "p", "q"]


def test_every_bad_jsonl_line_is_reported_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "good", "text": "Titre\nTexte."})
    path.write_bytes(b"\n".join([
        good.encode(),
        b'{"id": "broken", "text": ',                              # malformed JSON
        json.dumps({"id": "empty", "text": "   "}).encode(),      # empty
        json.dumps({"id": "nothing"}).encode(),                   # neither text nor html
        json.dumps({"id": "date", "text": "T\nU.", "published": "hier"}).encode(),
        json.dumps({"id": "big", "text": "x" * 5000}).encode(),    # over the limit
        json.dumps({"id": "bin", "text": "\x00\x01\x02\x03" * 20}).encode(),
        b'{"id": "latin", "text": "\xe9t\xe9"}',                  # not UTF-8
        b"[1, 2]",                                                # not an object
        json.dumps({"id": "last", "text": "Fin\nDu lot."}).encode(),
    ]) + b"\n")
    results = outcomes(path, max_bytes=1000)
    assert [r.id for r in results if isinstance(r, RawRecord)] == ["good", "last"]
    errors = [str(r) for r in results if isinstance(r, RecordError)]
    assert len(errors) == 8
    expectations = [(":2", "malformed JSON"), (":3", "empty"), (":4", "neither 'text' nor 'html'"),
                    (":5", "not an ISO date"), (":6", "too large"), (":7", "binary"),
                    (":8", "not valid UTF-8"), (":9", "expected a JSON object")]
    for error, (line, reason) in zip(errors, expectations, strict=True):
        assert f"mixed.jsonl{line}" in error and reason in error


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"Titre\n\x00\x00\x00\x00 binaire", "binary"),
        ("Élysée".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_text_files_are_reported(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [error] = outcomes(path)
    assert isinstance(error, RecordError)
    assert error.name.endswith("bad.txt") and reason in error.reason


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Titre\n" + "mot " * 1000)
    [error] = outcomes(path, max_bytes=100)
    assert "too large" in error.reason and "--max-bytes" in error.reason


def test_oversized_jsonl_line_is_skipped_without_losing_the_next(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "y" * 10_000}) + "\n"
                    + json.dumps({"id": "ok", "text": "A\nB."}) + "\n")
    first, second = outcomes(path, max_bytes=500)
    assert isinstance(first, RecordError) and "too large" in first.reason
    assert second.id == "ok"


def test_missing_and_unsupported_files(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    missing, unsupported = outcomes(tmp_path / "absent.txt", tmp_path / "x.pdf")
    assert "no such file" in missing.reason
    assert "unsupported file type .pdf" in unsupported.reason


def test_stdin_text_html_and_json_lines():
    [text] = read_stdin(io.BytesIO(b"Titre\nCorps."), 1000)
    assert text.text == "Titre\nCorps." and text.id == "stdin"
    [html] = read_stdin(io.BytesIO(b"<!DOCTYPE html><html><body><p>x</p></body></html>"), 1000)
    assert html.html is not None
    records = list(read_stdin(io.BytesIO(b'{"id": "a", "text": "A\\nB."}\n{"id": "b", "text": "C\\nD."}\n'), 1000))
    assert [r.id for r in records] == ["a", "b"]


def test_parquet_rows_are_records_and_a_spark_runs_articles_are_documents(tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from vigie.model import Article

    pq.write_table(pa.table({"id": ["p1", None], "text": ["Un texte.", "Un autre texte."],
                             "published": [dt.date(2026, 1, 5), None]}), tmp_path / "records.parquet")
    first, second = read_paths([str(tmp_path / "records.parquet")])
    assert (first.id, first.text, first.published) == ("p1", "Un texte.", "2026-01-05")
    assert second.id == "records-2"  # numbered as JSON lines are

    run = tmp_path / "run"
    (run / "articles" / "month=2026-01").mkdir(parents=True)
    (run / "entities").mkdir()
    (run / "_vigie.json").write_text("{}", encoding="utf-8")
    document = Article(id="doc-1", text="Texte analysé.", published="2026-01-05").to_json(indent=None)
    pq.write_table(pa.table({"id": ["doc-1"], "document": [document]}),
                   run / "articles" / "month=2026-01" / "part-0.parquet")
    pq.write_table(pa.table({"key": ["PER:x"]}), run / "entities" / "part-0.parquet")  # not articles: not read
    (only,) = read_paths([str(run)])
    assert only.document is not None and only.document.id == "doc-1"


def test_a_broken_parquet_file_is_one_error(tmp_path):
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    (error,) = read_paths([str(tmp_path / "broken.parquet")])
    assert isinstance(error, RecordError) and "not a readable Parquet file" in error.reason
