"""`vigie spark extract`: the pipeline over a whole archive on Spark, written as Parquet tables.

Input files are listed through Hadoop's file system (a local path or any URI Spark reads: hdfs://,
s3a://...). Lines of JSON-lines files, whole .json files and rows of Parquet files are spread over the
partitions; each partition parses them with Vigie's own readers (same ids as `vigie extract`) and runs one
``Pipeline`` (built once per Python worker, so the model is loaded once per worker). A record that cannot
be read or analysed becomes a row of ``errors``; the job never fails for one. The rows of every article
come from the store's projection (``vigie.store.rows.article_rows``); nothing here computes a column.

Output is written to a staging folder beside ``--out`` and swapped in at the end, so a rerun over the
same input replaces the previous run, never adds to it, and a failed run leaves the previous one whole.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from vigie.errors import RecordError
from vigie.model import DOCUMENT_VERSION, Article, Source
from vigie.readers.files import json_file_records, json_line_record, record_from_row
from vigie.readers.records import DEFAULT_MAX_BYTES, RawRecord
from vigie.spark.tables import CORPUS_WIDE, ERRORS, MONTH, UNKNOWN_MONTH, month_of, spark_schema, table_columns
from vigie.store.rows import COLUMNS, article_rows

MARKER = "_vigie.json"  # written last in a run's folder: what it holds; `vigie ingest` looks for it
# One item of input, as shipped to a partition: (kind, path, number, payload).
Item = tuple[str, str, int, Any]
TableRow = tuple[str, str]  # (table, the row as JSON): typed by the table's schema in the JVM, not in Python
PARTITIONS_PER_CORE = 4
CONCURRENT_WRITES = 4
WARM_UP_TEXT = ("Grève à Lyon\n\nMardi, trois manifestants ont été blessés à Lyon, selon la préfecture. "
                "« Nous continuerons », a déclaré Marie Dupont, porte-parole de la CGT, au ministre de l'Intérieur.")
_pipeline: Any = None  # one per Python worker, kept between the tasks it runs


class SparkJobError(Exception):
    """A run that cannot start or finish (no input, an output folder that is not a Vigie run's)."""


@dataclass
class RunSummary:
    """What a run wrote: rows per table, and the records it could not analyse."""

    out: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)

    @property
    def errors(self) -> int:
        return self.rows.get(ERRORS, 0)


def session(master: str | None = None, app_name: str = "vigie") -> Any:
    """A SparkSession on ``master``; without one, the master spark-submit gave, else local[2]. Locally,
    Python workers run this interpreter, so they import this Vigie and its model."""
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName(app_name)
               .config("spark.python.worker.reuse", "true")
               .config("spark.python.daemon.module", "vigie.spark.daemon")
               .config("spark.ui.showConsoleProgress", "false"))
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit, which chose the master
    if master or not submitted:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(master or "local[2]").config("spark.pyspark.python", sys.executable)
        if (master or "local").startswith("local"):  # one machine: a few shuffle partitions, not 200
            builder = builder.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 2)))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def hadoop_fs(spark: Any, path: str) -> tuple[Any, Any]:
    """Hadoop's FileSystem for a path, and the path as Hadoop sees it."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def input_files(spark: Any, inputs: Iterable[str]) -> list[tuple[str, str]]:
    """(kind, path) of every input file under the given files or folders; hidden files ('.', '_') skipped."""
    found: list[tuple[str, str]] = []
    for given in inputs:
        fs, path = hadoop_fs(spark, given)
        if not fs.exists(path):
            raise SparkJobError(f"{given}: no such file or folder")
        root = fs.makeQualified(path).toString().rstrip("/")
        files = fs.listFiles(path, True)
        while files.hasNext():
            file = files.next().getPath()
            name = file.getName()
            inside = file.toString()[len(root):].strip("/").split("/")
            if any(part.startswith((".", "_")) for part in inside if part):  # hidden, or Spark's _SUCCESS
                continue
            lower = name.lower()
            kind = ("jsonl" if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson")) else
                    "json" if lower.endswith(".json") else
                    "parquet" if lower.endswith(".parquet") else "other")
            found.append((kind, file.toString()))
    if not found:
        raise SparkJobError("no input files found")
    return found


def input_items(spark: Any, files: list[tuple[str, str]]) -> Any:
    """One RDD of every record's raw form, numbered within its file as the local readers number it."""
    context = spark.sparkContext
    parts = []
    for kind, path in files:
        if kind == "jsonl":
            lines = context.textFile(path, use_unicode=False).zipWithIndex()
            parts.append(lines.map(lambda pair, path=path: ("jsonl", path, pair[1] + 1, bytes(pair[0]))))
        elif kind == "json":
            parts.append(context.binaryFiles(path).map(lambda pair: ("json", pair[0], 0, bytes(pair[1]))))
        elif kind == "parquet":
            rows = spark.read.parquet(path).rdd.zipWithIndex()
            parts.append(rows.map(lambda pair, path=path: ("record", path, pair[1] + 1, pair[0].asDict())))
        else:
            parts.append(context.parallelize([("other", path, 0, None)], 1))
    return context.union(parts)


def _records(items: Iterable[Item], max_bytes: int) -> Iterator[RawRecord | RecordError]:
    """Vigie's readers over the raw items of one partition."""
    for kind, path, number, payload in items:
        if kind == "jsonl":
            outcome = json_line_record(payload, path, number, max_bytes)
            if outcome is not None:
                yield outcome
        elif kind == "json":
            yield from json_file_records(payload, path, max_bytes)
        elif kind == "record":
            yield record_from_row(payload, path, number, max_bytes)
        else:
            yield RecordError(path, "unsupported input: expected .jsonl, .json or .parquet records")


def preload() -> Any:
    """This process's pipeline, built and its model loaded on first use (the worker daemon calls this
    before it forks workers, so they start with it)."""
    global _pipeline
    if _pipeline is None:
        from vigie.pipeline import Pipeline

        _pipeline = Pipeline()
        # one short article through every stage, so that the gazetteer and the lexicon tables, built on
        # first use, are built here too and shared with every forked worker
        list(_pipeline.process([RawRecord(id="warm-up", source=Source(kind="txt"), published="2026-01-05",
                                          text=WARM_UP_TEXT)]))
    return _pipeline


def extract_partition(items: Iterable[Item], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[TableRow]:
    """(table, row) for every article of a partition, and ('errors', row) for every record that failed."""
    for outcome in preload().process(_records(items, max_bytes)):
        if isinstance(outcome, RecordError):
            yield ERRORS, json.dumps({"record": outcome.name, "reason": outcome.reason, MONTH: UNKNOWN_MONTH},
                                     ensure_ascii=False)
        else:
            yield from article_table_rows(outcome)


def article_table_rows(article: Article) -> Iterator[TableRow]:
    """An article's rows of every table, each as JSON of the columns ``table_columns`` names."""
    month = month_of(article.published)
    for table, rows in article_rows(article).items():
        columns = table_columns(table)
        for row in rows:
            values = {**row, MONTH: month}
            yield table, json.dumps({column: values[column] for column in columns}, ensure_ascii=False)


def _corpus_wide(frames: dict[str, Any]) -> None:
    """Entities and aliases summed across articles, as the corpus sums them: an entity's name is the
    longest any article gives it (of equal ones, the first alphabetically), first and last seen are its
    earliest and latest days."""
    from pyspark.sql import functions as F

    entities = frames["entities"]
    frames["entities"] = entities.groupBy("key").agg(
        F.min_by("name", F.struct(-F.length("name"), F.col("name"))).alias("name"),
        F.first("type").alias("type"), F.first("geonameid", ignorenulls=True).alias("geonameid"),
        F.first("lat", ignorenulls=True).alias("lat"), F.first("lon", ignorenulls=True).alias("lon"),
        F.first("country_code", ignorenulls=True).alias("country_code"),
        F.sum("mention_count").alias("mention_count"), F.sum("article_count").alias("article_count"),
        F.min("first_seen").alias("first_seen"), F.max("last_seen").alias("last_seen"),
    ).select(*table_columns("entities"))
    frames["entity_aliases"] = frames["entity_aliases"].groupBy("entity_key", "alias").agg(
        F.sum("count").alias("count")).select(*table_columns("entity_aliases"))


def extract(spark: Any, inputs: list[str], out: str, partitions: int | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> RunSummary:
    """Analyse every record under ``inputs`` and write the tables under ``out`` (replacing a previous run)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    check_output(spark, out)
    files = input_files(spark, inputs)
    items = input_items(spark, files)
    # a few partitions per core, so that no core waits for another's last long article at the end
    items = items.repartition(partitions or PARTITIONS_PER_CORE * max(spark.sparkContext.defaultParallelism, 1))
    rows = items.mapPartitions(lambda part: extract_partition(part, max_bytes))
    # the one pass through Python (the NLP); every table is then cut from this frame inside the JVM
    every_row = spark.createDataFrame(rows, "table string, row string").persist(StorageLevel.MEMORY_AND_DISK)
    try:
        per_table = {r["table"]: r["count"] for r in every_row.groupBy("table").count().collect()}
        frames = {table: every_row.where(F.col("table") == table)
                  .select(F.from_json("row", spark_schema(table)).alias("r")).select("r.*")
                  for table in (*COLUMNS, ERRORS)}
        _corpus_wide(frames)
        known = {table: per_table.get(table, 0) for table in frames if table not in CORPUS_WIDE}
        return write_atomically(spark, frames, out, [path for _kind, path in files], known_rows=known)
    finally:
        every_row.unpersist()


def check_output(spark: Any, out: str) -> tuple[Any, Any]:
    """Refuse, before any work, an output folder that holds something other than a Vigie run."""
    fs, target = hadoop_fs(spark, out)
    if fs.exists(target) and not fs.exists(target.suffix("/" + MARKER)) and fs.listStatus(target):
        raise SparkJobError(f"{out} exists and is not the output of a Vigie run: choose another --out")
    return fs, target


def write_atomically(spark: Any, frames: dict[str, Any], out: str, inputs: list[str],
                     partitioned: bool = True, known_rows: dict[str, int] | None = None) -> RunSummary:
    """Every table into a staging folder beside ``out`` (per-article tables partitioned by month), the
    marker last, then the folder swapped in for the previous run's, if any."""
    fs, target = check_output(spark, out)
    staging = target.getParent().suffix(f"/.{target.getName()}.staging-{uuid.uuid4().hex[:8]}") \
        if target.getParent() is not None else target.suffix(".staging")
    summary = RunSummary(out)
    try:

        def write(table: str) -> None:
            frame = frames[table]
            known = (known_rows or {}).get(table)
            summary.rows[table] = known if known is not None else frame.count()
            if partitioned and table not in CORPUS_WIDE and summary.rows[table]:
                # one file per month (not one per month and input partition); an empty table stays one
                # file, so its schema is kept
                writer = frame.repartition(MONTH).write.mode("overwrite").partitionBy(MONTH)
            else:
                writer = frame.coalesce(1).write.mode("overwrite")
            writer.parquet(staging.suffix(f"/{table}").toString())

        # the tables are independent jobs: Spark runs them side by side, so small ones do not wait in line
        with ThreadPoolExecutor(max_workers=CONCURRENT_WRITES) as pool:
            list(pool.map(write, frames))
        summary.rows = {table: summary.rows[table] for table in frames}  # in the tables' order
        marker = {"vigie_document_schema": DOCUMENT_VERSION, "tables": summary.rows,
                  "inputs": inputs}
        stream = fs.create(staging.suffix("/" + MARKER), True)
        stream.write(bytearray(json.dumps(marker, ensure_ascii=False, indent=1).encode("utf-8")))
        stream.close()
        previous = None
        if fs.exists(target):
            previous = target.getParent().suffix(f"/.{target.getName()}.previous-{uuid.uuid4().hex[:8]}")
            fs.rename(target, previous)
        if not fs.rename(staging, target):
            if previous is not None:
                fs.rename(previous, target)
            raise SparkJobError(f"could not move the run into {out}")
        if previous is not None:
            fs.delete(previous, True)
    finally:
        if fs.exists(staging):
            fs.delete(staging, True)
    return summary
