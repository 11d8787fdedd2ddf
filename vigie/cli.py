"""The `vigie` command line: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tqdm import tqdm

from vigie.ingest import read_paths
from vigie.ingest.records import DEFAULT_MAX_BYTES, BadRecord, RecordError, parse_published
from vigie.model import Article, article_json_schema
from vigie.pipeline import Pipeline
from vigie.runner import run_pipeline
from vigie.summary import render_summary

EXIT_OK, EXIT_NONE_SUCCEEDED, EXIT_SOME_FAILED = 0, 1, 3


def _published_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except BadRecord as exc:
        raise click.BadParameter(str(exc)) from None


@click.group()
@click.version_option(package_name="vigie")
def main() -> None:
    """Vigie: structured facts from French news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_published_option, metavar="YYYY-MM-DD",
              help="Publication date for records that do not carry one.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write DIR/<id>.json per article instead of printing.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each loads the model once).")
@click.option("--format", "output_format", type=click.Choice(["json", "summary"]), default="json",
              show_default=True, help="Printed output: the JSON document or a readable summary.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip records larger than this.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
def extract(paths: tuple[str, ...], published: str | None, out_dir: Path | None, workers: int,
            output_format: str, max_bytes: int, progress: bool | None) -> None:
    """Extract articles from PATHS (.txt, .html, .json, .jsonl, or - for stdin).

    Without --out, one article prints its document and several print JSON lines.
    Exit status: 0 all succeeded, 3 some records failed, 1 none succeeded.
    """
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    records = read_paths(paths, published=published, max_bytes=max_bytes)
    outcomes = run_pipeline(records, Pipeline(), workers=workers)
    bar = tqdm(outcomes, desc="extract", unit="article", file=sys.stderr,
               disable=None if progress is None else not progress)
    done = failed = 0
    written: set[str] = set()
    pending: Article | None = None  # held back: a lone article prints indented, several as lines
    many = False
    for outcome in bar:
        if isinstance(outcome, RecordError):
            failed += 1
            tqdm.write(f"error: {outcome}", file=sys.stderr)
            continue
        done += 1
        if out_dir is not None:
            _write(outcome, out_dir, written)
        else:
            if pending is not None:
                _print(pending, output_format, lines=True)
                many = True
            pending = outcome
    if pending is not None:
        _print(pending, output_format, lines=many)
    if done + failed > 1 or failed:
        click.echo(f"extracted {done} article(s), {failed} failed", err=True)
    sys.exit(EXIT_OK if not failed else EXIT_SOME_FAILED if done else EXIT_NONE_SUCCEEDED)


def _print(article: Article, output_format: str, lines: bool) -> None:
    if output_format == "summary":
        click.echo(render_summary(article) + ("\n" if lines else ""))
    else:
        click.echo(article.to_json(indent=None if lines else 1))


def _write(article: Article, out_dir: Path, written: set[str]) -> None:
    name = article.id
    suffix = 2
    while name in written:
        name = f"{article.id}-{suffix}"
        suffix += 1
    if name != article.id:
        tqdm.write(f"warning: id {article.id!r} seen before; written as {name}.json", file=sys.stderr)
    written.add(name)
    (out_dir / f"{name}.json").write_text(article.to_json() + "\n", encoding="utf-8")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article document."""
    click.echo(json.dumps(article_json_schema(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
