"""Vigie's extraction against bare spaCy on the same texts, in one run.

Prints words per second for each and their ratio (Vigie / bare spaCy); the
ratio, not the absolute speed, is what to compare between runs and machines.

    python -m benchmarks.throughput [--texts DIR] [--repeat N] [--rounds N] [--workers N]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from benchmarks.figures import figure
from benchmarks.goldset import GOLD
from vigie.model import Source
from vigie.nlp import DEFAULT_MODEL, pipe_by_line
from vigie.pipeline import Pipeline, build_article
from vigie.readers.records import RawRecord
from vigie.runner import run_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = GOLD / "dev"


def load_texts(folder: Path, repeat: int) -> list[str]:
    """The .txt articles of a folder (or the bundled example), repeated."""
    files = sorted(folder.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files] * repeat


def best_rates(words: int, contenders: dict[str, Callable[[], object]], times: int) -> dict[str, float]:
    """The best words per second of each contender over ``times`` rounds, printed.

    Rounds alternate between the contenders, so a slow spell of the machine (a neighbour's load on a
    shared host lasts seconds to minutes) slows each of them rather than the one that happened to run in it;
    the best run is the one least disturbed.
    """
    seconds: dict[str, list[float]] = {label: [] for label in contenders}
    for _ in range(times):
        for label, run in contenders.items():
            start = time.perf_counter()
            run()
            seconds[label].append(time.perf_counter() - start)
    rates = {}
    for label, spent in seconds.items():
        rates[label] = words / min(spent)
        print(f"{label:28s} {min(spent):7.2f} s  {rates[label]:9.0f} words/s  (best of {times}: "
              f"{', '.join(f'{s:.1f}' for s in spent)} s)")
    return rates


def print_first_reading(bare: Language, pipeline: Pipeline, texts: list[str], rounds: int) -> None:
    """The ratio on words each pipeline meets for the first time, as in a stream of new articles.

    The repeated texts of the main figure are read with warm caches; spaCy's rule lemmatizer caches the
    lemma of each word it has seen, and its first reading of a word costs far more (Vigie indexes the
    lemmatizer's word lists, `vigie.nlp.index_lemma_lists`, bare spaCy scans them). Both caches are emptied
    before each reading.
    """
    records = [RawRecord(id=f"n{i}", source=Source(kind="txt"), text=t) for i, t in enumerate(texts)]
    bare_cache, vigie_cache = (lemmatizer.cache for nlp in (bare, pipeline.warm_up())
                               if isinstance(lemmatizer := nlp.get_pipe("lemmatizer"), Lemmatizer))

    def bare_reads() -> object:
        bare_cache.clear()
        return list(bare.pipe(texts, batch_size=16))

    def vigie_reads() -> object:
        vigie_cache.clear()
        return list(run_pipeline(records, pipeline, workers=1))

    words = sum(len(t.split()) for t in texts)
    rates = best_rates(words, {"bare spaCy, first reading": bare_reads, "vigie, first reading": vigie_reads}, rounds)
    ratio = rates["vigie, first reading"] / rates["bare spaCy, first reading"]
    print(f"ratio vigie / bare spaCy on words read for the first time: {ratio:.2f}")
    figure("extraction / bare spaCy, words/s, new text (lemma caches empty)", f"{ratio:.2f}×", "")


def print_stage_profile(pipeline: Pipeline, records: list[RawRecord]) -> None:
    """Where the time beyond spaCy's parse goes: each extraction stage's seconds over the same articles, and
    its share of the parse's."""
    articles = [build_article(record) for record in records]
    start = time.perf_counter()
    docs = list(pipe_by_line(pipeline.warm_up(), [a.text for a in articles]))
    parse = time.perf_counter() - start
    spent: dict[str, float] = {}
    for article, doc in zip(articles, docs, strict=True):
        for stage in pipeline.steps:
            start = time.perf_counter()
            stage.function(article, doc)
            spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - start
    print(f"profile: parse {parse:.2f} s; stages " + ", ".join(
        f"{name} {seconds:.2f} s ({seconds / parse:.0%})" for name, seconds in spent.items())
        + f"; all stages {sum(spent.values()) / parse:.0%} of the parse")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each contender; the best counts")
    parser.add_argument("--workers", type=int, default=2, help="also time this many worker processes")
    args = parser.parse_args()

    texts = load_texts(args.texts, args.repeat)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words, model {DEFAULT_MODEL}, workers {args.workers}")

    bare = spacy.load(DEFAULT_MODEL)
    pipeline = Pipeline()
    pipeline.warm_up()
    records = [RawRecord(id=f"t{i}", source=Source(kind="txt"), text=t) for i, t in enumerate(texts)]

    list(bare.pipe(texts[:4]))  # warm both up so neither pays first-call costs in its timing
    list(pipeline.process(records[:4]))
    rates = best_rates(words, {
        "bare spaCy nlp.pipe": lambda: list(bare.pipe(texts, batch_size=16)),
        "vigie extract": lambda: list(run_pipeline(records, pipeline, workers=1)),
    }, args.rounds)
    bare_rate, vigie_rate = rates["bare spaCy nlp.pipe"], rates["vigie extract"]
    print(f"ratio vigie / bare spaCy: {vigie_rate / bare_rate:.2f}")
    figure("extraction / bare spaCy, words/s", f"{vigie_rate / bare_rate:.2f}×", "≥ 0.85×")
    print_first_reading(bare, pipeline, load_texts(args.texts, 1), args.rounds)
    print_stage_profile(pipeline, records)
    if args.workers > 1:
        # the workers are forked from this process after its model is loaded (on Linux),
        # and they are started anew in each run: their start-up is in the timing
        label = f"vigie extract, {args.workers} workers"
        parallel = best_rates(words, {label: lambda: list(run_pipeline(records, pipeline, workers=args.workers))},
                              args.rounds)[label]
        print(f"ratio {args.workers} workers / 1: {parallel / vigie_rate:.2f}")
        figure(f"extraction, {args.workers} workers / 1", f"{parallel / vigie_rate:.2f}×",
               "≥ 1.7×" if args.workers == 2 else "")
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of one worker: {worker_mb:.0f} MB (pages shared with the parent included)")
        figure("peak memory of one worker", f"{worker_mb:.0f} MB", "")


if __name__ == "__main__":
    main()
