"""The REST API, endpoint by endpoint, on a corpus built from the bundled examples; then property-based
requests from the OpenAPI schema (schemathesis): no request gives a 500."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from vigie.api import create_app

pytestmark = pytest.mark.slow
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def corpus_db(examples_corpus, tmp_path_factory) -> Path:
    """A copy of the examples' corpus: these tests write to it."""
    db = tmp_path_factory.mktemp("api") / "vigie.db"
    shutil.copy(examples_corpus, db)
    return db


@pytest.fixture(scope="module")
def client(corpus_db, pipeline):
    app = create_app(corpus_db, token=TOKEN, pipeline=pipeline)
    with TestClient(app) as test_client:
        assert test_client.app  # lifespan started: the shared pipeline is already warm
        for _ in range(200):
            if test_client.get("/health").json()["model"] == "ready":
                break
        yield test_client


def test_health_version_and_stats(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["model"] == "ready" and health["articles"] >= 13
    assert client.get("/version").json()["database_schema"] >= 3
    assert client.get("/stats").json()["quotes"] > 0


def test_articles_are_paginated_with_a_cursor(client):
    first = client.get("/articles", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_cursor"]
    second = client.get("/articles", params={"limit": 5, "cursor": first["next_cursor"]}).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    article = client.get(f"/articles/{first['items'][0]['id']}").json()
    assert article["text"] and "entities" in article and "copies" in article


def test_entities_quotes_events_counts_and_search(client):
    people = client.get("/entities", params={"type": "PER", "limit": 3}).json()["items"]
    assert people and all(p["type"] == "PER" for p in people)
    profile = client.get("/entities/Macron").json()
    assert profile["name"] == "Emmanuel Macron" and profile["aliases"]
    quotes = client.get("/quotes", params={"speaker": "Macron"}).json()["items"]
    assert quotes and all("Macron" in q["speaker"] for q in quotes)
    assert client.get("/events", params={"type": "ASSAULT"}).json()["items"]
    assert all(c["kind"] == "killed" for c in client.get("/counts", params={"kind": "killed"}).json()["items"])
    hits = client.get("/search", params={"q": "cessez-le-feu"}).json()["items"]
    assert hits and "[" in hits[0]["snippet"]


def test_extract_returns_the_document_and_stores_nothing(client):
    before = client.get("/stats").json()["articles"]
    response = client.post("/extract", json={"text": "Titre\nEmmanuel Macron a reçu Olaf Scholz lundi à Paris.",
                                             "published": "2026-01-05"})
    assert response.status_code == 200, response.text
    assert {e["name"] for e in response.json()["entities"]} >= {"Emmanuel Macron", "Olaf Scholz"}
    assert client.get("/stats").json()["articles"] == before


def test_writes_need_the_token(client):
    record = {"id": "api-test", "text": "Titre neuf\nLe maire de Rennes a inauguré mardi une nouvelle ligne de bus.",
              "published": "2026-01-06"}
    assert client.post("/articles", json=record).status_code == 403
    assert client.post("/articles", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 403
    stored = client.post("/articles", json=[record, {"id": "empty", "text": "   "}],
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert stored.status_code == 200, stored.text
    body = stored.json()
    assert body["ingested"] == 1 and body["failed"] and "empty" in body["failed"][0]["reason"]
    assert client.get("/articles/api-test").status_code == 200


def test_a_server_without_token_is_read_only(corpus_db, pipeline):
    with TestClient(create_app(corpus_db, pipeline=pipeline)) as anonymous:
        response = anonymous.post("/articles", json={"text": "x"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "read_only"


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [
    ("get", "/articles/no-such-article", {}, 404),
    ("get", "/entities/Personne Inconnue", {}, 404),
    ("get", "/articles", {"params": {"limit": 100000}}, 422),
    ("get", "/articles", {"params": {"cursor": "!!!"}}, 400),
    ("get", "/events", {"params": {"type": "PICNIC"}}, 422),
    ("post", "/extract", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
    ("post", "/extract", {"json": {"published": "2026-01-05"}}, 422),
    ("post", "/extract", {"json": {"text": "Titre\nCorps.", "published": "hier"}}, 422),
    ("post", "/extract", {"content": b"x" * 2_000_000, "headers": {"Content-Type": "application/json"}}, 413),
])
def test_errors_have_one_shape_and_the_right_status(client, method, path, kwargs, status):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["message"] and error["code"]


def test_extract_answers_503_while_the_model_loads(corpus_db):
    from vigie.pipeline import Pipeline

    with TestClient(create_app(corpus_db, pipeline=Pipeline(), load_model=False)) as cold:
        response = cold.post("/extract", json={"text": "Titre\nCorps du texte."})
    assert response.status_code == 503 and "loading" in response.json()["error"]["message"]


def test_no_request_makes_the_server_fail(client):
    """Property-based requests from the generated OpenAPI schema, a bounded number per operation."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=True)
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.path}: {response.status_code} {response.text[:99]}"

        check()


def test_vigie_serve_answers_on_loopback(corpus_db):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "vigie.cli", "serve", "--db", str(corpus_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and answer is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/version", timeout=2) as response:
                    answer = response.read().decode()
            except OSError:
                time.sleep(0.3)
        assert answer is not None and '"vigie"' in answer
    finally:
        server.terminate()
        server.wait(timeout=30)
