"""The one locator of the gold data (for the Makefile, the tests and the benchmarks), its articles as
records, and the project's scorer.

The Makefile exports ``VIGIE_GOLD``; run directly, the default is ``../shared/gold`` beside the checkout.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
from pathlib import Path
from typing import Any

from vigie.model import Source
from vigie.readers.records import RawRecord

GOLD = Path(os.environ.get("VIGIE_GOLD") or Path(__file__).resolve().parent.parent.parent / "shared" / "gold")


def gold_records(folder: Path) -> list[RawRecord]:
    """The articles of a gold folder with their publication dates, as evaluate.py hands them over."""
    records = []
    for path in sorted(folder.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        records.append(RawRecord(id=path.stem, source=Source(kind="json"), published=meta["published"],
                                 text=path.with_suffix(".txt").read_text(encoding="utf-8")))
    return records


def score_predictions(gold: Path, predictions: Path, only: str = "") -> dict[str, Any]:
    """The measures of ``../shared/gold/score.py`` (its --json output) for a folder of predictions."""
    spec = importlib.util.spec_from_file_location("gold_score", gold.parent / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        score.main([str(gold), str(predictions), "--json", *([f"--only={only}"] if only else [])])
    measures: dict[str, Any] = json.loads(printed.getvalue())["measures"]
    return measures
