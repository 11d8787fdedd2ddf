"""Each query on the dev + TimeBank corpus, through the library and the CLI."""

from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from vigie.cli import main
from vigie.store import queries
from vigie.store.rows import COLUMNS

pytestmark = pytest.mark.slow


@pytest.fixture
def run(corpus):
    db, _ = corpus

    def invoke(*args: str):
        result = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        return result

    return invoke


def test_top_entities_by_type(connection, run):
    people = queries.top_entities(connection, entity_type="PER", top=5)
    assert people and all(row["type"] == "PER" for row in people)
    assert {"Donald Trump", "François Bayrou"} & {row["name"] for row in people}
    rows = json.loads(run("entities", "--type", "LOC", "--top", "3", "--json").stdout)
    assert len(rows) == 3 and all(r["type"] == "LOC" for r in rows)
    assert "mentions" in run("entities", "--since", "2025-09-01").stdout


def test_entity_profile(connection, run):
    profile = queries.entity_profile(connection, "Macron")
    assert profile["name"] == "Emmanuel Macron" and profile["article_count"] >= 3
    assert profile["mentions_per_day"] and profile["co_mentioned"]
    assert any("Nous poursuivrons" in q["text"] for q in profile["quotes"])
    text = run("entity", "Élysée").stdout
    assert text.startswith("Élysée") and "Aliases" in text


def test_quotes_by_speaker_and_words(connection, run):
    rows = queries.quotes(connection, speaker="Bayrou")
    assert rows and all(r["speaker"] == "François Bayrou" for r in rows)
    found = json.loads(run("quotes", "--search", "catastrophe", "--json").stdout)
    assert found and all("catastrophe" in r["text"].lower() for r in found)


def test_wildcards_typed_by_a_user_match_literally(connection, run):
    assert queries.quotes(connection, speaker="%") == []
    assert queries.quotes(connection, speaker="_") == []
    assert queries.events(connection, place="%") == []
    assert queries.find_entity_keys(connection, "%") == []


def test_read_commands_never_write(corpus, tmp_path):
    db, _ = corpus
    before = db.stat().st_mtime_ns, db.stat().st_size
    for command in (["entities"], ["quotes", "--speaker", "Bayrou"], ["search", "Paris"]):
        assert CliRunner().invoke(main, [*command, "--db", str(db)]).exit_code == 0
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before
    foreign = tmp_path / "app.db"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE notes (body TEXT)")
    result = CliRunner().invoke(main, ["entities", "--db", str(foreign)])
    assert result.exit_code == 1 and "not a Vigie corpus" in result.output and "Traceback" not in result.output


def test_events_by_type_place_and_dates(connection, run):
    coerce = queries.events(connection, event_type="COERCE")
    assert coerce and all(e["type"] == "COERCE" for e in coerce)
    in_paris = queries.events(connection, place="Paris")
    assert in_paris and all(e["location"] == "Paris" for e in in_paris)
    window = queries.events(connection, since="2025-09-01", until="2025-09-30")
    assert window and all("2025-09-01" <= (e["date"] or e["published"]) <= "2025-09-30z" for e in window)
    assert "COERCE" in run("events", "--type", "coerce").stdout


def test_full_text_search_folds_accents(connection, run):
    hits = queries.search(connection, "cessez-le-feu")
    assert len(hits) >= 3 and all("[" in h["snippet"] for h in hits)
    folded = {h["id"] for h in queries.search(connection, "elysee")}
    assert folded and folded == {h["id"] for h in queries.search(connection, "Élysée")}
    assert "cessez-le-feu" in run("search", "cessez-le-feu").stdout.lower()


@pytest.mark.parametrize("file_format", ["csv", "jsonl", "parquet"])
def test_export_round_trips_row_counts(connection, corpus, tmp_path, file_format):
    db, _ = corpus
    out = tmp_path / file_format
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", file_format, "--out", str(out)])
    assert result.exit_code == 0, result.output
    for table in COLUMNS:
        expected = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        path = out / f"{table}.{file_format}"
        if file_format == "csv":
            with path.open(encoding="utf-8") as handle:
                rows = len(list(csv.reader(handle))) - 1
        elif file_format == "jsonl":
            rows = sum(1 for _ in path.open(encoding="utf-8"))
        else:
            rows = pq.read_table(path).num_rows
        assert rows == expected, table


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no corpus" in result.output


def test_pre_aggregated_answers_equal_the_full_joins(connection):
    """entity_days, co_mentions, quote_mentions and the entity totals, kept at ingest a batch at a time, give
    what a scan of every mention gives."""
    for key in [row[0] for row in connection.execute(
            "SELECT key FROM entities ORDER BY mention_count DESC LIMIT 25")]:
        per_day = connection.execute(
            f"""SELECT a.published, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.entity_key = ? AND {queries.CANONICAL} GROUP BY a.published ORDER BY a.published""",
            (key,)).fetchall()
        kept = connection.execute("SELECT nullif(day, ''), mentions FROM entity_days WHERE entity_key = ? "
                                  "ORDER BY day", (key,)).fetchall()
        assert [tuple(r) for r in per_day] == [tuple(r) for r in kept], key
        company = connection.execute(
            f"""SELECT other.entity_key, count(DISTINCT other.article_id) FROM mentions mine
                JOIN mentions other ON other.article_id = mine.article_id JOIN articles a ON a.id = mine.article_id
                WHERE mine.entity_key = ? AND other.entity_key != ? AND {queries.CANONICAL}
                GROUP BY other.entity_key""", (key, key)).fetchall()
        kept_company = connection.execute("SELECT other_key, articles FROM co_mentions WHERE entity_key = ?",
                                          (key,)).fetchall()
        assert sorted(map(tuple, company)) == sorted(map(tuple, kept_company)), key
        totals = connection.execute(
            f"""SELECT count(*), count(DISTINCT m.article_id), min(a.published), max(a.published) FROM mentions m
                JOIN articles a ON a.id = m.article_id WHERE m.entity_key = ? AND {queries.CANONICAL}""",
            (key,)).fetchone()
        kept_totals = connection.execute("SELECT mention_count, article_count, first_seen, last_seen FROM entities "
                                         "WHERE key = ?", (key,)).fetchone()
        assert tuple(totals) == tuple(kept_totals), key
        about = connection.execute(
            f"""SELECT DISTINCT q.article_id, q.seq FROM quotes q JOIN mentions m ON m.article_id = q.article_id
                AND q.start <= m.start AND m.end <= q.end JOIN articles a ON a.id = q.article_id
                WHERE m.entity_key = ? AND (q.speaker_key IS NULL OR q.speaker_key != ?) AND {queries.CANONICAL}
                ORDER BY a.published DESC, q.article_id, q.seq""", (key, key)).fetchall()
        kept_about = [(r["article_id"], r["start"]) for r in queries.quotes_about(connection, key, limit=10_000)]
        starts = dict(connection.execute("SELECT article_id || ':' || seq, start FROM quotes").fetchall())
        assert kept_about == [(r[0], starts[f"{r[0]}:{r[1]}"]) for r in about], key


def test_top_entities_of_a_month(connection):
    month = queries.top_entities(connection, since="2025-09-01", until="2025-09-30", top=5)
    assert month and all("2025-09-01" <= r["first_seen"] <= r["last_seen"] <= "2025-09-30" for r in month)


def test_index_ordered_answers_equal_a_sort_of_every_row(connection):
    """Quotes of a speaker and events of a participant or a place, read newest first from the day kept on
    their rows, are those a sort by the article's (or the event's) date of every row gives."""
    speakers = [r[0] for r in connection.execute(
        "SELECT speaker_key FROM quotes WHERE speaker_key IS NOT NULL GROUP BY speaker_key ORDER BY count(*) DESC "
        "LIMIT 5")]
    for key in speakers:
        expected = connection.execute(
            f"""SELECT q.article_id, q.start FROM quotes q JOIN articles a ON a.id = q.article_id
                WHERE q.speaker_key = ? AND {queries.CANONICAL} ORDER BY a.published DESC, q.article_id, q.start""",
            (key,)).fetchall()
        assert [(r["article_id"], r["start"]) for r in queries.quotes(connection, speaker_key=key, limit=500)] == [
            tuple(r) for r in expected]
    participants = [r[0] for r in connection.execute(
        "SELECT entity_key FROM event_participants WHERE entity_key IS NOT NULL GROUP BY entity_key "
        "ORDER BY count(*) DESC LIMIT 5")]
    assert participants
    for key in participants:
        expected = connection.execute(
            f"""SELECT DISTINCT ev.article_id, ev.seq, coalesce(ev.date, a.published) AS day FROM events ev
                JOIN event_participants p ON p.article_id = ev.article_id AND p.event_seq = ev.seq
                JOIN articles a ON a.id = ev.article_id WHERE p.entity_key = ? AND {queries.CANONICAL}
                ORDER BY day DESC, ev.article_id, ev.seq""", (key,)).fetchall()
        assert [(r["article_id"], r["seq"]) for r in queries.events(connection, entity_key=key, limit=500)] == [
            (r[0], r[1]) for r in expected]


def test_search_ranks_the_latest_matches(connection, monkeypatch):
    everything = queries.search(connection, "Paris", limit=500)
    assert len(everything) > 3 and all("[" in hit["snippet"] for hit in everything)
    monkeypatch.setattr(queries, "SEARCH_SCAN", 3)
    latest = queries.search(connection, "Paris", limit=500)
    newest = connection.execute(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH "
        "'\"Paris\"' ORDER BY articles_fts.rowid DESC LIMIT 3").fetchall()
    assert {hit["id"] for hit in latest} <= {row[0] for row in newest} and latest
