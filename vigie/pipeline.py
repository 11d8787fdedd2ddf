"""The ordered stages that turn a raw record into an analysed article.

1. structure: headline, caption and credit, paragraphs (text or HTML);
2. spaCy: one Doc per article, over ``Article.text``, in batches;
3. extraction stages, by name and in order, each enriching the article.

Stages register themselves with :func:`register_stage`, declaring the fields
they require and assign; a pipeline checks the order when it is built. A
record that carries an article document analysed before skips steps 2 and 3.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

import vigie.extract  # noqa: F401  (registers the extraction stages)
from vigie.errors import BadRecord, RecordError, describe
from vigie.model import Article, Source, content_hash
from vigie.nlp import DEFAULT_MODEL, load_nlp, pipe_by_line
from vigie.readers.records import RawRecord
from vigie.stages import STAGES, Stage, check_order, register_stage
from vigie.structure import Layout, parse_scraped_text
from vigie.structure.html import parse_html

# Extraction stages in the order they run; later stages may read what earlier ones wrote.
DEFAULT_STAGES: tuple[str, ...] = ("entities", "places", "dates", "quotes", "events", "counts")
DEFAULT_RECORD_TIMEOUT = 120.0  # seconds of extraction stages one record may take
_PRIMER = ("Grève à Lyon : trois blessés\n\nLa maire de Lyon, Marie Durand, a déclaré lundi 3 mars 2025 : "
           "« Nous ne céderons pas. » Quelque 2 000 manifestants ont défilé en France et en Belgique.\n")


class RecordTimeout(BaseException):
    """A record ran past its time budget (a BaseException, so no stage's own handler swallows it)."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise RecordTimeout in the block after ``seconds`` (main thread of a Unix process; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise RecordTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def build_article(record: RawRecord) -> Article:
    """Step 1: the article skeleton (structure, metadata, content hash) from a raw record."""
    if record.document is not None:
        return record.document.model_copy(update={"source_hash": record.source_hash})
    published, url = record.published, record.url
    layout: Layout
    if record.html is not None:
        page = parse_html(record.html)
        layout = page.layout
        published = published or page.published or record.fallback_published
        url = url or page.url
    else:
        layout = parse_scraped_text(record.text or "")
        published = published or record.fallback_published
    if not layout.text.strip():
        raise BadRecord("no text left after clean-up")
    return Article(
        id=record.id,
        url=url,
        published=published,
        title=layout.part(layout.title),
        title_span=layout.title,
        caption=layout.part(layout.caption),
        caption_span=layout.caption,
        credit=layout.part(layout.credit),
        credit_span=layout.credit,
        blocks=layout.blocks,
        text=layout.text,
        content_hash=content_hash(layout.text),
        source_hash=record.source_hash,
        source=record.source,
    )


@dataclass
class Pipeline:
    """Stages to run and the spaCy model they share; light to build, heavy on ``warm_up``."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    model: str = DEFAULT_MODEL
    batch_size: int = 16
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT
    _nlp: Language | None = field(default=None, init=False, repr=False)
    _steps: list[Stage] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._steps = check_order(self.stages)

    def warm_up(self) -> Language:
        """Load the spaCy model (once per process)."""
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    def prime(self) -> Article | RecordError:
        """Load all the stages read (the model, the lexicons, the gazetteer's index) by analysing a paragraph
        of our own, returned: processes forked afterwards share it instead of each loading a copy, and the
        first real article pays nothing."""
        [primer] = self.process([RawRecord(id="primer", source=Source(kind="txt"), text=_PRIMER)])
        return primer

    @property
    def steps(self) -> tuple[Stage, ...]:
        """The extraction stages, in the order they run."""
        return tuple(self._steps)

    def enrich(self, article: Article, doc: Doc) -> Article:
        """Step 3: run the extraction stages over one article."""
        for stage in self._steps:
            stage.function(article, doc)
        return article

    def process(self, records: Iterable[RawRecord | RecordError]) -> Iterator[Article | RecordError]:
        """Analyse records in batches, in order; a record that fails becomes a RecordError.

        The model is loaded on the first record that needs it: documents analysed before need none.
        """
        batch: list[Pending] = []
        for record in records:
            if isinstance(record, RecordError):
                batch.append(Pending(record, analysed=True))
            else:
                batch.append(Pending(_skeleton(record), analysed=record.document is not None))
            if len(batch) >= self.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _finish(self, batch: list[Pending]) -> Iterator[Article | RecordError]:
        todo = [p.item for p in batch if not p.analysed and isinstance(p.item, Article)]
        docs = pipe_by_line(self.warm_up(), [a.text for a in todo], batch_size=4 * self.batch_size) if todo else None
        for pending in batch:
            item = pending.item
            if pending.analysed or isinstance(item, RecordError) or docs is None:
                yield item
                continue
            doc = next(docs)
            outcome: Article | RecordError
            try:
                with time_budget(self.record_timeout):
                    outcome = self.enrich(item, doc)
            except RecordTimeout:
                outcome = RecordError(_article_name(item), f"took longer than {self.record_timeout:g} s to analyse "
                                                           "(raise --record-timeout)")
            except Exception as exc:  # a bug on one article must not sink the batch
                outcome = RecordError(_article_name(item), f"extraction failed: {type(exc).__name__}: {exc}")
            yield outcome


@dataclass
class Pending:
    """A batch entry: an article skeleton to analyse, or an error or a finished document to pass on."""

    item: Article | RecordError
    analysed: bool


def _skeleton(record: RawRecord) -> Article | RecordError:
    try:
        return build_article(record)
    except BadRecord as exc:
        return RecordError(record.name, str(exc))


def _article_name(article: Article) -> str:
    return describe(article.source, article.id) if article.source else article.id


def extract_text(text: str, published: str | None = None, article_id: str = "article",
                 pipeline: Pipeline | None = None) -> Article:
    """Analyse one scraped text: the library entry point for a single article."""
    record = RawRecord(id=article_id, source=Source(kind="txt"), text=text, published=published)
    result = next((pipeline or Pipeline()).process([record]))
    if isinstance(result, RecordError):
        raise BadRecord(result.reason)
    return result


__all__ = ["DEFAULT_STAGES", "STAGES", "Pipeline", "build_article", "extract_text", "register_stage"]
