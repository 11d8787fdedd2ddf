"""Shared fixtures: paths to the gold data and fixtures, and one loaded pipeline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from benchmarks.goldset import GOLD  # the one gold locator, shared with the Makefile and the benchmarks
from vigie.corpus import ingest
from vigie.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def gold_dev() -> Path:
    path = GOLD / "dev"
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path} (set VIGIE_GOLD)")
    return path


def gold_articles() -> list[tuple[str, Path, dict[str, Any]]]:
    """(stem, text path, gold JSON) for every dev article, for parametrised golden tests."""
    folder = GOLD / "dev"
    if not folder.is_dir():
        return []
    return [(p.stem, p.with_suffix(".txt"), json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(folder.glob("*.json"))]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline with its model loaded once for the whole session."""
    pipe = Pipeline()
    pipe.warm_up()
    return pipe


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed-coalition-paris.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples_corpus(tmp_path_factory, pipeline) -> Path:
    """A corpus of the bundled example articles, built once; tests that write to it copy it first."""
    db = tmp_path_factory.mktemp("examples") / "vigie.db"
    ingest([str(ROOT / "examples" / "articles.jsonl")], db, pipeline=pipeline, progress=False)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file, so a copy is complete
    connection.close()
    return db
