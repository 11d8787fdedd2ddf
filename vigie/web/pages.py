"""The web pages, in French: server-rendered (Jinja2) over the same read-only corpus and pipeline as the API.

Every page works without a script; every asset (style, map outlines) is in the package, so the UI runs
offline and asks nothing of another host.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from vigie.corpus import ingest_records
from vigie.errors import RecordError
from vigie.model import Article, Source
from vigie.readers.files import read_bytes
from vigie.readers.records import BadRecord, RawRecord, parse_published
from vigie.serving import Corpus, ServerState, server_state, token_matches
from vigie.store import open_db, queries
from vigie.web import labels
from vigie.web.charts import bar_chart
from vigie.web.highlight import UNKNOWN_SPEAKER, entity_href, highlight, quote_anchor
from vigie.web.maps import WORLD_URL, MapPoint, world_map, world_svg

PAGE_SIZE = 20
PERIOD_DAYS = 30
PAGE_PREFIXES = ("/recherche", "/article/", "/entite/", "/citations", "/evenements", "/analyser")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

templates = Jinja2Templates(directory=str(Path(str(files("vigie.web").joinpath("templates")))))
templates.env.globals.update(labels=labels, entity_href=entity_href, quote_anchor=quote_anchor,
                             unknown_speaker=UNKNOWN_SPEAKER)
templates.env.filters["snippet"] = lambda text: Markup(  # FTS5's snippet() marks a match [like this]
    re.sub(r"\[([^\[\]<]*)\]", r"<mark>\1</mark>", str(escape(text))))
router = APIRouter(include_in_schema=False)
OptionalText = Annotated[str, Query(max_length=200)]


def static_files() -> StaticFiles:
    """The style sheet and other assets, served from the package."""
    return StaticFiles(directory=str(Path(str(files("vigie.web").joinpath("static")))))


def is_page(request: Request) -> bool:
    """Whether a request is for a web page (its errors are pages too) rather than the API."""
    path = request.url.path
    return path == "/" or path.startswith(PAGE_PREFIXES)


def error_page(request: Request, status: int, message: str) -> Response:
    """An error as a page of the site, with its status."""
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _day(value: str, notes: list[str], name: str) -> str | None:
    """A YYYY-MM-DD filter, or None with a note saying why it was ignored."""
    value = value.strip()
    if not value:
        return None
    if _DAY.match(value):
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    notes.append(f"{name} ignorée : « {value} » n'est pas une date AAAA-MM-JJ.")
    return None


def _paged(rows: list[dict[str, Any]], page: int) -> tuple[list[dict[str, Any]], int | None]:
    """The rows of a page (fetched one over) and the number of the next page, if any."""
    return rows[:PAGE_SIZE], page + 1 if len(rows) > PAGE_SIZE else None


def _points(places: list[dict[str, Any]]) -> list[MapPoint]:
    return [MapPoint(p["name"], p["lat"], p["lon"], p.get("events", 1), entity_href(p["key"]))
            for p in places if p.get("lat") is not None and p.get("lon") is not None]


@router.get(WORLD_URL)
def world_outlines() -> Response:
    """The world's outlines that every world-wide map draws under its points (kept by the browser a day)."""
    return Response(world_svg(), media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request, connection: Corpus) -> Response:
    latest = queries.latest_day(connection)
    since = (dt.date.fromisoformat(latest[:10]) - dt.timedelta(days=PERIOD_DAYS - 1)).isoformat() if latest else None
    top = {kind: queries.top_entities(connection, kind, since=since, top=8) for kind in labels.ENTITY_TYPES}
    per_day = queries.articles_per_day(connection)
    chart = bar_chart([(r["day"], r["articles"]) for r in per_day], "Articles publiés par jour", "articles")
    return templates.TemplateResponse(request, "home.html", {
        "stats": queries.corpus_stats(connection), "since": since, "latest": latest, "top": top, "chart": chart,
        "events": queries.events(connection, limit=8), "quotes": queries.quotes(connection, limit=6),
        "articles": queries.articles(connection, limit=8)})


@router.get("/recherche", response_class=HTMLResponse)
def search_page(request: Request, connection: Corpus, q: OptionalText = "",
                page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    offset = (page - 1) * PAGE_SIZE
    if q.strip():
        rows = queries.search(connection, q, PAGE_SIZE + 1, offset)
    else:
        rows = queries.articles(connection, limit=PAGE_SIZE + 1, offset=offset)
    results, next_page = _paged(rows, page)
    return templates.TemplateResponse(request, "search.html", {
        "q": q, "results": results, "page": page, "next_page": next_page})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, connection: Corpus) -> Response:
    document = queries.article_document(connection, article_id)
    if document is None:
        return error_page(request, 404, f"Aucun article « {article_id} » dans ce corpus.")
    return templates.TemplateResponse(request, "article.html", _article_context(document))


def _article_context(document: dict[str, Any]) -> dict[str, Any]:
    """What the article template shows: the body highlighted, and the facts listed beside it."""
    entities = {e["id"]: e for e in document.get("entities", [])}
    blocks = document.get("blocks") or []
    # the body: from its first paragraph, or else after the headline, caption and credit shown above it
    body_start = blocks[0]["start"] if blocks else max(
        (document[k]["end"] for k in ("title_span", "caption_span", "credit_span") if document.get(k)), default=0)
    places = [MapPoint(e["name"], e["place"]["lat"], e["place"]["lon"], len(e["mentions"]), entity_href(e["key"]))
              for e in entities.values() if e.get("place") and e["place"].get("lat") is not None]
    return {"doc": document, "body": highlight(document, body_start), "entities": entities,
            "people": sorted(entities.values(), key=lambda e: (-len(e["mentions"]), e["name"])),
            "map": world_map(places, "Lieux cités dans l'article") if places else None}


@router.get("/entite/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, key: str, connection: Corpus) -> Response:
    profile = queries.entity_profile_by_key(connection, key, limit=20)
    if profile is None:
        found = queries.find_entity_keys(connection, key)  # a name typed in the address bar
        if found:
            return RedirectResponse(entity_href(found[0]), status_code=303)
        return error_page(request, 404, f"Aucune entité « {key} » dans ce corpus.")
    chart = bar_chart([(r["day"], r["mentions"]) for r in profile["mentions_per_day"] if r["day"]],
                      f"Mentions de {profile['name']} par jour", "mentions")
    map_svg = None
    if profile["type"] == "LOC" and profile.get("lat") is not None:
        map_svg = world_map([MapPoint(profile["name"], profile["lat"], profile["lon"])],
                            f"{profile['name']} sur la carte")
    return templates.TemplateResponse(request, "entity.html", {"e": profile, "chart": chart, "map": map_svg})


@router.get("/citations", response_class=HTMLResponse)
def quotes_page(request: Request, connection: Corpus, locuteur: OptionalText = "", mots: OptionalText = "",
                page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    rows = queries.quotes(connection, speaker=locuteur.strip() or None, search=mots.strip() or None,
                          limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    results, next_page = _paged(rows, page)
    return templates.TemplateResponse(request, "quotes.html", {
        "locuteur": locuteur, "mots": mots, "results": results, "page": page, "next_page": next_page})


@router.get("/evenements", response_class=HTMLResponse)
def events_page(request: Request, connection: Corpus, categorie: OptionalText = "", lieu: OptionalText = "",
                depuis: OptionalText = "", jusqua: OptionalText = "",
                page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    notes: list[str] = []
    category = categorie.strip().upper() or None
    if category and category not in labels.EVENT_TYPES:
        notes.append(f"Catégorie ignorée : « {categorie} » n'est pas une catégorie PLOVER.")
        category = None
    since, until = _day(depuis, notes, "Date de début"), _day(jusqua, notes, "Date de fin")
    place = lieu.strip() or None
    rows = queries.events(connection, category, place, since, until, limit=PAGE_SIZE + 1,
                          offset=(page - 1) * PAGE_SIZE)
    results, next_page = _paged(rows, page)
    places = queries.event_places(connection, category, place, since, until)
    map_svg = world_map(_points(places), "Lieux des événements") if places else None
    return templates.TemplateResponse(request, "events.html", {
        "categorie": category or "", "lieu": lieu, "depuis": depuis, "jusqua": jusqua, "notes": notes,
        "results": results, "page": page, "next_page": next_page, "map": map_svg, "places": places})


@router.get("/analyser", response_class=HTMLResponse)
def analyse_form(request: Request) -> Response:
    return templates.TemplateResponse(request, "analyse.html", _analyse_context(server_state(request)))


def _analyse_context(state: ServerState, **extra: Any) -> dict[str, Any]:
    return {"can_store": state.token is not None, "ready": state.ready.is_set(), "texte": "", "titre": "",
            "publie": "", "url": "", **extra}


@router.post("/analyser", response_class=HTMLResponse)
def analyse(request: Request, texte: Annotated[str, Form(max_length=2_000_000)] = "",
            titre: Annotated[str, Form(max_length=1000)] = "",
            fichier: Annotated[UploadFile | None, File()] = None,
            publie: Annotated[str, Form(max_length=40)] = "", url: Annotated[str, Form(max_length=4000)] = "",
            jeton: Annotated[str, Form(max_length=500)] = "", enregistrer: Annotated[str, Form()] = "") -> Response:
    """Analyse a pasted text or an uploaded file and show it highlighted; store it only with the token."""
    state = server_state(request)
    form = {"texte": texte, "titre": titre, "publie": publie, "url": url}

    def again(status: int, message: str) -> Response:
        return templates.TemplateResponse(request, "analyse.html", _analyse_context(state, error=message, **form),
                                          status_code=status)

    if not state.ready.is_set():
        return again(503, "Le modèle de langue est encore en cours de chargement : réessayez dans un instant.")
    record = _record(texte, titre, fichier, state.max_bytes)
    if isinstance(record, RecordError):
        return again(422, record.reason)
    try:
        published = parse_published(publie) if publie.strip() else record.published
    except BadRecord as exc:
        return again(422, f"Date de publication : {exc}")
    record = replace(record, published=published, url=url.strip() or record.url)
    if enregistrer:
        if not token_matches(state, jeton):
            return again(403, "Jeton invalide : l'article n'a pas été enregistré.")
        with state.write_lock, state.extract_lock:
            connection = open_db(state.db_path)
            stored: list[str | None] = []
            try:
                summary = ingest_records(connection, [record], state.pipeline, progress=False,
                                         on_stored=lambda _url, article_id: stored.append(article_id))
                known = stored[0] if stored and stored[0] else _stored_id(connection, record)  # already there
            finally:
                connection.close()
        if summary.failed:
            return again(422, summary.failed[0].reason)
        if known:
            return RedirectResponse(f"/article/{known}", status_code=303)
    with state.extract_lock:  # one analysis at a time: the model is shared
        outcome = next(state.pipeline.process([record]))
    if isinstance(outcome, RecordError):
        return again(422, outcome.reason)
    context = _analyse_context(state, **form, result=_article_context(_as_document(outcome)))
    return templates.TemplateResponse(request, "analyse.html", context)


def _record(text: str, title: str, upload: UploadFile | None, max_bytes: int) -> RawRecord | RecordError:
    """The article to analyse: the uploaded file (text, HTML or a JSON record) or else the pasted text,
    under its headline when one is given (a scraped text's first line is its headline)."""
    if upload is not None and upload.filename:
        data = upload.file.read(max_bytes + 1)
        outcome = next(read_bytes(data, upload.filename, "analyse", max_bytes), None)
        return outcome or RecordError(upload.filename, "le fichier ne contient aucun article")
    if not text.strip():
        return RecordError("texte", "Collez un texte ou choisissez un fichier à analyser.")
    if title.strip():
        text = f"{' '.join(title.split())}\n{text.strip()}"
    return RawRecord(id="analyse", source=Source(kind="txt", path="<analyser>"), text=text)


def _stored_id(connection: sqlite3.Connection, record: RawRecord) -> str | None:
    row = connection.execute("SELECT id FROM articles WHERE source_hash = ?", (record.source_hash,)).fetchone()
    return str(row[0]) if row else None


def _as_document(article: Article) -> dict[str, Any]:
    document: dict[str, Any] = article.model_dump(mode="json")
    document.update(copies=[], copy_of=None)
    return document
