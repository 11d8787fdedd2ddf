"""Time and memory against article size: one article of 10 KB, 100 KB and 1 MB, made by joining the
dev articles' bodies, analysed in one run.

Prints seconds per 10 KB for each size (parse and stages apart) and the ratio of the largest to the
smallest: a linear pipeline keeps it near 1 (goal: at most 1.5), and the process's peak memory
(goal: under 1 GB).

    python -m benchmarks.scaling [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import resource
import time

from benchmarks.figures import figure
from benchmarks.goldset import GOLD
from vigie.model import Source
from vigie.nlp import pipe_by_line
from vigie.pipeline import Pipeline, build_article
from vigie.readers.records import RawRecord


def article_of_size(size: int) -> str:
    """A headline and as many dev article bodies (repeated) as make ``size`` characters, cut at a paragraph."""
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted((GOLD / "dev").glob("*.txt"))]
    text = "Un très long article\n"
    while len(text) < size:
        for body in bodies:
            text += body if body.endswith("\n") else body + "\n"
            if len(text) >= size:
                break
    cut = text.rfind("\n", 0, size)
    return text[: cut + 1 if cut > size // 2 else size]


def measure(pipeline: Pipeline, text: str) -> tuple[float, float]:
    """Seconds of parsing and of the extraction stages for one article."""
    article = build_article(RawRecord(id="scaling", source=Source(kind="txt"), text=text, published="2026-01-05"))
    start = time.perf_counter()
    doc = next(pipe_by_line(pipeline.warm_up(), [article.text]))
    parsed = time.perf_counter()
    pipeline.enrich(article, doc)
    return parsed - start, time.perf_counter() - parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="article sizes in characters")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pipeline = Pipeline(record_timeout=None)
    pipeline.warm_up()
    measure(pipeline, article_of_size(5_000))  # warm caches once
    per_10kb = []
    print(f"{'size':>10s} {'parse s':>9s} {'stages s':>9s} {'s / 10 KB':>10s}")
    for size in sizes:
        text = article_of_size(size)
        parse, stages = measure(pipeline, text)
        per_10kb.append((parse + stages) / (len(text) / 10_000))
        print(f"{len(text):10d} {parse:9.2f} {stages:9.2f} {per_10kb[-1]:10.3f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"largest / smallest seconds per 10 KB: {per_10kb[-1] / per_10kb[0]:.2f} (goal <= 1.5)")
    print(f"peak memory of the process: {peak_mb:.0f} MB (goal < 1024)")
    figure("seconds per 10 KB, largest / smallest text", f"{per_10kb[-1] / per_10kb[0]:.2f}", "≤ 1.5")
    figure("peak memory, one process", f"{peak_mb:.0f} MB", "< 1024 MB")


if __name__ == "__main__":
    main()
