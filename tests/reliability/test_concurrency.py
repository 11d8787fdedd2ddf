"""Two ingests into one corpus at once both finish, and every article is stored once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_two_ingests_of_overlapping_inputs_at_once(tmp_path):
    lines = [json.dumps({"id": f"a{n}", "published": "2026-01-05",
                         "text": f"Titre {n}\nLe maire de la commune numéro {n} a inauguré lundi une école.\n"})
             for n in range(30)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[10:]) + "\n", encoding="utf-8")  # 10 records in common
    db = tmp_path / "shared.db"
    runs = [subprocess.Popen([sys.executable, "-m", "vigie.cli", "ingest", str(path), "--db", str(db),
                              "--batch-size", "3", "--no-progress"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for path in (first, second)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    for code, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 30
        assert connection.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == 30
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
