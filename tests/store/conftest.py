"""A corpus built once for the store tests: the dev gold articles and French TimeBank."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import GOLD
from vigie.corpus import ingest
from vigie.store import open_db


def gold_jsonl(folder: Path, out: Path) -> Path:
    """The articles of a gold folder as JSON lines with their publication dates (as evaluate.py builds them)."""
    lines = []
    for path in sorted(folder.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        lines.append(json.dumps({"id": path.stem, "text": path.with_suffix(".txt").read_text(encoding="utf-8"),
                                 "published": meta["published"]}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def corpus_inputs(tmp_path_factory) -> list[Path]:
    if not (GOLD / "dev").is_dir() or not (GOLD / "timebank").is_dir():
        pytest.skip(f"gold data not found at {GOLD}")
    folder = tmp_path_factory.mktemp("inputs")
    return [gold_jsonl(GOLD / "dev", folder / "dev.jsonl"), gold_jsonl(GOLD / "timebank", folder / "timebank.jsonl")]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, corpus_inputs, pipeline):
    """Path of a corpus with dev + timebank ingested, and the first run's summary."""
    db = tmp_path_factory.mktemp("corpus") / "vigie.db"
    summary = ingest([str(p) for p in corpus_inputs], db, pipeline=pipeline, progress=False)
    return db, summary


@pytest.fixture
def connection(corpus):
    db, _ = corpus
    connection = open_db(db)
    yield connection
    connection.close()
