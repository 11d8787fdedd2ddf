"""Readers: one per input kind, each yielding raw records or errors, never raising.

A bad record (empty, binary, undecodable, malformed JSON, too large) becomes a
RecordError that names it; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pydantic import ValidationError

from vigie.model import Article, Source
from vigie.readers.decode import check_size, check_text, decode_bytes, decode_html, header_charset
from vigie.readers.records import (
    DEFAULT_MAX_BYTES,
    BadRecord,
    RawRecord,
    RecordError,
    describe,
    parse_published,
    safe_id,
)

Outcome = RawRecord | RecordError
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PARQUET_SUFFIXES = (".parquet",)
SUPPORTED_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + PARQUET_SUFFIXES
SPARK_RUN_MARKER = "_vigie.json"  # in the folder `vigie spark extract` writes


def read_paths(
    paths: Iterable[str],
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
) -> Iterator[Outcome]:
    """Records from files (or '-' for stdin); ``published`` fills records that lack a date.

    In a directory, a symbolic link that leads out of it is reported and skipped unless ``follow_symlinks``.
    """
    for path in paths:
        for outcome in _read_one(path, max_bytes, follow_symlinks):
            if isinstance(outcome, RawRecord) and outcome.published is None and published:
                outcome = RawRecord(**{**outcome.__dict__, "published": published})
            yield outcome


def _read_one(path: str, max_bytes: int, follow_symlinks: bool = False) -> Iterator[Outcome]:
    if path == "-":
        yield from read_stdin(sys.stdin.buffer, max_bytes)
        return
    file = Path(path)
    if file.is_dir() and (file / SPARK_RUN_MARKER).is_file():  # a Spark run: its analysed articles only
        file = file / "articles"
    if file.is_dir():
        for child in _walk(file, follow_symlinks):
            if isinstance(child, RecordError):
                yield child
            else:
                yield from _read_one(str(child), max_bytes)
        return
    suffix = _suffix(file)
    source = Source(kind="html" if suffix in HTML_SUFFIXES else "txt", path=str(file))
    if not file.is_file():
        yield RecordError(str(file), "no such file" if not file.exists() else "not a regular file")
        return
    if suffix in WARC_SUFFIXES:
        yield from read_warc(file, max_bytes)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(file, max_bytes)
    elif suffix in JSON_SUFFIXES:
        yield from read_json_file(file, max_bytes)
    elif suffix in PARQUET_SUFFIXES:
        yield from read_parquet(file, max_bytes)
    elif suffix in HTML_SUFFIXES + TEXT_SUFFIXES:
        yield from _read_document(file, source, max_bytes)
    else:
        yield RecordError(str(file), f"unsupported file type {suffix or '(none)'}; "
                                     f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")


def _walk(folder: Path, follow_symlinks: bool) -> Iterator[Path | RecordError]:
    """The readable files under a folder, in name order; links out of it are refused unless followed."""
    root = folder.resolve()
    for directory, subfolders, names in os.walk(folder, followlinks=follow_symlinks):
        subfolders.sort()
        for name in sorted(names):
            child = Path(directory) / name
            if _suffix(child) not in SUPPORTED_SUFFIXES:
                continue
            if child.is_symlink() and not follow_symlinks:
                target = child.resolve()
                if not target.is_relative_to(root):
                    yield RecordError(str(child), f"symbolic link to {target}, outside {folder}: skipped "
                                                  "(use --follow-symlinks to read it)")
                    continue
            if child.is_file():
                yield child


def _open(file: Path) -> IO[bytes] | RecordError:
    """The file opened for reading, or the error that names it."""
    try:
        return file.open("rb")
    except OSError as exc:
        return RecordError(str(file), f"cannot read: {exc.strerror}")


def _suffix(file: Path) -> str:
    """'.warc.gz' for a compressed WARC, else the last suffix, lower case."""
    name = file.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return file.suffix.lower()


def read_warc(file: Path, max_bytes: int) -> Iterator[Outcome]:
    """HTML pages of the 'response' records of a WARC (or ARC) file, gzipped or not."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    problem = _warc_start_problem(file)
    if problem is not None:
        yield RecordError(str(file), f"not a readable WARC file: {problem}")
        return
    handle = _open(file)
    if isinstance(handle, RecordError):
        yield handle
        return
    with handle:
        number = seen = 0
        try:
            for record in ArchiveIterator(handle, arc2warc=True):
                seen += 1
                if record.rec_type != "response":
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                name = f"{file}:{number} ({url})"
                if "html" not in content_type.lower():
                    continue
                try:
                    payload = record.content_stream().read(max_bytes + 1)
                    html = decode_html(payload, max_bytes, header_charset(content_type), name)
                except BadRecord as exc:
                    yield RecordError(name, str(exc))
                    continue
                record_id = safe_id(url.split("://", 1)[-1]) if url else f"{file.stem}-{number}"
                yield RawRecord(id=record_id, source=Source(kind="html", path=str(file), line=number), html=html,
                                url=url)
        except ArchiveLoadFailed as exc:
            yield RecordError(str(file), f"not a readable WARC file: {_one_line(exc)}")
            return
        except (OSError, EOFError, ValueError, zlib.error) as exc:  # a truncated or damaged archive
            yield RecordError(str(file), f"truncated or damaged WARC after {seen} record(s): {_one_line(exc)}")
            return
        if seen == 0:
            yield RecordError(str(file), "not a readable WARC file: no WARC records in it")
        elif (problem := _gzip_problem(file)) is not None:
            yield RecordError(str(file), f"truncated or damaged WARC after {seen} record(s): {problem}")


def _warc_start_problem(file: Path) -> str | None:
    """Why a file cannot be a WARC (or ARC) archive, judged by its first bytes; None when it may be one."""
    try:
        with (gzip.open(file, "rb") if file.name.lower().endswith(".gz") else file.open("rb")) as stream:
            head = stream.read(16)
    except (OSError, EOFError, zlib.error) as exc:
        return _one_line(exc)
    if head.startswith((b"WARC/", b"filedesc://")):
        return None
    return "it does not start with a WARC record"


def _gzip_problem(file: Path) -> str | None:
    """Why a gzipped archive is incomplete (warcio stops quietly at a cut), or None when it is whole."""
    if not file.name.lower().endswith(".gz"):
        return None
    try:
        with gzip.open(file, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        return _one_line(exc)
    return None


def _json_problem(exc: json.JSONDecodeError, with_line: bool = False) -> str:
    """'Unterminated string starting at line 1 column 23': the parser's words, the place said once."""
    place = f"line {exc.lineno} column {exc.colno}" if with_line else f"column {exc.colno}"
    return f"{exc.msg} {place}" if exc.msg.endswith(" at") else f"{exc.msg} at {place}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _read_document(file: Path, source: Source, max_bytes: int) -> Iterator[Outcome]:
    """A whole .txt or .html file is one article, with the file stem as its id."""
    try:
        check_size(file.stat().st_size, max_bytes)
        data = file.read_bytes()
        text = decode_html(data, max_bytes, name=str(file)) if source.kind == "html" else decode_bytes(data, max_bytes)
    except BadRecord as exc:
        yield RecordError(str(file), str(exc))
        return
    except OSError as exc:
        yield RecordError(str(file), f"cannot read: {exc.strerror}")
        return
    html = source.kind == "html"
    yield RawRecord(id=safe_id(file.stem), source=source, text=None if html else text, html=text if html else None)


def read_stdin(stream: IO[bytes], max_bytes: int) -> Iterator[Outcome]:
    """Standard input: JSON lines if it starts with '{', else one text or HTML article."""
    yield from read_bytes(stream.read(max_bytes + 1), "<stdin>", "stdin", max_bytes)


def read_bytes(data: bytes, label: str, default_id: str, max_bytes: int) -> Iterator[Outcome]:
    """Bytes of unknown kind (standard input, an uploaded file): JSON lines if they start with '{', else one
    text or HTML article called ``default_id``."""
    source = Source(kind="txt", path=label)
    try:
        text = decode_bytes(data, max_bytes)
    except BadRecord as exc:
        yield RecordError(label, str(exc))
        return
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        yield from _parse_json_lines(text.splitlines(), label, max_bytes)
    elif head.startswith(("<!doctype", "<html", "<?xml")) or "<body" in head:
        yield RawRecord(id=default_id, source=source.model_copy(update={"kind": "html"}), html=text)
    else:
        yield RawRecord(id=default_id, source=source, text=text)


def read_jsonl(file: Path, max_bytes: int) -> Iterator[Outcome]:
    """One record per line; a bad line is reported and the next one read."""
    handle = _open(file)
    if isinstance(handle, RecordError):
        yield handle
        return
    with handle:
        yield from _parse_json_lines(_byte_lines(handle, max_bytes), str(file), max_bytes)


def _byte_lines(handle: IO[bytes], max_bytes: int) -> Iterator[bytes | BadRecord]:
    """Lines of a file, without reading an over-long line into memory whole."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = handle.readline(max_bytes + 1)
                size += len(line)
            yield BadRecord(f"too large: {size} bytes (limit {max_bytes}; raise it with --max-bytes)")
            continue
        yield line


def _parse_json_lines(
    lines: Iterable[bytes | str | BadRecord], path: str, max_bytes: int
) -> Iterator[Outcome]:
    for number, line in enumerate(lines, start=1):
        outcome = json_line_record(line, path, number, max_bytes)
        if outcome is not None:
            yield outcome


def json_line_record(line: bytes | str | BadRecord, path: str, number: int, max_bytes: int) -> Outcome | None:
    """Line ``number`` of a JSON-lines file as a record (None for a blank line); its id defaults to
    '<file stem>-<number>'. The Spark job reads lines with this too, so ids agree with `vigie extract`."""
    source = Source(kind="json", path=path, line=number)
    if isinstance(line, BadRecord):
        return RecordError(describe(source), str(line))
    if not line.strip():
        return None
    try:
        if isinstance(line, bytes):
            line = decode_bytes(line, max_bytes)
        value = json.loads(line.rstrip("\r\n"))
    except BadRecord as exc:
        return RecordError(describe(source), str(exc))
    except json.JSONDecodeError as exc:
        return RecordError(describe(source), f"malformed JSON: {_json_problem(exc)}")
    except RecursionError:
        return RecordError(describe(source), "malformed JSON: nested too deeply")
    return record_from_json(value, source, default_id=f"{file_stem(path)}-{number}", max_bytes=max_bytes)


def file_stem(path: str) -> str:
    """The file's stem, for a local path or a URI ('hdfs://n/x/articles.jsonl' → 'articles')."""
    return PurePosixPath(path.rstrip("/").rsplit("/", 1)[-1]).stem


def read_json_file(file: Path, max_bytes: int) -> Iterator[Outcome]:
    """A .json file holds one record object or a list of them."""
    try:
        check_size(file.stat().st_size, max_bytes)
        data = file.read_bytes()
    except BadRecord as exc:
        yield RecordError(str(file), str(exc))
        return
    yield from json_file_records(data, str(file), max_bytes)


def json_file_records(data: bytes, path: str, max_bytes: int) -> Iterator[Outcome]:
    """The records of a .json file's bytes: one object, or a list of them ('<stem>-<n>' ids by default)."""
    try:
        value = json.loads(decode_bytes(data, max_bytes))
    except BadRecord as exc:
        yield RecordError(path, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield RecordError(path, f"malformed JSON: {_json_problem(exc, with_line=True)}")
        return
    except RecursionError:
        yield RecordError(path, "malformed JSON: nested too deeply")
        return
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            source = Source(kind="json", path=path, line=index)
            yield record_from_json(item, source, default_id=f"{file_stem(path)}-{index}", max_bytes=max_bytes)
    else:
        yield record_from_json(value, Source(kind="json", path=path), default_id=file_stem(path), max_bytes=max_bytes)


def read_parquet(file: Path, max_bytes: int) -> Iterator[Outcome]:
    """Rows of a Parquet file as records ({"id", "text" | "html", "published", "url"}), or, for the articles
    table of a Spark run, the article documents it carries (analysed already: no NLP again)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(file)
        columns = table.schema_arrow.names
        batches = table.iter_batches(batch_size=256, columns=["document"] if "document" in columns else None)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                source = Source(kind="json", path=str(file), line=number)
                if "document" in row:
                    yield json_line_record(row["document"] or "", str(file), number, max_bytes) \
                        or RecordError(describe(source), "empty document")
                else:
                    yield record_from_row(row, str(file), number, max_bytes)
    except (OSError, pa.ArrowException) as exc:
        yield RecordError(str(file), f"not a readable Parquet file: {_one_line(exc)}")


def record_from_row(row: dict[str, Any], path: str, number: int, max_bytes: int) -> Outcome:
    """Row ``number`` of a table of records (Parquet): dates and times as ISO text, '<stem>-<number>' as
    the id when it has none. The Spark job reads Parquet rows with this too."""
    plain = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in row.items()}
    return record_from_json(plain, Source(kind="json", path=path, line=number), f"{file_stem(path)}-{number}",
                            max_bytes)


def record_from_json(value: Any, source: Source, default_id: str, max_bytes: int) -> Outcome:
    """Check a {"id", "text" | "html", "published"?, "url"?} object and make a record of it;
    an article document written by `vigie extract` becomes a record that carries it, analysed already."""
    name = describe(source, value.get("id") if isinstance(value, dict) else None)
    try:
        if not isinstance(value, dict):
            raise BadRecord(f"expected a JSON object, got {type(value).__name__}")
        if "schema_version" in value and "entities" in value:
            return _document_record(value, source)
        text, html = value.get("text"), value.get("html")
        if text is None and html is None:
            raise BadRecord("record has neither 'text' nor 'html'")
        body = text if text is not None else html
        if not isinstance(body, str):
            raise BadRecord(f"'{'text' if text is not None else 'html'}' must be a string")
        check_size(len(body.encode("utf-8", "surrogatepass")), max_bytes)
        check_text(body)
        record_id = value.get("id")
        if record_id is not None and not isinstance(record_id, (str, int)):
            raise BadRecord("'id' must be a string or a number")
        published = value.get("published")
        url = value.get("url")
        if url is not None and not isinstance(url, str):
            raise BadRecord("'url' must be a string")
        for field, given in (("id", record_id), ("url", url)):
            if isinstance(given, str) and given:
                try:
                    given.encode("utf-8")
                except UnicodeEncodeError:
                    raise BadRecord(f"'{field}' is not valid Unicode (lone surrogate)") from None
        return RawRecord(
            id=safe_id(str(record_id)) if record_id is not None else safe_id(default_id),
            source=source,
            text=text,
            html=html if text is None else None,
            published=parse_published(published) if published is not None else None,
            url=url,
        )
    except BadRecord as exc:
        return RecordError(name, str(exc))


def _document_record(value: dict[str, Any], source: Source) -> RawRecord:
    """A record for an article document: its facts are kept, the NLP is not run again."""
    try:
        article = Article.from_dict(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BadRecord(f"not a valid article document: {where}: {first['msg']}") from None
    check_text(article.text)
    return RawRecord(id=safe_id(article.id), source=source, text=article.text, published=article.published,
                     url=article.url, document=article)
