"""Vigie's entities against raw spaCy NER on the gold dev set, scored in one run.

Both are scored by the project's referee (../shared/gold/score.py): raw spaCy
is fr_core_news_md's doc.ents as they come (PER, ORG, LOC kept; identical
strings grouped), Vigie is the full entity stage.

    python benchmarks/entities.py [--gold DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from vigie.ingest.records import RawRecord
from vigie.model import Source
from vigie.nlp import load_nlp
from vigie.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "dev"


def load_scorer(gold: Path) -> ModuleType:
    """The project's scorer, from the gold folder's parent."""
    spec = importlib.util.spec_from_file_location("score", gold.parent / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raw_spacy_entities(text: str) -> list[dict[str, Any]]:
    """Bare NER output in the gold shape: one entity per distinct (string, label)."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in load_nlp()(text).ents:
        if ent.label_ in ("PER", "ORG", "LOC"):
            grouped.setdefault((ent.text, ent.label_), {"name": ent.text, "type": ent.label_, "mentions": [ent.text]})
    return list(grouped.values())


def scored(score: ModuleType, gold: Path, predictions: Path) -> dict[str, Any]:
    """The scorer's measures for a folder of predictions (its --json output)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        score.main([str(gold), str(predictions), "--json", "--only=entities"])
    measures: dict[str, Any] = json.loads(printed.getvalue())["measures"]
    return measures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    score = load_scorer(args.gold)
    golds = sorted(args.gold.glob("*.json"))
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        for system in ("raw spaCy md", "vigie"):
            out = Path(tmp) / system.replace(" ", "_")
            out.mkdir()
            for path in golds:
                gold = json.loads(path.read_text(encoding="utf-8"))
                text = path.with_suffix(".txt").read_text(encoding="utf-8")
                if system == "vigie":
                    record = RawRecord(id=path.stem, source=Source(kind="txt"), text=text,
                                       published=gold["published"])
                    article = next(pipeline.process([record]))
                    entities = article.to_dict()["entities"]  # type: ignore[union-attr]
                else:
                    entities = raw_spacy_entities(text)
                (out / path.name).write_text(json.dumps({"entities": entities}), encoding="utf-8")
            measures = scored(score, args.gold, out)
            print(f"{system:14s} entities F1 {measures['entities']['f1']:.3f}   "
                  f"typed F1 {measures['entities.typed']['f1']:.3f}")

if __name__ == "__main__":
    main()
