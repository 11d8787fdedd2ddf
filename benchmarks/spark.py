"""Spark overhead: `vigie spark extract --master local[2]` against `vigie extract --workers 2` on the same
articles in the same run, and Spark's scaling from local[1] to local[2].

The dev and TimeBank articles are written as one JSON-lines file, repeated under new ids up to
each size of ``--articles`` (default 240 and 960); each command runs as a user runs it (a fresh process:
model loading and, for Spark, the JVM start included), and articles/s is articles over wall time, so the
larger size shows what Spark's fixed costs (JVM, one write job per table) weigh once amortised; the rate
per additional article between the two sizes is the throughput an archive sees.

    python -m benchmarks.spark [--articles N [N ...]]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import figure
from benchmarks.goldset import GOLD, gold_records

VIGIE = [sys.executable, "-m", "vigie.cli"]


def write_articles(folder: Path, count: int) -> Path:
    records = gold_records(GOLD / "dev") + gold_records(GOLD / "timebank")
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            record = records[number % len(records)]
            handle.write(json.dumps({"id": f"{record.id}~{number}", "text": record.text,
                                     "published": record.published}, ensure_ascii=False) + "\n")
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[240, 960])
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          "wall time of each command, model loading and JVM start included")
    runs = {n: measure(n) for n in sorted(set(args.articles))}
    if len(runs) > 1:  # per additional article: what the fixed costs (JVM start, model load, writes) hide
        (small, first), (large, last) = min(runs.items()), max(runs.items())
        extra = large - small
        rates = {name: extra / (last[name] - first[name]) for name in first}
        print(f"per additional article ({small} → {large}): vigie extract --workers 2 {rates['local']:.2f}/s, "
              f"spark local[1] {rates['spark1']:.2f}/s, local[2] {rates['spark2']:.2f}/s")
        figure("spark local[2] / extract --workers 2, per additional article",
               f"{rates['spark2'] / rates['local']:.2f}×", "≥ 0.8×")
        figure("spark local[2] / local[1], per additional article", f"{rates['spark2'] / rates['spark1']:.2f}×")


def measure(n: int) -> dict[str, float]:
    """Wall seconds of each command on ``n`` articles."""
    folder = Path(tempfile.mkdtemp(prefix="vigie-bench-spark-"))
    source = write_articles(folder, n)
    print(f"{n} articles:")
    local = timed([*VIGIE, "extract", str(source), "--workers", "2", "--out", str(folder / "local"),
                   "--no-progress"])
    spark = {cores: timed([*VIGIE, "spark", "extract", str(source), "--out", str(folder / f"spark{cores}"),
                           "--master", f"local[{cores}]"]) for cores in (1, 2)}
    print(f"  vigie extract --workers 2            {n / local:6.2f} articles/s ({local:.0f} s)")
    for cores, seconds in spark.items():
        print(f"  vigie spark extract --master local[{cores}] {n / seconds:6.2f} articles/s ({seconds:.0f} s)")
    print(f"  Spark local[2] / local runner: {local / spark[2]:.2f}× (goal ≥ 0.8×); "
          f"Spark local[2] / local[1]: {spark[1] / spark[2]:.2f}×")
    figure(f"spark local[2] / extract --workers 2, {n} articles", f"{local / spark[2]:.2f}×", "≥ 0.8×")
    figure(f"spark local[2] / local[1], {n} articles", f"{spark[1] / spark[2]:.2f}×")
    return {"local": local, "spark1": spark[1], "spark2": spark[2]}


if __name__ == "__main__":
    main()
