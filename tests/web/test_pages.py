"""The web pages over a corpus of the bundled examples, through the ASGI client: every page answers, links
lead where they say, filters filter, errors are pages, Analyser highlights without storing (or stores
with the token)."""

from __future__ import annotations

import re
import shutil
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from vigie.api import create_app
from vigie.store import open_readonly, queries

pytestmark = pytest.mark.slow
TOKEN = "jeton-de-test"
TEXT = ("Six interpellations à Marseille\n\nLe ministre de l'Intérieur, Laurent Nuñez, a annoncé mardi "
        "à Marseille l'interpellation de six personnes. "
        "« Nous ne lâcherons rien », a-t-il déclaré. « Ce sera long », a prévenu un témoin.")


@pytest.fixture(scope="module")
def client(examples_corpus, tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("web") / "vigie.db"
    shutil.copy(examples_corpus, db)
    with TestClient(create_app(db, token=TOKEN, pipeline=pipeline)) as test_client:
        for _ in range(200):
            if test_client.get("/health").json()["model"] == "ready":
                break
        yield test_client


def _links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"#]*)', html)


def test_every_page_answers_in_french_with_only_local_assets(client):
    for path in ("/", "/recherche", "/citations", "/evenements", "/analyser"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        html = response.text
        assert '<html lang="fr">' in html and "<main" in html
        assert not re.findall(r'(?:src|href)="(?:https?:)?//', html.split("</header>")[0])
        assert not re.findall(r'<(?:script|img|link)[^>]+(?:src|href)="(?:https?:)?//', html)
    assert client.get("/static/vigie.css").status_code == 200
    assert client.get("/carte/monde.svg").headers["content-type"].startswith("image/svg+xml")


def test_home_shows_the_corpus_chart_top_entities_and_latest_facts(client):
    html = client.get("/").text
    assert 'class="chart"' in html and "Articles par jour" in html
    assert _links(html, "/entite/") and _links(html, "/article/")
    assert "Derniers événements" in html and "Dernières citations" in html


def test_an_article_links_its_entities_to_their_profiles(client):
    html = client.get("/article/seed-coalition-paris").text
    assert 'class="quote' in html and "data-speaker=" in html and '<time class="date"' in html
    profiles = _links(html, "/entite/")
    assert profiles
    for href in sorted(set(profiles))[:15]:
        profile = client.get(href)
        assert profile.status_code == 200, href
        key = unquote(href.removeprefix("/entite/"))
        assert key.split(":")[0] in profile.text  # the profile of that entity's type


def test_a_place_profile_has_a_map_and_a_person_profile_her_quotes(client):
    paris = client.get("/entite/Paris", follow_redirects=True)
    assert paris.status_code == 200 and 'class="map"' in paris.text and "<circle" in paris.text
    macron = client.get("/entite/Macron", follow_redirects=True).text
    assert "Emmanuel Macron" in macron and "Mentions par jour" in macron and "Citations de Emmanuel Macron" in macron


def test_quotes_search_by_speaker_and_words_links_to_the_sentence(client):
    by_speaker = client.get("/citations", params={"locuteur": "Macron"}).text
    anchors = re.findall(r'href="/article/([^"#]+)#c-(\d+)"', by_speaker)
    assert anchors
    article_id, start = anchors[0]
    assert f'id="c-{start}"' in client.get(f"/article/{article_id}").text
    assert "Aucune citation" in client.get("/citations", params={"mots": "zzzz introuvable"}).text


def test_events_filter_by_category_place_and_dates(client, examples_corpus):
    connection = open_readonly(examples_corpus)
    assault = queries.events(connection, "ASSAULT", limit=500)
    html = client.get("/evenements", params={"categorie": "ASSAULT"}).text
    assert html.count("<tr>") - 1 == min(len(assault), 20)  # one header row
    assert "Violence armée" in html and "Coopération</span>" not in html
    bad = client.get("/evenements", params={"depuis": "hier", "categorie": "NOPE"}).text
    assert "Date de début ignorée" in bad and "Catégorie ignorée" in bad
    none = client.get("/evenements", params={"depuis": "2999-01-01"}).text
    assert "Aucun événement ne correspond" in none and 'class="map"' not in none


def test_errors_are_pages_with_their_status(client):
    missing = client.get("/article/nope")
    assert missing.status_code == 404 and "<html" in missing.text and "nope" in missing.text
    assert client.get("/entite/PER:personne inconnue").status_code == 404
    invalid = client.get("/citations", params={"page": "0"})
    assert invalid.status_code == 422 and "<html" in invalid.text
    assert client.get("/articles/nope").json()["error"]["status"] == 404  # the API's errors stay JSON


def test_analyser_highlights_a_pasted_text_without_storing_it(client):
    before = client.get("/stats").json()["articles"]
    html = client.post("/analyser", data={"texte": TEXT, "publie": "2026-03-03"}).text
    assert 'class="ent PER"' in html and "Laurent Nuñez" in html and 'class="count"' in html
    assert 'data-speaker="Laurent Nuñez"' in html and 'data-speaker="un témoin"' in html
    assert client.get("/stats").json()["articles"] == before
    uploaded = client.post("/analyser", files={"fichier": ("article.txt", TEXT.encode(), "text/plain")}).text
    assert 'class="ent PER"' in uploaded


def test_analyser_takes_a_headline_apart_from_a_one_paragraph_text(client):
    paragraph = TEXT.split("\n\n", 1)[1]
    html = client.post("/analyser", data={"texte": paragraph, "titre": "Marseille : six interpellations"}).text
    assert "<h1>Marseille : six interpellations</h1>" in html
    assert 'data-speaker="Laurent Nuñez"' in html  # the paragraph is the body, its quotes attributed


def test_analyser_explains_what_is_wrong(client):
    empty = client.post("/analyser", data={"texte": "  "})
    assert empty.status_code == 422 and "Collez un texte" in empty.text
    bad_date = client.post("/analyser", data={"texte": TEXT, "publie": "demain"})
    assert bad_date.status_code == 422 and "Date de publication" in bad_date.text


def test_analyser_stores_only_with_the_token(client):
    before = client.get("/stats").json()["articles"]
    refused = client.post("/analyser", data={"texte": TEXT, "enregistrer": "1", "jeton": "faux"})
    assert refused.status_code == 403 and client.get("/stats").json()["articles"] == before
    stored = client.post("/analyser", data={"texte": TEXT, "enregistrer": "1", "jeton": TOKEN},
                         follow_redirects=False)
    assert stored.status_code == 303 and stored.headers["location"].startswith("/article/")
    assert client.get("/stats").json()["articles"] == before + 1
    assert "Laurent Nuñez" in client.get(stored.headers["location"]).text
    again = client.post("/analyser", data={"texte": TEXT, "enregistrer": "1", "jeton": TOKEN},
                        follow_redirects=False)
    assert again.headers["location"] == stored.headers["location"]  # known already: the same article


def test_search_marks_the_matches(client):
    html = client.get("/recherche", params={"q": "Ukraine"}).text
    assert "<mark>Ukraine</mark>" in html and "[Ukraine]" not in html


def test_a_speaker_shows_how_it_was_found_and_a_guess_is_marked(client, examples_corpus):
    connection = open_readonly(examples_corpus)
    rows = queries.quotes(connection, limit=500)
    attributed = [r for r in rows if r["attribution"]]
    assert attributed and all(0 < r["confidence"] <= 1 for r in attributed)
    html = client.get("/citations", params={"limite": 500}).text
    assert re.search(r'class="how[^"]*" title="[^"]+, juste \d+ fois sur 100"', html)
    article = client.get(f"/article/{attributed[0]['article_id']}").text
    assert "fois sur 100)" in article  # in the highlighted text's title too
