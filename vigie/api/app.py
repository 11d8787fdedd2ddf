"""The REST API over a corpus and the pipeline.

Reads open the corpus read-only for each request (a running ingest is never blocked); `POST /extract`
analyses one article without storing it; `POST /articles` stores articles, only with the token given at
start-up. Every error is JSON of one shape, ``{"error": {"status", "code", "message"}}``, with its status:
400 malformed, 403 no write access, 404 unknown, 413 too large, 422 invalid, 503 model still loading.
"""

import base64
import binascii
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from vigie.corpus import ingest_records
from vigie.errors import RecordError
from vigie.model import DOCUMENT_VERSION, Article, CountKind, EntityType, EventType, Source
from vigie.pipeline import Pipeline
from vigie.readers.files import record_from_json
from vigie.readers.records import DEFAULT_MAX_BYTES, RawRecord
from vigie.serving import Corpus, ReadyPipeline, ServerState, writer
from vigie.store import DATABASE_VERSION, open_db, queries
from vigie.web import error_page, is_page, static_files
from vigie.web import router as web_router
from vigie.web.maps import outlines

log = logging.getLogger("vigie.api")
MAX_PAGE = 200
Row = dict[str, Any]


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """The one shape of every error."""

    error: ErrorBody


class Page(BaseModel):
    """A page of results and the cursor of the next one (null on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None


class RecordIn(BaseModel):
    """An article to analyse: its text (scraped) or its HTML page, and what is known of it."""

    id: str | None = Field(default=None, max_length=500)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or an ISO date-time")
    url: str | None = Field(default=None, max_length=4000)


class IngestOut(BaseModel):
    ingested: int
    duplicates: int
    near_duplicates: int
    failed: list[dict[str, str]]


class Health(BaseModel):
    status: Literal["ok"]
    model: Literal["ready", "loading", "failed"]
    articles: int


class VersionOut(BaseModel):
    vigie: str
    document_schema: str
    database_schema: int


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


_CODES = {400: "malformed", 403: "read_only", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
          422: "invalid", 503: "unavailable"}


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["o"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise HTTPException(400, "cursor is not one this API gave") from None
    if not isinstance(value, int) or value < 0:
        raise HTTPException(400, "cursor is not one this API gave")
    return value


def _page(rows: list[Row], offset: int, limit: int) -> Page:
    more = len(rows) > limit
    return Page(items=rows[:limit], next_cursor=_cursor(offset + limit) if more else None)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]
EntityTypeQuery = Annotated[EntityType | None, Query()]
EventTypeQuery = Annotated[EventType | None, Query()]
CountKindQuery = Annotated[CountKind | None, Query()]
SearchQuery = Annotated[str, Query(min_length=1, max_length=200)]


def create_app(db_path: str | Path, token: str | None = None, pipeline: Pipeline | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, load_model: bool = True) -> FastAPI:
    """The API for the corpus at ``db_path``; ``token`` enables POST /articles."""
    state = ServerState(Path(db_path), token, pipeline or Pipeline(), max_bytes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if load_model:
            threading.Thread(target=state.warm_up, name="vigie-model", daemon=True).start()
        threading.Thread(target=outlines, args=("50m",), name="vigie-maps", daemon=True).start()
        yield

    app = FastAPI(title="Vigie", version=version("vigie"), lifespan=lifespan,
                  description="Structured facts from French news articles: entities, quotes, dates, events, "
                              "counts. Same field names as the article document of `vigie extract`.",
                  responses={code: {"model": ErrorResponse} for code in (400, 404, 413, 422)})
    app.state.vigie = state

    @app.middleware("http")
    async def limit_and_log(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > state.max_bytes):
            response: Response = _error(413, "too_large", f"request body over {state.max_bytes} bytes")
        else:
            response = await call_next(request)
        log.info("%s %s %d %.1f ms", request.method, request.url.path, response.status_code,
                 1000 * (time.perf_counter() - started))
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if is_page(request):
            return error_page(request, exc.status_code, str(exc.detail))
        return _error(exc.status_code, _CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        if is_page(request):
            return error_page(request, 422, f"Requête invalide ({where}) : {first.get('msg', '')}")
        return _error(422, "invalid", f"{where}: {first.get('msg', 'invalid request')}")

    @app.get("/health", response_model=Health)
    def health(connection: Corpus) -> Health:
        model = "ready" if state.ready.is_set() else "failed" if state.failed else "loading"
        return Health(status="ok", model=model, articles=queries.corpus_stats(connection)["articles"])

    @app.get("/version", response_model=VersionOut)
    def version_info() -> VersionOut:
        return VersionOut(vigie=version("vigie"), document_schema=DOCUMENT_VERSION, database_schema=DATABASE_VERSION)

    @app.get("/stats")
    def stats(connection: Corpus) -> dict[str, Any]:
        return queries.corpus_stats(connection)

    @app.get("/articles", response_model=Page)
    def list_articles(connection: Corpus, since: Day = None, until: Day = None, limit: Limit = 20,
                      cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        return _page(queries.articles(connection, since, until, limit + 1, offset), offset, limit)

    @app.get("/articles/{article_id}")
    def get_article(article_id: str, connection: Corpus) -> dict[str, Any]:
        document = queries.article_document(connection, article_id)
        if document is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return document

    @app.get("/entities", response_model=Page)
    def list_entities(connection: Corpus, type: EntityTypeQuery = None,
                      since: Day = None, limit: Limit = 20, cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        return _page(queries.top_entities(connection, type, since, limit + 1, offset), offset, limit)

    @app.get("/entities/{name}")
    def entity(name: str, connection: Corpus) -> dict[str, Any]:
        profile = queries.entity_profile(connection, name)
        if profile is None:
            raise HTTPException(404, f"no entity called {name!r}")
        return profile

    @app.get("/quotes", response_model=Page)
    def list_quotes(connection: Corpus, speaker: Text = None, words: Text = None, limit: Limit = 20,
                    cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        rows = queries.quotes(connection, speaker=speaker, search=words, limit=limit + 1, offset=offset)
        return _page(rows, offset, limit)

    @app.get("/events", response_model=Page)
    def list_events(connection: Corpus, type: EventTypeQuery = None,
                    place: Text = None, since: Day = None, until: Day = None, limit: Limit = 20,
                    cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        return _page(queries.events(connection, type, place, since, until, limit=limit + 1, offset=offset),
                     offset, limit)

    @app.get("/counts", response_model=Page)
    def list_counts(connection: Corpus, kind: CountKindQuery = None, since: Day = None,
                    until: Day = None, limit: Limit = 20, cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        return _page(queries.counts(connection, kind, since, until, limit + 1, offset), offset, limit)

    @app.get("/search", response_model=Page)
    def search(connection: Corpus, q: SearchQuery, limit: Limit = 20,
               cursor: Cursor = None) -> Page:
        offset = _offset(cursor)
        return _page(queries.search(connection, q, limit + 1, offset), offset, limit)

    def record_of(body: RecordIn, default_id: str) -> RawRecord:
        outcome = record_from_json(body.model_dump(exclude_none=True), Source(kind="json", path="<api>"),
                                   default_id, state.max_bytes)
        if isinstance(outcome, RecordError):
            raise HTTPException(422, outcome.reason)
        return outcome

    @app.post("/extract", response_model=Article, response_model_exclude_none=False)
    def extract(body: RecordIn, pipeline: ReadyPipeline) -> Article:
        """Analyse one article (text or HTML) and return its document; nothing is stored."""
        record = record_of(body, "article")
        with state.extract_lock:  # one analysis at a time: the model is shared
            outcome = next(pipeline.process([record]))
        if isinstance(outcome, RecordError):
            raise HTTPException(422, outcome.reason)
        return outcome

    @app.post("/articles", response_model=IngestOut, dependencies=[Depends(writer)])
    def add_articles(body: RecordIn | list[RecordIn], pipeline: ReadyPipeline) -> IngestOut:
        """Analyse and store one or many articles (a bad one is reported, the others stored)."""
        items = body if isinstance(body, list) else [body]
        if len(items) > MAX_PAGE:
            raise HTTPException(413, f"at most {MAX_PAGE} articles a request")
        records: list[RawRecord | RecordError] = []
        for number, item in enumerate(items, start=1):
            try:
                records.append(record_of(item, f"api-{number}"))
            except HTTPException as exc:
                records.append(RecordError(f"item {number}", str(exc.detail)))
        with state.write_lock, state.extract_lock:
            connection = open_db(state.db_path)
            try:
                summary = ingest_records(connection, records, pipeline, progress=False)
            finally:
                connection.close()
        return IngestOut(ingested=summary.ingested, duplicates=summary.duplicates,
                         near_duplicates=summary.near_duplicates,
                         failed=[{"record": e.name, "reason": e.reason} for e in summary.failed])

    app.include_router(web_router)
    app.mount("/static", static_files(), name="static")
    return app
