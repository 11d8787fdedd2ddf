"""Quote detection and attribution: the dev gold set, and French LitBank as a robustness figure.

Dev: the project's scorer on direct quotes (quotes, quotes.attributed).
LitBank (19th-20th c. fiction, brat standoff; dialogue mostly opened by
dashes, which news does not use): quote spans matched by overlap, speaker
right when our speaker's span overlaps the annotated speaker mention or
names the same words. No threshold: it is fiction.

    python benchmarks/quotes.py [--gold DIR] [--litbank DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.figures import figure
from benchmarks.goldset import GOLD, gold_records, score_predictions
from vigie.model import Article, Quote, TextBlock, content_hash
from vigie.nlp import pipe_by_line
from vigie.pipeline import Pipeline
from vigie.textnorm import fold

SHARED = GOLD.parent


@dataclass
class GoldQuote:
    start: int
    end: int
    speaker: tuple[int, int, str] | None = None


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_speaker: int = 0
    speaker_right: int = 0


def read_brat(path: Path) -> list[GoldQuote]:
    """Citation spans and their Source speaker mentions from a brat .ann file."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    sources: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            ident, info, text = line.split("\t", 2)
            label, ranges = info.split(" ", 1)
            offsets = [int(x) for x in re.findall(r"\d+", ranges)]
            spans[ident] = (label, min(offsets), max(offsets), text)
        elif line.startswith("R") and "\tSource " in line:
            args = dict(a.split(":") for a in line.split("\t")[1].split()[1:])
            sources[args["Arg2"]] = args["Arg1"]
    quotes = []
    for ident, (label, start, end, _text) in spans.items():
        if label != "Citation":
            continue
        speaker = spans.get(sources.get(ident, ""))
        quotes.append(GoldQuote(start, end, (speaker[1], speaker[2], speaker[3]) if speaker else None))
    return quotes


def analyse_plain(text: str, pipeline: Pipeline) -> Article:
    """An article made of a text's lines (no headline), run through the pipeline."""
    blocks = [TextBlock(kind="paragraph", start=m.start(), end=m.end(), text=m.group())
              for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    article = Article(id="litbank", text=text, blocks=blocks, content_hash=content_hash(text))
    [doc] = pipe_by_line(pipeline.warm_up(), [text])
    return pipeline.enrich(article, doc)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_litbank(gold: list[GoldQuote], predicted: list[Quote], tally: Tally) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for quote in gold:
        best = max(range(len(predicted)), default=None,
                   key=lambda i: overlap((quote.start, quote.end), (predicted[i].start, predicted[i].end)))
        if best is None or best in used:
            continue
        shared = overlap((quote.start, quote.end), (predicted[best].start, predicted[best].end))
        if shared < 0.5 * min(quote.end - quote.start, predicted[best].end - predicted[best].start):
            continue
        used.add(best)
        tally.matched += 1
        if quote.speaker is None:
            continue
        tally.with_speaker += 1
        speaker = predicted[best].speaker
        if speaker is not None and (overlap((speaker.start, speaker.end), quote.speaker[:2]) > 0
                                    or fold(speaker.name) == fold(quote.speaker[2])):
            tally.speaker_right += 1


def dev_scores(gold: Path, pipeline: Pipeline) -> dict[str, Any]:
    """The scorer's quote measures on the dev gold set."""
    with tempfile.TemporaryDirectory() as tmp:
        for article in pipeline.process(gold_records(gold)):
            assert isinstance(article, Article), article
            Path(tmp, f"{article.id}.json").write_text(article.to_json(), encoding="utf-8")
        return score_predictions(gold, Path(tmp), "quotes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD / "dev")
    parser.add_argument("--litbank", type=Path, default=SHARED / "datasets" / "fr-litbank" / "brat" / "citations")
    parser.add_argument("--limit", type=int, default=0, help="only the first N LitBank texts")
    args = parser.parse_args()
    pipeline = Pipeline(stages=("entities", "quotes"))
    full = Pipeline()
    if args.gold.is_dir():
        measures = dev_scores(args.gold, full)
        print(f"dev gold      quotes F1 {measures['quotes']['f1']:.3f}   "
              f"attributed F1 {measures['quotes.attributed']['f1']:.3f}   "
              f"speaker accuracy {measures['quotes.speaker_accuracy']['accuracy']:.3f}")
        figure("dev quotes.attributed F1", f"{measures['quotes.attributed']['f1']:.3f}", "≥ .88 (issue 11)")
    files = sorted(args.litbank.glob("*.ann"))[: args.limit or None]
    tally = Tally()
    for ann in files:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        article = analyse_plain(text, pipeline)
        score_litbank(read_brat(ann), [q for q in article.quotes if q.direct], tally)
    if files:
        precision = tally.matched / tally.predicted if tally.predicted else 0.0
        recall = tally.matched / tally.gold if tally.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = tally.speaker_right / tally.with_speaker if tally.with_speaker else 0.0
        print(f"fr-litbank    {len(files)} texts, {tally.gold} quotes: detection P {precision:.3f} R {recall:.3f} "
              f"F1 {f1:.3f}; speaker right on {tally.speaker_right}/{tally.with_speaker} matched ({accuracy:.3f})")
        figure("fr-litbank quote detection F1, speaker accuracy", f"{f1:.3f}, {accuracy:.3f}")


if __name__ == "__main__":
    main()
