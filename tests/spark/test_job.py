"""`vigie spark extract` in local mode: the same rows as `vigie extract` + `vigie export`, bad records in
`errors` and a job that succeeds, reruns that replace, Parquet → `vigie ingest` → the same corpus."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT
from vigie.corpus import ingest
from vigie.spark.job import MARKER, SparkJobError, extract, session
from vigie.spark.stats import stats
from vigie.store import open_readonly, queries
from vigie.store.export import export
from vigie.store.rows import COLUMNS, STORE_ASSIGNED

pytestmark = [pytest.mark.slow, pytest.mark.spark]
BAD_LINES = ['{"id": "vide", "text": ""}', "ceci n'est pas du JSON",
             '{"id": "binaire", "text": "\\u0000\\u0001\\u0002"}']


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.fail("no Java runtime: `make test` installs one (Debian package openjdk-17-jre-headless)")
    spark_session = session("local[2]", app_name="vigie-tests")
    yield spark_session
    spark_session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("spark-in")
    shutil.copy(ROOT / "examples" / "articles.jsonl", folder / "articles.jsonl")
    (folder / "bad.jsonl").write_text("\n".join(BAD_LINES) + "\n", encoding="utf-8")
    (folder / "_SUCCESS").write_text("", encoding="utf-8")  # Spark's own markers are not input
    return folder


@pytest.fixture(scope="module")
def run(spark, inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark-out") / "run"
    summary = extract(spark, [str(inputs)], str(out), partitions=3)
    assert summary.articles == 13 and summary.errors == 3
    return out


def table(run: Path, name: str) -> list[dict]:
    return ds.dataset(run / name, format="parquet", partitioning="hive").to_table().to_pylist()


def _comparable(rows: list[dict], skip: set[str]) -> list[str]:
    return sorted(json.dumps({k: v for k, v in r.items() if k not in skip}, sort_keys=True, default=str) for r in rows)


def test_each_table_has_the_rows_of_extract_and_export(run, examples_corpus, tmp_path):
    export(open_readonly(examples_corpus), tmp_path, "parquet")
    for name in COLUMNS:
        local = ds.dataset(tmp_path / f"{name}.parquet").to_table().to_pylist()
        spark_rows = table(run, name)
        skip = {"month", "document", "source_path", *STORE_ASSIGNED.get(name, ())}  # a run names the URI it read
        assert _comparable(spark_rows, skip) == _comparable(local, skip), name


def test_per_article_tables_are_partitioned_by_month(run):
    articles = table(run, "articles")
    assert {a["month"] for a in articles} == {a["published"][:7] for a in articles}
    quotes = table(run, "quotes")
    month_of = {a["id"]: a["month"] for a in articles}
    assert all(q["month"] == month_of[q["article_id"]] for q in quotes)
    assert json.loads((run / MARKER).read_text())["tables"]["articles"] == 13


def test_bad_records_are_rows_of_errors_and_the_job_succeeds(run):
    errors = table(run, "errors")
    assert len(errors) == 3
    reasons = " | ".join(e["reason"] for e in errors)
    assert "malformed JSON" in reasons and "bad.jsonl" in " ".join(e["record"] for e in errors)


def test_a_rerun_replaces_the_previous_run(spark, inputs, run):
    before = sorted(a["id"] for a in table(run, "articles"))
    extract(spark, [str(inputs)], str(run), partitions=2)
    assert sorted(a["id"] for a in table(run, "articles")) == before
    mentions = table(run, "mentions")
    assert len(mentions) == len({(m["article_id"], m["start"], m["end"]) for m in mentions})
    assert not [p for p in run.parent.iterdir() if p.name.startswith(".run.")]  # no staging left behind


def test_a_folder_that_is_not_a_run_is_never_overwritten(spark, inputs, tmp_path):
    (tmp_path / "precious.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(SparkJobError, match="not the output of a Vigie run"):
        extract(spark, [str(inputs)], str(tmp_path))
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "à garder"
    with pytest.raises(SparkJobError, match="no such file"):
        extract(spark, [str(tmp_path / "absent")], str(tmp_path / "out"))


def test_a_run_ingested_answers_as_a_direct_ingest(run, examples_corpus, tmp_path):
    db = tmp_path / "from-spark.db"
    summary = ingest([str(run)], db, progress=False)  # no pipeline given: it must not be needed
    assert summary.ingested == 13 and not summary.failed
    direct, loaded = open_readonly(examples_corpus), open_readonly(db)
    assert queries.corpus_stats(loaded) == queries.corpus_stats(direct)
    assert queries.top_entities(loaded, top=30) == queries.top_entities(direct, top=30)
    assert queries.entity_profile(loaded, "Macron") == queries.entity_profile(direct, "Macron")
    assert queries.quotes(loaded, limit=500) == queries.quotes(direct, limit=500)
    assert queries.events(loaded, place="Paris") == queries.events(direct, place="Paris")
    for name in ("entity_days", "co_mentions"):
        sql = f"SELECT * FROM {name} ORDER BY 1, 2"
        assert loaded.execute(sql).fetchall() == direct.execute(sql).fetchall()


def test_stats_aggregate_a_run(spark, run, tmp_path, examples_corpus):
    written = stats(spark, str(run), str(tmp_path / "stats"))
    per_day = table(tmp_path / "stats", "articles_per_day")
    assert written["articles_per_day"] == len(per_day) and sum(d["articles"] for d in per_day) == 13
    top = [t for t in table(tmp_path / "stats", "top_entities_per_month") if t["rank"] == 1]
    assert len(top) == len({d["month"] for d in per_day})
    categories = table(tmp_path / "stats", "events_per_category_country")
    direct = sqlite3.connect(examples_corpus).execute("SELECT count(*) FROM events").fetchone()[0]
    assert sum(c["events"] for c in categories) == direct
    with pytest.raises(SparkJobError, match="not the output"):
        stats(spark, str(tmp_path), str(tmp_path / "x"))
