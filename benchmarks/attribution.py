"""How often each attribution rule names the right speaker: the measure behind ``Quote.confidence``.

Runs the pipeline over annotated articles and matches direct quotes to the gold ones as the project's
scorer does (``../shared/gold/score.py``: text similarity ≥ 0.6, speakers compared through the gold
entities' aliases). For each rule, and for speakers named near the quote or reached through a pronoun,
a role noun or the discourse, prints right / attributed; then, for each confidence the stage gave, how
often it was right (a calibrated confidence is close to that rate). The table in
``vigie.extract.quotes.RULE_CONFIDENCE`` comes from the tuning part of dev (dev-00 … dev-23).

    python -m benchmarks.attribution [--gold DIR ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.figures import figure
from benchmarks.goldset import GOLD, gold_records
from vigie.pipeline import Pipeline

HELD_OUT = "dev-24"  # dev articles from this name on are for measuring only


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tally(folder: Path, pipeline: Pipeline, part: str) -> tuple[dict[str, list[int]], dict[float, list[int]]]:
    """(rule, and rule @ confidence given → [right, attributed]; confidence → [right, attributed]) over a
    gold folder."""
    score = scorer()
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_confidence: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    records = [r for r in gold_records(folder)
               if part == "all" or (r.id < HELD_OUT) == (part == "tune")]
    for record, article in zip(records, pipeline.process(records), strict=True):
        gold = json.loads((folder / f"{record.id}.json").read_text(encoding="utf-8"))
        predicted: list[dict[str, Any]] = [q.model_dump() for q in getattr(article, "quotes", []) if q.direct]
        resolve = score.resolver(gold.get("entities", []))
        wanted = [q for q in gold.get("quotes", []) if q.get("direct", True)]
        for g, p in score.greedy(wanted, predicted, lambda a, b: score.text_sim(a["text"], b["text"]), 0.6):
            quote = predicted[p]
            if quote["speaker"] is None:
                continue
            right = int(score.same_speaker(wanted[g]["speaker"], quote["speaker"]["name"], resolve))
            for key in (quote["attribution"], f"{quote['attribution']} @ {quote['confidence']}", "(all)"):
                by_rule[key][0] += right
                by_rule[key][1] += 1
            by_confidence[quote["confidence"]][0] += right
            by_confidence[quote["confidence"]][1] += 1
    return by_rule, by_confidence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    pipeline = Pipeline()
    for folder, part in ((GOLD / "dev", "tune"), (GOLD / "dev", "held"), (GOLD / "real", "all")):
        by_rule, by_confidence = tally(folder, pipeline, part)
        print(f"\n{folder.name} ({part}): rule, right / attributed")
        for rule, (right, total) in sorted(by_rule.items(), key=lambda item: -item[1][1]):
            print(f"  {rule:15s} {right:4d} / {total:4d}  {right / total:.2f}")
        print("  confidence given → right rate: " + ", ".join(
            f"{c:.2f} → {r / n:.2f} (n={n})" for c, (r, n) in sorted(by_confidence.items())))
        right, total = by_rule["(all)"]
        if total:
            figure(f"speaker right when attributed, {folder.name} {part}", f"{right / total:.2f}")


if __name__ == "__main__":
    main()
