"""Opening a corpus: read-write with migrations, read-only for readers, and never someone else's file."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3

import pytest

from vigie.store import DATABASE_VERSION, NotACorpus, open_db, open_readonly
from vigie.store.queries import _like


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_applications_database_is_refused_untouched(tmp_path):
    foreign = tmp_path / "app.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE users (id INTEGER)")
    before = digest(foreign)
    for opener in (open_db, open_readonly):
        with pytest.raises(NotACorpus, match="not a Vigie corpus"):
            opener(foreign)
    assert digest(foreign) == before and not (tmp_path / "app.db-wal").exists()


@pytest.mark.parametrize("content", [b"just some text\n" * 10, b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(NotACorpus):
        open_readonly(path)
    assert path.read_bytes() == content


def test_readonly_never_creates_nor_migrates(tmp_path):
    with pytest.raises(NotACorpus, match="no corpus"):
        open_readonly(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotACorpus):
        open_readonly(empty)
    assert empty.stat().st_size == 0


def test_readonly_reads_a_corpus_on_a_readonly_file(tmp_path):
    path = tmp_path / "c.db"
    open_db(path).close()
    path.chmod(0o444)
    try:
        connection = open_readonly(path)
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("DELETE FROM articles")
    finally:
        path.chmod(0o644)


def _open_new(path: str) -> int:
    connection = open_db(path)
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.close()
    return version


def test_many_processes_opening_a_new_corpus_at_once(tmp_path):
    path = str(tmp_path / "race.db")
    with multiprocessing.get_context("spawn").Pool(6) as pool:
        versions = pool.map(_open_new, [path] * 12)
    assert versions == [DATABASE_VERSION] * 12


def test_migration_from_the_first_schema_keeps_the_rows(tmp_path):
    from vigie.store.schema import MIGRATIONS, _statements

    path = tmp_path / "v1.db"
    connection = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO articles (id, source_hash, content_hash, minhash, text, ingested_at, document, "
                       "published) VALUES ('a', 's', 'c', x'00', 't', 'now', '{}', '2025-03-02')")
    connection.execute("INSERT INTO entities (key, name, type) VALUES ('PER:x', 'X', 'PER')")
    for number, date in ((1, None), (2, "2025-02-27")):
        connection.execute("INSERT INTO events (article_id, type, text, date, start, end) "
                           "VALUES ('a', 'AID', ?, ?, 0, 1)", (f"event {number}", date))
    connection.execute("INSERT INTO quotes (article_id, text, direct, start, end) VALUES ('a', 'q', 1, 0, 1)")
    connection.execute("INSERT INTO mentions (article_id, entity_key, text, start, end) "
                       "VALUES ('a', 'PER:x', 't', 0, 1)")
    connection.execute("INSERT INTO event_participants (event_id, role, name, entity_key) "
                       "VALUES (2, 'actor', 'X', 'PER:x')")
    connection.execute("INSERT INTO counts (article_id, event_id, kind, value, qualifier, text, start, end) "
                       "VALUES ('a', 2, 'killed', 3, 'exact', 'trois', 0, 1)")
    connection.commit()
    connection.close()
    upgraded = open_db(path)
    assert [tuple(r) for r in upgraded.execute("SELECT seq, text FROM events ORDER BY seq")] == [
        (0, "event 1"), (1, "event 2")]
    assert tuple(upgraded.execute("SELECT event_seq, name FROM event_participants").fetchone()) == (1, "X")
    assert tuple(upgraded.execute("SELECT seq, event_seq, value FROM counts").fetchone()) == (0, 1, 3)
    # schema 5: the day each quote and event is sorted by, its own date else its article's
    assert [r[0] for r in upgraded.execute("SELECT day FROM events ORDER BY seq")] == ["2025-03-02", "2025-02-27"]
    assert upgraded.execute("SELECT day FROM event_participants").fetchone()[0] == "2025-02-27"
    assert upgraded.execute("SELECT published FROM quotes").fetchone()[0] == "2025-03-02"
    # schema 6: the entities each quote names
    assert [tuple(r) for r in upgraded.execute("SELECT * FROM quote_mentions")] == [("PER:x", "a", 0, "2025-03-02")]


def test_like_wildcards_typed_by_a_user_are_literal():
    assert _like("50%_x\\") == "50\\%\\_x\\\\"


def test_planner_statistics_are_refreshed_only_once_the_corpus_has_grown(tmp_path):
    from vigie.store.db import refresh_statistics

    connection = open_db(tmp_path / "c.db")

    def add(count: int, first: int) -> None:
        with connection:
            connection.executemany(
                "INSERT INTO articles (id, source_hash, content_hash, minhash, text, ingested_at, document) "
                "VALUES (?, ?, ?, x'00', 't', 'now', '{}')",
                [(f"a{i}", f"s{i}", f"c{i}") for i in range(first, first + count)])

    def recorded() -> int:
        return int(connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles'").fetchone()[0].split()[0])

    add(100, 0)
    refresh_statistics(connection)
    assert recorded() == 100
    add(10, 100)
    refresh_statistics(connection)
    assert recorded() == 100  # a tenth more: the statistics still hold
    add(40, 110)
    refresh_statistics(connection)
    assert recorded() == 150
