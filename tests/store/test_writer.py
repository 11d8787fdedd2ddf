"""The writer: a batch's corpus totals, summed in memory and flushed once, equal those written one article
at a time, whatever the order."""

from __future__ import annotations

import sqlite3

import pytest

from vigie.pipeline import extract_text
from vigie.store import open_db
from vigie.store.writer import CorpusTotals, store_article

TEXTS = [
    ("kiev-1", "2026-01-06", "Frappes sur Kiev\nL'armée russe a frappé Kiev, tuant trois personnes, a annoncé le maire "
                             "Vitali Klitschko.\n"),
    ("kiev-2", "2026-01-07", "Nouvelle nuit d'alerte à Kiev\nKlitschko a appelé les habitants de Kiev à rester dans "
                             "les abris, a rapporté l'agence Reuters.\n"),
    ("kiev-3", "2026-01-07", "Zelensky à Paris\nVolodymyr Zelensky a rencontré Emmanuel Macron à Paris après les "
                             "frappes sur Kiev.\n"),
]
TABLES = ("entities", "entity_aliases", "entity_days", "co_mentions")


@pytest.fixture(scope="module")
def articles(pipeline):
    return [extract_text(text, published=day, article_id=name, pipeline=pipeline) for name, day, text in TEXTS]


def corpus_tables(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {table: sorted(tuple(row) for row in connection.execute(f"SELECT * FROM {table}")) for table in TABLES}


def test_a_batch_flushed_once_equals_articles_written_one_by_one(articles, tmp_path):
    one_by_one = open_db(tmp_path / "single.db")
    for article in articles:
        with one_by_one:
            store_article(one_by_one, article)
    batched = open_db(tmp_path / "batch.db")
    totals = CorpusTotals()
    with batched:
        for article in reversed(articles):
            store_article(batched, article, totals)
        totals.flush(batched)
    expected = corpus_tables(one_by_one)
    assert expected["co_mentions"] and any(row[3] == 2 for row in expected["entity_days"])
    assert corpus_tables(batched) == expected
    kiev = batched.execute("SELECT article_count, first_seen, last_seen FROM entities WHERE name = 'Kiev'").fetchone()
    assert tuple(kiev) == (3, "2026-01-06", "2026-01-07")


def test_a_flushed_batch_starts_again_from_nothing(articles, tmp_path):
    connection = open_db(tmp_path / "c.db")
    totals = CorpusTotals()
    with connection:
        store_article(connection, articles[0], totals)
        totals.flush(connection)
        totals.flush(connection)  # nothing is added twice
    kiev = connection.execute("SELECT key, mention_count, article_count FROM entities WHERE name = 'Kiev'").fetchone()
    mentions = connection.execute("SELECT count(*) FROM mentions WHERE entity_key = ?", (kiev["key"],)).fetchone()[0]
    assert (kiev["mention_count"], kiev["article_count"]) == (mentions, 1)
