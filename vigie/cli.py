"""The `vigie` command line: a thin layer over the library."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, get_args

import click
from tqdm import tqdm

from vigie.corpus import ingest as ingest_paths
from vigie.model import Article, EventType, article_json_schema
from vigie.pipeline import DEFAULT_RECORD_TIMEOUT, Pipeline
from vigie.readers import read_paths
from vigie.readers.records import DEFAULT_MAX_BYTES, BadRecord, RecordError, parse_published, safe_id
from vigie.research import RESEARCH_FORMATS, export_research
from vigie.runner import run_pipeline
from vigie.store import NewerDatabase, NotACorpus, open_db, open_readonly, queries
from vigie.store.export import FORMATS, export
from vigie.summary import render_summary
from vigie.tabular import render_table

EVENT_TYPES = set(get_args(EventType))

EXIT_OK, EXIT_NONE_SUCCEEDED, EXIT_SOME_FAILED = 0, 1, 3
MAX_ROWS = 1_000_000  # bound of --top / --limit
MAX_FILE_NAME = 120  # bytes of an output file name's stem: ids can be longer, the JSON keeps them whole
FOLLOW_OPTION = click.option("--follow-symlinks", is_flag=True,
                             help="In directories, also read symbolic links that lead outside them.")
TIMEOUT_OPTION = click.option("--record-timeout", type=click.FloatRange(min=0), default=DEFAULT_RECORD_TIMEOUT,
                              show_default=True, help="Seconds of analysis one record may take (0: no limit); "
                              "a slower record is reported as failed and the batch goes on.")


def _exit_status(done: int, failed: int) -> int:
    """0 all succeeded, 3 some records failed, 1 none succeeded: the same for extract and ingest."""
    return EXIT_OK if not failed else EXIT_SOME_FAILED if done else EXIT_NONE_SUCCEEDED


def _date_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A YYYY-MM-DD option (--published, --since, --until), checked before any work starts."""
    if value is None:
        return None
    try:
        return parse_published(value)
    except BadRecord:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


class VigieGroup(click.Group):
    """Turns the failures a user can meet (a file that is not a corpus, a full disk, a read-only folder)
    into one line and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (NotACorpus, NewerDatabase) as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.Error as exc:
            raise click.ClickException(f"database error: {_one_line(exc)}") from None
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or _one_line(exc)}{where}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@click.group(cls=VigieGroup)
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
@FOLLOW_OPTION
@TIMEOUT_OPTION
def extract(paths: tuple[str, ...], published: str | None, out_dir: Path | None, workers: int,
            output_format: str, max_bytes: int, progress: bool | None, follow_symlinks: bool,
            record_timeout: float) -> None:
    """Extract articles from PATHS (.txt, .html, .json, .jsonl, or - for stdin).

    Without --out, one article prints its document and several print JSON lines.
    Exit status: 0 all succeeded, 3 some records failed, 1 none succeeded.
    """
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    records = read_paths(paths, published=published, max_bytes=max_bytes, follow_symlinks=follow_symlinks)
    outcomes = run_pipeline(records, Pipeline(record_timeout=record_timeout or None), workers=workers)
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
        if out_dir is not None:
            problem = _write(outcome, out_dir, written)
            if problem is not None:
                failed += 1
                tqdm.write(f"error: {outcome.id}: {problem}", file=sys.stderr)
                continue
            done += 1
        else:
            done += 1
            if pending is not None:
                _print(pending, output_format, lines=True)
                many = True
            pending = outcome
    if pending is not None:
        _print(pending, output_format, lines=many)
    if done + failed > 1 or failed:
        click.echo(f"extracted {done} article(s), {failed} failed", err=True)
    sys.exit(_exit_status(done, failed))


def _print(article: Article, output_format: str, lines: bool) -> None:
    if output_format == "summary":
        click.echo(render_summary(article) + ("\n" if lines else ""))
    else:
        click.echo(article.to_json(indent=None if lines else 1))


def output_name(article_id: str) -> str:
    """A safe, bounded file stem for an id (the id itself stays whole inside the JSON)."""
    stem = safe_id(article_id)
    if stem == article_id and len(stem.encode("utf-8")) <= MAX_FILE_NAME:
        return stem
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{stem.encode('utf-8')[: MAX_FILE_NAME - 13].decode('utf-8', 'ignore')}-{digest}"


def _write(article: Article, out_dir: Path, written: set[str]) -> str | None:
    """Write one document; return why it could not be written, if so. Links and folders are never followed."""
    base = output_name(article.id)
    name, suffix = base, 2
    while name in written:
        name = f"{base}-{suffix}"
        suffix += 1
    if name != base:
        tqdm.write(f"warning: id {article.id!r} seen before; written as {name}.json", file=sys.stderr)
    written.add(name)
    path = out_dir / f"{name}.json"
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return f"cannot write {path}: it exists and is not a regular file"
    try:
        path.write_text(article.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


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
@FOLLOW_OPTION
@TIMEOUT_OPTION
def ingest(paths: tuple[str, ...], db_path: Path, workers: int, published: str | None, batch_size: int,
           max_bytes: int, progress: bool | None, follow_symlinks: bool, record_timeout: float) -> None:
    """Add articles from PATHS (files, directories, .warc/.warc.gz) to the corpus.

    Re-ingesting adds nothing; an interrupted run can simply be run again.
    """
    summary = ingest_paths(paths, db_path, workers=workers, published=published, batch_size=batch_size,
                           progress=progress, max_bytes=max_bytes, follow_symlinks=follow_symlinks,
                           pipeline=Pipeline(record_timeout=record_timeout or None))
    for line in summary.lines():
        click.echo(line, err=True)
    stats = queries.corpus_stats(_corpus(db_path))
    click.echo(f"corpus {db_path}: {stats['articles']} articles ({stats['near_duplicates'] or 0} near-duplicates), "
               f"{stats['entities']} entities, {stats['quotes']} quotes, {stats['events']} events, "
               f"{stats['counts']} counts", err=True)
    sys.exit(_exit_status(summary.ingested + summary.duplicates, len(summary.failed)))


@main.command()
@DB_OPTION
@click.option("--type", "entity_type", type=click.Choice(["PER", "ORG", "LOC"]))
@click.option("--since", callback=_date_option, metavar="YYYY-MM-DD")
@click.option("--top", type=click.IntRange(min=1, max=MAX_ROWS), default=20, show_default=True)
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
@click.option("--limit", type=click.IntRange(min=1, max=MAX_ROWS), default=50, show_default=True)
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
@click.option("--limit", type=click.IntRange(min=1, max=MAX_ROWS), default=50, show_default=True)
@JSON_OPTION
def events_command(db_path: Path, event_type: str | None, place: str | None, since: str | None, until: str | None,
                   limit: int, as_json: bool) -> None:
    """Events across the corpus, by category, place and dates."""
    rows = queries.events(_corpus(db_path), event_type, place, since, until, limit=limit)
    _show(rows, ["date", "type", "actors", "targets", "location", "text"], as_json)


@main.command(name="search")
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1, max=MAX_ROWS), default=20, show_default=True)
@JSON_OPTION
def search_command(query: str, db_path: Path, limit: int, as_json: bool) -> None:
    """Full-text search of the corpus (accents and case folded)."""
    rows = queries.search(_corpus(db_path), query, limit)
    _show(rows, ["published", "title", "snippet"], as_json)


@main.command(name="export")
@DB_OPTION
@click.option("--format", "file_format", type=click.Choice([*FORMATS, *RESEARCH_FORMATS]), default="csv",
              show_default=True, help="csv, jsonl, parquet: every table; gdelt: GDELT 2.0 event rows (TSV); "
                                      "acled: ACLED rows of violence, protests and arrests (CSV).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
def export_command(db_path: Path, file_format: str, out_dir: Path) -> None:
    """Write every table of the corpus to OUT, one file per table (or the events as GDELT or ACLED rows)."""
    if file_format in RESEARCH_FORMATS:
        path, count = export_research(_corpus(db_path), out_dir, file_format)
        click.echo(f"events: {count} rows → {path}", err=True)
        return
    written = export(_corpus(db_path), out_dir, file_format)
    for table, count in written.items():
        click.echo(f"{table}: {count} rows → {out_dir / (table + '.' + file_format)}", err=True)


@main.command()
@click.argument("sources_file", metavar="SOURCES", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@DB_OPTION
@click.option("--once", is_flag=True, help="One round, then exit (for cron).")
@click.option("--every", default="15m", show_default=True, help="Time between rounds (90s, 15m, 1h).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction worker processes.")
@click.option("--host-delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host.")
@click.option("--timeout", type=click.FloatRange(min=1), default=20.0, show_default=True,
              help="Seconds to wait for a server.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES * 5, show_default=True,
              help="Largest page or feed read.")
@TIMEOUT_OPTION
def watch(sources_file: Path, db_path: Path, once: bool, every: str, workers: int, host_delay: float,
          timeout: float, max_bytes: int, record_timeout: float) -> None:
    """Follow the feeds and news sitemaps listed in SOURCES (text or OPML) and ingest new articles.

    Each round reads every source (asking whether it changed), fetches the pages not fetched before
    (robots.txt respected, one host at a time), analyses and stores them, and prints one line.
    Runs until Ctrl-C or SIGTERM (the page in hand is finished) unless --once.
    """
    from vigie.watch.http import PoliteClient, Politeness
    from vigie.watch.service import Watcher, parse_duration
    from vigie.watch.sources import read_sources

    try:
        pause = parse_duration(every)
        sources = read_sources(sources_file)
    except (ValueError, BadRecord) as exc:
        raise click.UsageError(str(exc)) from None
    if not sources:
        raise click.UsageError(f"no feed or sitemap URL in {sources_file}")
    client = PoliteClient(Politeness(timeout=timeout, per_host_interval=host_delay, max_bytes=max_bytes))
    watcher = Watcher(open_db(db_path), sources, Pipeline(record_timeout=record_timeout or None), client,
                      workers=workers)
    previous = {sig: signal.signal(sig, lambda *_: watcher.stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not watcher.stop.is_set():
            report = watcher.round()
            click.echo(f"{dt.datetime.now().isoformat(timespec='seconds')} {report.line()}", err=True)
            if once or watcher.stop.wait(pause):
                break
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        watcher.connection.close()


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="VIGIE_TOKEN", help="Allows POST /articles with 'Authorization: Bearer TOKEN' "
              "(or set VIGIE_TOKEN); without it the server is read-only.")
def serve(db_path: Path, host: str, port: int, token: str | None) -> None:
    """Serve the web UI and the REST API over the corpus (API docs at /docs). Ctrl-C stops."""
    import uvicorn

    from vigie.api import create_app

    _corpus(db_path).close()  # a clear error now rather than on the first request
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    click.echo(f"Vigie on http://{host}:{port}/ (API docs: http://{host}:{port}/docs); Ctrl-C stops", err=True)
    uvicorn.run(create_app(db_path, token=token), host=host, port=port, log_level="warning")


@main.command(name="sources")
@DB_OPTION
@JSON_OPTION
def sources_command(db_path: Path, as_json: bool) -> None:
    """The sources `vigie watch` follows: last success, articles, errors and the last error."""
    from vigie.store.watchstate import source_rows

    rows = source_rows(_corpus(db_path))
    _show(rows, ["label", "url", "last_success", "articles", "error_count", "last_error"], as_json)


@main.group(cls=VigieGroup)
def spark() -> None:
    """Scale out on Apache Spark (needs a Java runtime): extract an archive, aggregate a run."""


MASTER_OPTION = click.option("--master", help="Spark master (local[2], spark://host:7077, yarn...); default: the one "
                             "spark-submit gives, else local[2].")


@spark.command(name="extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Folder (or URI) of the run: one Parquet table per folder.")
@MASTER_OPTION
@click.option("--partitions", type=click.IntRange(min=1), help="Partitions of the input (default: the cores).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
def spark_extract(inputs: tuple[str, ...], out: str, master: str | None, partitions: int | None,
                  max_bytes: int) -> None:
    """Analyse the records of INPUTS (.jsonl, .json, .parquet files or folders, local or any URI Spark reads)
    and write the tables of `vigie export` as Parquet under OUT, partitioned by month, with an `errors`
    table. A rerun replaces the previous run. `vigie ingest OUT` loads it into a corpus without the NLP."""
    from vigie.spark.job import extract as spark_run

    with _spark_session(master) as spark_session:
        summary = spark_run(spark_session, list(inputs), out, partitions, max_bytes)
    for table, count in summary.rows.items():
        click.echo(f"{table}: {count} rows", err=True)
    click.echo(f"run written to {out}: {summary.articles} articles, {summary.errors} failed records", err=True)
    sys.exit(_exit_status(summary.articles, summary.errors))


@spark.command(name="stats")
@click.argument("run")
@click.option("--out", required=True, help="Folder (or URI) for the aggregates.")
@MASTER_OPTION
def spark_stats(run: str, out: str, master: str | None) -> None:
    """Aggregate a run of `vigie spark extract`: articles per day, top entities per month, events per
    category and country, written as Parquet under OUT."""
    from vigie.spark.stats import stats

    with _spark_session(master) as spark_session:
        written = stats(spark_session, run, out)
    for table, count in written.items():
        click.echo(f"{table}: {count} rows → {out}/{table}", err=True)


@contextmanager
def _spark_session(master: str | None) -> Iterator[Any]:
    """A Spark session for one command, stopped after it; a missing Java or a bad run is one line."""
    from vigie.spark.job import SparkJobError, session

    try:
        spark_session = session(master)
    except ImportError:
        raise click.ClickException("pyspark is not installed: pip install 'vigie[spark]'") from None
    except Exception as exc:  # pyspark raises plain exceptions when it cannot start the JVM
        raise click.ClickException(f"cannot start Spark (is a Java runtime installed?): {_one_line(exc)}") from None
    try:
        yield spark_session
    except SparkJobError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        spark_session.stop()


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article document."""
    click.echo(json.dumps(article_json_schema(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
