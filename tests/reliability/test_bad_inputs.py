"""Bad records and hostile conditions, generated here: each is one clear error line, no traceback,
and every good record is still there, with the exit status the README documents."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from vigie.cli import main, output_name

pytestmark = pytest.mark.slow

GOOD = "Titre de l'article numéro {n}\nLe maire de Lyon a inauguré lundi la nouvelle ligne de tramway numéro {n}.\n"


def good_lines(count: int) -> list[str]:
    return [json.dumps({"id": f"good-{n}", "text": GOOD.format(n=n), "published": "2026-01-05"}) for n in range(count)]


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def test_bad_json_lines_are_reported_and_the_good_ones_stored(tmp_path):
    lines = good_lines(5)
    lines.insert(2, '{"id": "surrogate", "text": "\\ud800 un texte"}')
    lines.insert(4, "[" * 100_000 + "]" * 100_000)
    lines.insert(5, '{"id": "cut", "text": "Unterminated')
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", str(source), "--db", str(db), "--no-progress")
    assert result.exit_code == 3
    assert "lone surrogate" in result.output and "nested too deeply" in result.output
    assert "Unterminated string starting at column 23" in result.output and "at at" not in result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    out = tmp_path / "out"
    assert run("extract", str(source), "--out", str(out), "--no-progress").exit_code == 3
    assert len(list(out.glob("*.json"))) == 5


def test_long_ids_and_unsafe_targets_never_lose_records(tmp_path):
    long_id = "x" * 400
    records = [{"id": long_id, "text": GOOD.format(n=1)}, {"id": "blocked", "text": GOOD.format(n=2)},
               {"id": "linked", "text": GOOD.format(n=3)}, {"id": "after", "text": GOOD.format(n=4)}]
    source = tmp_path / "r.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "blocked.json").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("keep")
    (out / "linked.json").symlink_to(secret)
    result = run("extract", str(source), "--out", str(out), "--no-progress", "--published", "2026-01-05")
    assert result.exit_code == 3 and result.output.count("is not a regular file") == 2
    assert secret.read_text() == "keep"
    written = json.loads((out / f"{output_name(long_id)}.json").read_text(encoding="utf-8"))
    assert written["id"] == long_id and len(output_name(long_id).encode()) <= 120
    assert (out / "after.json").is_file()


def test_a_huge_single_line_is_cut_not_a_crash(tmp_path):
    sentence = "Le conseil municipal a voté le budget de la ville après un long débat. "
    source = tmp_path / "huge.txt"
    source.write_text("Titre\n" + sentence * 1_500 + "\n", encoding="utf-8")  # one 105,000-character line
    result = run("extract", str(source), "--max-bytes", "5000000", "--format", "summary", "--published",
                 "2026-01-05")
    assert result.exit_code == 0, result.output


def _warc(pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(pages):
        html = (f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
                f"<p>{GOOD.format(n=n)} Une phrase de plus pour que le texte soit assez long.</p>"
                "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    return buffer.getvalue()


def test_a_truncated_or_malformed_warc_is_a_failure_of_that_file(tmp_path):
    data = _warc(6)
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(data[:-50])  # cut inside the last record: never on a record boundary
    result = run("ingest", str(truncated), "--db", str(tmp_path / "c.db"), "--no-progress")
    assert result.exit_code == 3 and "truncated or damaged WARC" in result.output
    malformed = tmp_path / "bad.warc"
    malformed.write_text("this is not a warc file\n" * 20)
    result = run("ingest", str(malformed), "--db", str(tmp_path / "d.db"), "--no-progress")
    assert result.exit_code == 1 and "not a readable WARC file" in result.output


def test_latin1_pages_with_or_without_a_declared_charset(tmp_path):
    body = ("<p>Le préfet a annoncé mercredi la fermeture des écoles à Besançon après les "
            "intempéries qui ont frappé la région.</p>")
    declared = tmp_path / "declared.html"
    declared.write_bytes(f'<html><head><meta charset="iso-8859-1"><title>Écoles fermées</title></head>'
                         f"<body><article><h1>Écoles fermées</h1>{body * 3}</article></body></html>".encode("latin-1"))
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(f"<html><head><title>Écoles fermées</title></head><body><article><h1>Écoles "
                           f"fermées</h1>{body * 3}</article></body></html>".encode("cp1252"))
    out = tmp_path / "out"
    result = run("extract", str(declared), str(undeclared), "--out", str(out), "--no-progress",
                 "--published", "2026-01-05")
    assert result.exit_code == 0, result.output
    for name in ("declared", "undeclared"):
        assert "préfet" in json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["text"]


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    outside = tmp_path / "passwd.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n" * 3)
    (tree / "passwd.txt").symlink_to(outside)
    db = tmp_path / "c.db"
    result = run("ingest", str(tree), "--db", str(db), "--no-progress", "--published", "2026-01-05")
    assert result.exit_code == 3 and "outside" in result.output and "--follow-symlinks" in result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


@pytest.mark.parametrize("value", ["2025-01-01garbage", "20250101", "2025-01-01T99:99", "2025-02-30"])
def test_bad_publication_dates_are_refused(value):
    result = run("extract", "-", "--published", value)
    assert result.exit_code == 2 and "not an ISO date" in result.output


def test_database_problems_are_one_line(tmp_path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database\n" * 100)
    source = tmp_path / "a.txt"
    source.write_text(GOOD.format(n=1), encoding="utf-8")
    for args in (["ingest", str(source), "--db", str(text_file)], ["entities", "--db", str(text_file)]):
        result = run(*args, "--no-progress") if args[0] == "ingest" else run(*args)
        assert result.exit_code == 1 and "not a Vigie corpus" in result.output
    db = tmp_path / "c.db"
    run("ingest", str(source), "--db", str(db), "--no-progress", "--published", "2026-01-05")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(db.read_bytes()[:3000])
    result = run("entities", "--db", str(truncated))
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = run("export", "--db", str(db), "--out", str(blocker / "sub"))
    assert result.exit_code == 1 and "Error:" in result.output
    result = run("entities", "--db", str(db), "--top", "99999999999999999999")
    assert result.exit_code == 2 and "--top" in result.output


def test_a_record_over_its_time_budget_fails_alone(tmp_path):
    source = tmp_path / "r.jsonl"
    source.write_text("\n".join(good_lines(2)) + "\n", encoding="utf-8")
    result = run("extract", str(source), "--record-timeout", "0.000001", "--no-progress")
    assert result.exit_code == 1 and result.output.count("took longer than") == 2


def test_a_page_nested_deeper_than_the_parser_limit_keeps_its_text(tmp_path):
    body = ("<p>Le préfet a annoncé mercredi la fermeture des écoles à Besançon après les intempéries qui ont "
            "frappé la région.</p>") * 3
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Écoles fermées</title></head><body>" + "<div>" * 300
                    + f"<article><h1>Écoles fermées</h1>{body}</article>" + "</div>" * 300 + "</body></html>",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", str(page), "--out", str(out), "--no-progress", "--published", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert "préfet" in json.loads((out / "deep.json").read_text(encoding="utf-8"))["text"]
