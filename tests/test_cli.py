"""The `vigie` command as users call it."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vigie.cli import main

pytestmark = pytest.mark.slow
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs/schema/article.json").read_text())
FORMAT_KEYS = {"id", "lang", "published", "title", "caption", "credit",
               "entities", "quotes", "dates", "events", "counts"}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def seed_file(tmp_path, seed_text):
    path = tmp_path / "seed-coalition-paris.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def test_one_article_prints_its_document(runner, seed_file):
    result = runner.invoke(main, ["extract", str(seed_file), "--published", "2026-01-05"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document.keys() >= FORMAT_KEYS
    assert document["id"] == "seed-coalition-paris"
    assert document["caption"].endswith("le 29 septembre 2025.")
    jsonschema.validate(document, SCHEMA)


def test_summary_format_shows_headline_caption_and_credit(runner, seed_file):
    result = runner.invoke(main, ["extract", str(seed_file), "--format", "summary"])
    assert result.exit_code == 0
    assert "Headline  Guerre en Ukraine" in result.stdout
    assert "Credit    STRINGER / ANADOLU / Anadolu via AFP" in result.stdout


def test_batch_with_bad_records_writes_the_good_ones_and_exits_3(runner, tmp_path, seed_file):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "one", "text": "Titre un\nPremier texte.", "published": "2025-05-17"}) + "\n"
        + '{"id": "broken", \n'
        + json.dumps({"id": "two", "text": "Titre deux\nSecond texte."}) + "\n",
        encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    result = runner.invoke(main, ["extract", str(batch), str(empty), str(seed_file), "--out", str(out)])
    assert result.exit_code == 3
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "seed-coalition-paris.json", "two.json"]
    assert "batch.jsonl:2: malformed JSON" in result.stderr
    assert "empty.txt: empty input" in result.stderr
    assert "extracted 3 article(s), 2 failed" in result.stderr
    assert json.loads((out / "one.json").read_text())["published"] == "2025-05-17"


def test_when_nothing_succeeds_the_exit_status_is_1(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01garbage\x00\x00")
    result = runner.invoke(main, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr


def test_several_articles_without_out_print_json_lines(runner, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": f"Titre {i}\nTexte."}) + "\n" for i in "xyz"))
    result = runner.invoke(main, ["extract", str(batch)])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["x", "y", "z"]


def test_stdin(runner):
    result = runner.invoke(main, ["extract", "-", "--published", "2025-01-01"],
                           input="Un titre\nUn paragraphe de texte.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Un titre"


def test_bad_published_option_is_a_usage_error(runner, seed_file):
    result = runner.invoke(main, ["extract", str(seed_file), "--published", "mardi"])
    assert result.exit_code == 2
    assert "not an ISO date" in result.output


def test_duplicate_ids_are_not_overwritten(runner, tmp_path):
    batch = tmp_path / "d.jsonl"
    batch.write_text("".join(json.dumps({"id": "same", "text": f"T{i}\nTexte."}) + "\n" for i in range(2)))
    out = tmp_path / "out"
    result = runner.invoke(main, ["extract", str(batch), "--out", str(out)])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["same-2.json", "same.json"]


def test_worker_processes_give_the_same_documents(tmp_path, seed_text):
    batch = tmp_path / "w.jsonl"
    texts = [seed_text] + [f"Titre {i}\nParagraphe numéro {i}." for i in range(5)]
    batch.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        run = subprocess.run([sys.executable, "-m", "vigie.cli", "extract", str(batch), "--out", str(out),
                              "--workers", workers, "--no-progress"], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outputs.append({p.name: p.read_text() for p in out.iterdir()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 6


def test_every_command_has_help(runner):
    for command in main.commands:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and main.commands[command].help
