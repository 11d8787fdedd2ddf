"""Structure extraction on real French news pages (../shared/realpages): headline, lead photo caption and
credit, publication date and body blocks against hand-checked layouts, with the referee's own matching.

Only the structure step runs (no NLP), so the whole set takes seconds.

    python -m benchmarks.realpages [--pages DIR] [--failures]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.figures import figure
from benchmarks.goldset import GOLD
from vigie.errors import BadRecord
from vigie.model import Source
from vigie.pipeline import build_article
from vigie.readers.decode import decode_html
from vigie.readers.records import RawRecord

PAGES = GOLD.parent / "realpages"
GOALS = {"title": 0.95, "caption": 0.90, "credit": 0.90, "published": 0.97, "blocks": 0.95}


def referee(folder: Path) -> ModuleType:
    """The scorer shipped with the pages (its layout reader and block matching)."""
    spec = importlib.util.spec_from_file_location("realpages_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_pages(folder: Path = PAGES) -> tuple[dict[str, Any], list[str]]:
    """Accuracy per field and block P/R/F1, as the referee computes them, and the failing fields."""
    score = referee(folder)
    right = {k: 0 for k in ("title", "caption", "credit", "published")}
    seen = dict(right)
    tp = n_pred = n_gold = 0
    failures: list[str] = []
    for page in sorted(folder.glob("*.html")):
        title, caption, credit, blocks = score.gold_layout(page.with_suffix(".txt").read_text(encoding="utf-8"))
        meta = json.loads(page.with_suffix(".meta.json").read_text(encoding="utf-8"))
        n_gold += len(blocks)
        try:
            html = decode_html(page.read_bytes(), 50_000_000)
            article = build_article(RawRecord(id=page.stem, source=Source(kind="html", path=str(page)), html=html))
        except BadRecord as exc:
            failures.append(f"{page.stem}: {exc}")
            for field in ("title", "caption", "credit"):
                seen[field] += 1
            continue
        predicted = [b.text for b in article.blocks]
        n_pred += len(predicted)
        tp += score.match_blocks(blocks, predicted)
        expected = {"title": title, "caption": caption, "credit": credit}
        got = {"title": article.title, "caption": article.caption, "credit": article.credit}
        if meta.get("published"):
            expected["published"], got["published"] = meta["published"], (article.published or "")[:10]
        for field, want in expected.items():
            seen[field] += 1
            if score.norm(want) == score.norm(got[field]):
                right[field] += 1
            else:
                failures.append(f"{page.stem}: {field} {got[field]!r} != {want!r}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    result: dict[str, Any] = {k: round(right[k] / seen[k], 3) if seen[k] else None for k in right}
    result["blocks"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return result, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--failures", action="store_true", help="list the fields that differ")
    args = parser.parse_args()
    result, failures = score_pages(args.pages)
    print(f"{'measure':28s} {'now':>6s} {'goal':>6s}")
    for field in ("title", "caption", "credit", "published"):
        print(f"{field + ' exact':28s} {result[field]:6.3f} {GOALS[field]:6.2f}")
        figure(f"real pages: {field} exact", f"{result[field]:.3f}", f"≥ {GOALS[field]:.2f}")
    print(f"{'body blocks F1 (>= 90% similar)':28s} {result['blocks']['f1']:6.3f} {GOALS['blocks']:6.2f}")
    figure("real pages: body blocks F1", f"{result['blocks']['f1']:.3f}", f"≥ {GOALS['blocks']:.2f}")
    if args.failures:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
