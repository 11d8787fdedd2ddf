"""The one projection Article → rows: it covers the schema, and the store and exporter agree with it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from vigie.pipeline import extract_text
from vigie.store import open_db
from vigie.store.export import export
from vigie.store.rows import COLUMNS, INTERNAL, OTHER_TABLES, STORE_ASSIGNED, article_rows, exported_columns
from vigie.store.writer import store_article

TEXT = ("Frappes russes sur Kiev : le maire dénonce « une attaque barbare »\n"
        "Dans la nuit de lundi à mardi, l'armée russe a frappé Kiev, tuant trois personnes, a annoncé le maire "
        "Vitali Klitschko. « C'est une attaque barbare contre des civils », a-t-il déclaré mardi.\n")


def schema_columns(connection: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in connection.execute(f"PRAGMA table_info({table})"))


def test_projection_covers_every_column_of_every_table(tmp_path):
    connection = open_db(tmp_path / "c.db")
    user_tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'sqlite_%'")}
    assert user_tables - set(OTHER_TABLES) == set(COLUMNS)
    for table, columns in COLUMNS.items():
        assert schema_columns(connection, table) == columns, table


@pytest.fixture(scope="module")
def article(pipeline):
    return extract_text(TEXT, published="2026-01-06", article_id="kiev", pipeline=pipeline)


def test_rows_are_a_pure_function_of_the_document(article):
    rows = article_rows(article)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert tuple(row) == COLUMNS[table], table
    assert rows == article_rows(type(article).from_dict(json.loads(article.to_json())))
    assert rows["events"] and rows["quotes"] and rows["counts"]
    assert [r["seq"] for r in rows["quotes"]] == list(range(len(article.quotes)))


@pytest.mark.slow
def test_an_article_round_trips_through_the_store_and_the_exporter(article, tmp_path):
    connection = open_db(tmp_path / "c.db")
    with connection:
        stored, canonical = store_article(connection, article)
    assert stored == "kiev" and canonical is None
    out = tmp_path / "export"
    export(connection, out, "jsonl")
    projected = article_rows(article)
    for table in COLUMNS:
        exported = [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert list(exported[0]) == list(exported_columns(table)) if exported else True
        skip = set(STORE_ASSIGNED.get(table, ())) | set(INTERNAL.get(table, ()))
        expected = [{k: v for k, v in row.items() if k not in skip} for row in projected[table]]
        got = [{k: v for k, v in row.items() if k not in skip} for row in exported]
        if table == "entities":  # one article: the corpus totals are this article's own
            expected = sorted(expected, key=lambda r: r["key"])
            got = sorted(got, key=lambda r: r["key"])
        assert got == expected, table
    document = connection.execute("SELECT document FROM articles").fetchone()[0]
    assert json.loads(document) == article.to_dict()
