"""The `vigie` command line: a thin layer over the library."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, get_args

import click
from tqdm import tqdm

from vigie.corpus import ingest as ingest_paths
from vigie.model import Article, EventType, article_json_schema
from vigie.pipeline import Pipeline
from vigie.readers import read_paths
from vigie.readers.records import DEFAULT_MAX_BYTES, BadRecord, RecordError, parse_published
from vigie.runner import run_pipeline
from vigie.store import NewerDatabase, NotACorpus, open_readonly, queries
from vigie.store.export import FORMATS, export
from vigie.summary import render_summary
from vigie.tabular import render_table

EVENT_TYPES = set(get_args(EventType))

EXIT_OK, EXIT_NONE_SUCCEEDED, EXIT_SOME_FAILED = 0, 1, 3


def _date_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A YYYY-MM-DD option (--published, --since, --until), checked before any work starts."""
    if value is None:
        return None
    try:
        return parse_published(value)
    except BadRecord:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


@click.group()
@click.version_option(package_name="vigie")
def main() -> None:
    """Vigie: structured facts from French news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date_option, metavar="YYYY-MM-DD",
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


DB_OPTION = click.option("--db", "db_path", default="vigie.db", show_default=True,
                         type=click.Path(dir_okay=False, path_type=Path), help="The corpus database.")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="JSON for programs instead of a table.")


def _corpus(db_path: Path) -> sqlite3.Connection:
    """A read-only connection for the read commands: they never create, migrate or change a file."""
    if not db_path.exists():
        raise click.ClickException(f"no corpus at {db_path}: create one with `vigie ingest PATH --db {db_path}`")
    try:
        return open_readonly(db_path)
    except (NotACorpus, NewerDatabase, sqlite3.Error) as exc:
        raise click.ClickException(str(exc)) from None


def _show(rows: list[dict[str, Any]], columns: list[str], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif rows:
        click.echo(render_table(rows, columns))
    else:
        click.echo("(nothing found)", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--published", callback=_date_option, metavar="YYYY-MM-DD",
              help="Publication date for records that do not carry one.")
@click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Articles per transaction.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--progress/--no-progress", default=None)
def ingest(paths: tuple[str, ...], db_path: Path, workers: int, published: str | None, batch_size: int,
           max_bytes: int, progress: bool | None) -> None:
    """Add articles from PATHS (files, directories, .warc/.warc.gz) to the corpus.

    Re-ingesting adds nothing; an interrupted run can simply be run again.
    """
    summary = ingest_paths(paths, db_path, workers=workers, published=published, batch_size=batch_size,
                           progress=progress, max_bytes=max_bytes)
    for line in summary.lines():
        click.echo(line, err=True)
    stats = queries.corpus_stats(_corpus(db_path))
    click.echo(f"corpus {db_path}: {stats['articles']} articles ({stats['near_duplicates'] or 0} near-duplicates), "
               f"{stats['entities']} entities, {stats['quotes']} quotes, {stats['events']} events, "
               f"{stats['counts']} counts", err=True)
    sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


@main.command()
@DB_OPTION
@click.option("--type", "entity_type", type=click.Choice(["PER", "ORG", "LOC"]))
@click.option("--since", callback=_date_option, metavar="YYYY-MM-DD")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@JSON_OPTION
def entities(db_path: Path, entity_type: str | None, since: str | None, top: int, as_json: bool) -> None:
    """The most mentioned entities of the corpus."""
    rows = queries.top_entities(_corpus(db_path), entity_type, since, top)
    _show(rows, ["name", "type", "mentions", "articles", "first_seen", "last_seen"], as_json)


@main.command()
@click.argument("name")
@DB_OPTION
@JSON_OPTION
def entity(name: str, db_path: Path, as_json: bool) -> None:
    """Profile of one entity: aliases, mentions per day, co-mentioned entities, quotes, events."""
    profile = queries.entity_profile(_corpus(db_path), name)
    if profile is None:
        raise click.ClickException(f"no entity called {name!r} in {db_path}")
    if as_json:
        click.echo(json.dumps(profile, ensure_ascii=False, indent=1))
        return
    click.echo(f"{profile['name']} ({profile['type']}) — {profile['mention_count']} mentions in "
               f"{profile['article_count']} articles, {profile['first_seen'] or '?'} → {profile['last_seen'] or '?'}")
    if profile.get("country_code"):
        click.echo(f"GeoNames {profile['geonameid']}: {profile['lat']}, {profile['lon']} ({profile['country_code']})")
    click.echo("Aliases: " + ", ".join(profile["aliases"]))
    for title, rows, columns in (("Mentions per day", profile["mentions_per_day"], ["day", "mentions"]),
                                 ("Mentioned with", profile["co_mentioned"], ["name", "type", "articles"]),
                                 ("Quotes", profile["quotes"], ["published", "text"]),
                                 ("Events", profile["events"], ["type", "date", "actors", "targets", "location"])):
        if rows:
            click.echo(f"\n{title}\n" + render_table(rows, columns))


@main.command(name="quotes")
@DB_OPTION
@click.option("--speaker", help="Name or alias of the speaker.")
@click.option("--search", help="Words the quote contains (accents and case ignored).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@JSON_OPTION
def quotes_command(db_path: Path, speaker: str | None, search: str | None, limit: int, as_json: bool) -> None:
    """Quotes across the corpus, by speaker and words."""
    rows = queries.quotes(_corpus(db_path), speaker=speaker, search=search, limit=limit)
    _show(rows, ["published", "speaker", "text", "direct"], as_json)


@main.command(name="events")
@DB_OPTION
@click.option("--type", "event_type", type=click.Choice(sorted(EVENT_TYPES), case_sensitive=False))
@click.option("--place", help="Name or alias of the place.")
@click.option("--since", callback=_date_option, metavar="YYYY-MM-DD")
@click.option("--until", callback=_date_option, metavar="YYYY-MM-DD")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@JSON_OPTION
def events_command(db_path: Path, event_type: str | None, place: str | None, since: str | None, until: str | None,
                   limit: int, as_json: bool) -> None:
    """Events across the corpus, by category, place and dates."""
    rows = queries.events(_corpus(db_path), event_type, place, since, until, limit=limit)
    _show(rows, ["date", "type", "actors", "targets", "location", "text"], as_json)


@main.command(name="search")
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@JSON_OPTION
def search_command(query: str, db_path: Path, limit: int, as_json: bool) -> None:
    """Full-text search of the corpus (accents and case folded)."""
    rows = queries.search(_corpus(db_path), query, limit)
    _show(rows, ["published", "title", "snippet"], as_json)


@main.command(name="export")
@DB_OPTION
@click.option("--format", "file_format", type=click.Choice(list(FORMATS)), default="csv", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
def export_command(db_path: Path, file_format: str, out_dir: Path) -> None:
    """Write every table of the corpus to OUT, one file per table."""
    written = export(_corpus(db_path), out_dir, file_format)
    for table, count in written.items():
        click.echo(f"{table}: {count} rows → {out_dir / (table + '.' + file_format)}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article document."""
    click.echo(json.dumps(article_json_schema(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
