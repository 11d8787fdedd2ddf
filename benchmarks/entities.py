"""Vigie's entities against raw spaCy NER on the gold dev set, scored in one run.

Both are scored by the project's referee (../shared/gold/score.py): raw spaCy
is fr_core_news_md's doc.ents as they come (PER, ORG, LOC kept; identical
strings grouped), Vigie is the full entity stage.

    python benchmarks/entities.py [--gold DIR]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.figures import figure
from benchmarks.goldset import GOLD, gold_records, score_predictions
from vigie.model import Article
from vigie.nlp import load_nlp
from vigie.pipeline import Pipeline

DEFAULT_GOLD = GOLD / "dev"


def raw_spacy_entities(text: str) -> list[dict[str, Any]]:
    """Bare NER output in the gold shape: one entity per distinct (string, label)."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in load_nlp()(text).ents:
        if ent.label_ in ("PER", "ORG", "LOC"):
            grouped.setdefault((ent.text, ent.label_), {"name": ent.text, "type": ent.label_, "mentions": [ent.text]})
    return list(grouped.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    records = gold_records(args.gold)
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        for system in ("raw spaCy md", "vigie"):
            out = Path(tmp) / system.replace(" ", "_")
            out.mkdir()
            if system == "vigie":
                found = {a.id: a.to_dict()["entities"] for a in pipeline.process(records) if isinstance(a, Article)}
            else:
                found = {r.id: raw_spacy_entities(r.text or "") for r in records}
            for record_id, entities in found.items():
                (out / f"{record_id}.json").write_text(json.dumps({"entities": entities}), encoding="utf-8")
            measures = score_predictions(args.gold, out, "entities")
            print(f"{system:14s} entities F1 {measures['entities']['f1']:.3f}   "
                  f"typed F1 {measures['entities.typed']['f1']:.3f}")
            figure(f"{system}: entities F1 / typed", f"{measures['entities']['f1']:.3f} / "
                   f"{measures['entities.typed']['f1']:.3f}")

if __name__ == "__main__":
    main()
