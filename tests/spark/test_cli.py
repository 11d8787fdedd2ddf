"""`vigie spark extract` and `vigie spark stats` from the command line: summary lines, exit status, one-line
errors, and a run that `vigie ingest` loads."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vigie.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.spark]


def test_extract_then_stats_then_ingest(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "published": "2026-02-03", "text": (
        "Manifestation à Rennes\n\nPlusieurs milliers de personnes ont manifesté samedi à Rennes. "
        "« Nous ne céderons pas », a déclaré Sophie Binet, secrétaire générale de la CGT.")}) + "\n{oops\n",
        encoding="utf-8")
    runner = CliRunner()
    run = tmp_path / "run"
    result = runner.invoke(main, ["spark", "extract", str(source), "--out", str(run), "--master", "local[1]"])
    assert result.exit_code == 3, result.output  # one record failed, one was analysed
    assert "run written to" in result.output and "1 articles, 1 failed records" in result.output
    stats = runner.invoke(main, ["spark", "stats", str(run), "--out", str(tmp_path / "stats")])
    assert stats.exit_code == 0 and "articles_per_day: 1 rows" in stats.output
    ingested = runner.invoke(main, ["ingest", str(run), "--db", str(tmp_path / "v.db")])
    assert ingested.exit_code == 0 and "ingested 1 article(s)" in ingested.output
    quotes = runner.invoke(main, ["quotes", "--db", str(tmp_path / "v.db"), "--json"])
    assert "Sophie Binet" in quotes.output


def test_errors_are_one_line(tmp_path):
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["spark", "extract", str(tmp_path), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("Error:")
