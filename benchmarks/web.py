"""Web UI speed: how long the server takes to render each page on a corpus of 10,000 articles.

The dev and TimeBank articles are ingested, then copied under new ids and dates (through the store's
own projection, as ``benchmarks.corpus`` does) up to ``--articles``; every page is rendered in process
through the ASGI client (routing, queries, templates, highlighting; no network), and the median and
slowest of its runs are reported. Goal: article page and entity profile < 300 ms.

    python -m benchmarks.web [--articles N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from benchmarks.corpus import grow, write_inputs
from benchmarks.figures import figure
from vigie.api import create_app
from vigie.corpus import ingest
from vigie.pipeline import Pipeline
from vigie.store import open_db
from vigie.store.db import refresh_statistics


def timed(client: TestClient, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="renderings of each page")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vigie-bench-web-"))
    records, _texts = write_inputs(folder)
    db = folder / "corpus.db"
    ingest([str(records)], db, pipeline=Pipeline(), progress=False)
    connection = open_db(db)
    grow(connection, args.articles)
    refresh_statistics(connection)  # as an ingest leaves it
    articles = [r[0] for r in connection.execute(
        "SELECT id FROM articles WHERE canonical_id IS NULL ORDER BY random() LIMIT 20")]
    entities = {kind: [r[0] for r in connection.execute(
        "SELECT key FROM entities WHERE type = ? ORDER BY mention_count DESC LIMIT 5", (kind,))]
        for kind in ("PER", "ORG", "LOC")}
    total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    connection.close()

    pages = {
        "article page (20 articles)": [f"/article/{quote(a, safe='')}" for a in articles],
        "entity profile, people (top 5)": [f"/entite/{quote(k, safe='')}" for k in entities["PER"]],
        "entity profile, organisations (top 5)": [f"/entite/{quote(k, safe='')}" for k in entities["ORG"]],
        "entity profile, places with map (top 5)": [f"/entite/{quote(k, safe='')}" for k in entities["LOC"]],
        "home": ["/"],
        "quotes by speaker": ["/citations?locuteur=Macron"],
        "events with map": ["/evenements", "/evenements?categorie=ASSAULT"],
    }
    print(f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}; {total} articles; server-side rendering, {args.runs} runs of each page")
    with TestClient(create_app(db, load_model=False)) as client:
        for paths in pages.values():  # once, so that caches (map outlines, SQLite pages) are as in use
            for path in paths:
                timed(client, path)
        for label, paths in pages.items():
            timings = [timed(client, path) for _ in range(args.runs) for path in paths]
            goal = "  (goal < 300 ms)" if label.startswith(("article", "entity")) else ""
            print(f"  {label:42s} median {statistics.median(timings):6.1f} ms, slowest {max(timings):6.1f} ms{goal}")
            if goal:
                figure(f"web: {label}, {total} articles", f"{statistics.median(timings):.0f} ms median",
                       "< 300 ms")


if __name__ == "__main__":
    main()
