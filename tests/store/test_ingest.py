"""Ingest: everything lands once, re-runs add nothing, copies are linked, crashes lose nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from vigie.corpus import ingest
from vigie.pipeline import Pipeline
from vigie.readers import read_paths
from vigie.store import DATABASE_VERSION, open_db

pytestmark = pytest.mark.slow


def _records(paths) -> int:
    return sum(1 for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_dev_and_timebank_are_ingested(corpus, connection, corpus_inputs):
    _db, summary = corpus
    expected = _records(corpus_inputs)
    assert expected > 100
    assert summary.ingested == expected and not summary.failed
    assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == expected
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == DATABASE_VERSION


def test_reingest_adds_nothing(corpus, corpus_inputs, pipeline):
    db, _ = corpus
    again = ingest([str(p) for p in corpus_inputs], db, pipeline=pipeline, progress=False)
    assert again.ingested == 0 and again.duplicates == _records(corpus_inputs)


def test_entities_merge_across_articles(connection):
    row = connection.execute("SELECT name, article_count FROM entities WHERE key = 'PER:donald trump'").fetchone()
    assert row["article_count"] >= 3
    kyiv = connection.execute("SELECT name, country_code FROM entities WHERE key = 'LOC:geonames:703448'").fetchone()
    assert kyiv["country_code"] == "UA"


def test_near_duplicate_is_linked_to_its_canonical_story(tmp_path, pipeline, seed_text):
    db = tmp_path / "dup.db"
    reworded = (seed_text.replace("Une présence, dont se félicite l'Élysée.", "Une présence saluée par l'Élysée.")
                .replace("Sur le terrain,", "Dans le même temps,"))
    records = tmp_path / "wire.jsonl"
    records.write_text("\n".join(json.dumps({"id": i, "text": t, "published": "2026-01-05"}, ensure_ascii=False)
                                 for i, t in (("afp", seed_text), ("reprise", reworded))) + "\n", encoding="utf-8")
    summary = ingest([str(records)], db, pipeline=pipeline, progress=False)
    assert summary.ingested == 2 and summary.near_duplicates == 1
    connection = open_db(db)
    copy = connection.execute("SELECT canonical_id, similarity FROM articles WHERE id = 'reprise'").fetchone()
    assert copy["canonical_id"] == "afp" and copy["similarity"] >= 0.6
    witkoff = connection.execute("SELECT article_count FROM entities WHERE key = 'PER:steve witkoff'").fetchone()
    assert witkoff["article_count"] == 1  # the copy does not count twice


def test_a_different_story_is_not_a_near_duplicate(tmp_path, pipeline, seed_text):
    db = tmp_path / "other.db"
    other = "Un autre sujet\nLe conseil municipal de Lyon a voté mardi le budget de la ville pour 2026.\n"
    records = tmp_path / "two.jsonl"
    records.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", seed_text), ("b", other))))
    assert ingest([str(records)], db, pipeline=pipeline, progress=False).near_duplicates == 0


def test_directories_and_warc_files(tmp_path, pipeline, fixtures_dir):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder = tmp_path / "crawl"
    folder.mkdir()
    with (folder / "news.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for page in sorted((fixtures_dir / "html").glob("*.html")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.fr/{page.stem}", "response",
                                                          payload=page.open("rb"), http_headers=headers))
    (folder / "sub").mkdir()
    (folder / "sub" / "note.txt").write_text("Un titre\nUn paragraphe sur la grève à Lyon mardi.\n", encoding="utf-8")
    summary = ingest([str(folder)], tmp_path / "warc.db", pipeline=pipeline, progress=False)
    assert summary.ingested == 5 and not summary.failed
    urls = {r[0] for r in open_db(tmp_path / "warc.db").execute("SELECT url FROM articles")}
    assert "https://example.fr/louvre-figcaption-dash" in urls


def test_bad_records_are_reported_and_the_rest_ingested(tmp_path, pipeline):
    records = tmp_path / "mixed.jsonl"
    records.write_text('{"id": "ok", "text": "Titre\\nUn texte."}\n{broken\n', encoding="utf-8")
    summary = ingest([str(records)], tmp_path / "m.db", pipeline=pipeline, progress=False)
    assert summary.ingested == 1 and len(summary.failed) == 1
    assert "malformed JSON" in summary.failed[0].reason
    assert any("1 × malformed JSON" in line for line in summary.lines())


def test_a_newer_schema_is_refused(tmp_path):
    db = tmp_path / "future.db"
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {DATABASE_VERSION + 1}")
    raw.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_db(db)


def test_killed_ingest_resumes_without_losing_or_duplicating(tmp_path, corpus_inputs):
    db = tmp_path / "killed.db"
    _dev, timebank = corpus_inputs
    command = [sys.executable, "-m", "vigie.cli", "ingest", str(timebank), "--db", str(db),
               "--batch-size", "5", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as probe:
                    stored = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 10:
                break
    assert process.poll() is None, "ingest finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 10 <= stored < 108
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    connection = open_db(db)
    assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 108
    assert connection.execute("SELECT count(DISTINCT source_hash) FROM articles").fetchone()[0] == 108
    assert connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 108


def test_extracted_documents_are_ingested_without_running_the_nlp(tmp_path, pipeline, seed_text):
    direct = tmp_path / "direct.db"
    source = tmp_path / "seed.txt"
    source.write_text(seed_text, encoding="utf-8")
    ingest([str(source)], direct, pipeline=pipeline, published="2026-01-05", progress=False)
    documents = tmp_path / "docs"
    documents.mkdir()
    article = next(pipeline.process(read_paths([str(source)], published="2026-01-05")))
    (documents / "seed.json").write_text(article.to_json(), encoding="utf-8")

    cold = Pipeline()  # never warmed up: a document must not need the model
    loaded = tmp_path / "loaded.db"
    summary = ingest([str(documents)], loaded, pipeline=cold, progress=False)
    assert summary.ingested == 1 and not summary.failed and cold._nlp is None
    tables = ("articles", "mentions", "quotes", "events", "event_participants", "counts", "entity_aliases")
    with open_db(direct) as a, open_db(loaded) as b:
        for table in tables:
            assert a.execute(f"SELECT count(*) FROM {table}").fetchone() == \
                b.execute(f"SELECT count(*) FROM {table}").fetchone(), table
        assert a.execute("SELECT source_hash FROM articles").fetchone() == \
            b.execute("SELECT source_hash FROM articles").fetchone()
    again = ingest([str(source)], loaded, pipeline=cold, published="2026-01-05", progress=False)
    assert again.duplicates == 1 and cold._nlp is None  # the raw text is known: skipped before any analysis


def test_an_invalid_document_is_reported_and_skipped(tmp_path, pipeline):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": "1.1", "id": "x", "text": "T", "entities": [{"id": 3}]}))
    summary = ingest([str(bad)], tmp_path / "c.db", pipeline=pipeline, progress=False)
    assert summary.ingested == 0 and len(summary.failed) == 1
    assert "not a valid article document: entities.0" in summary.failed[0].reason
