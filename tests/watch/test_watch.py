"""Watching a local news site: feeds, sitemaps and OPML, every bad case, rounds, ETags and state."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from tests.watch.conftest import Route, Site, article_page
from vigie.cli import main
from vigie.store import open_db
from vigie.watch.feeds import parse_listing
from vigie.watch.http import PoliteClient, Politeness
from vigie.watch.service import Watcher, parse_duration
from vigie.watch.sources import WatchedSource, read_sources

pytestmark = pytest.mark.slow

FAST = Politeness(timeout=2.0, retries=1, backoff=0.01, per_host_interval=0.0, max_bytes=2_000_000)


def rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link>"
                    f"<pubDate>Mon, 05 Jan 2026 08:00:00 GMT</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>{items}</channel></rss>').encode()


def atom(site: Site, paths: list[str]) -> bytes:
    entries = "".join(f'<entry><title>{p}</title><link href="{site.url(p)}"/><id>{p}</id>'
                      f"<updated>2026-01-06T10:00:00Z</updated></entry>" for p in paths)
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Local</title>{entries}</feed>'.encode()


def news_sitemap(site: Site, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{site.url(p)}</loc><news:news><news:publication_date>2026-01-07T09:00:00+01:00"
                   f"</news:publication_date><news:title>{p}</news:title></news:news></url>" for p in paths)
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


@pytest.fixture
def newsroom(site: Site) -> Site:
    page = article_page
    site.routes.update({
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/a/un": Route(page("Vannes vote son budget").encode()),
        "/a/deux": Route(page("Lorient rénove son port").encode()),
        "/a/trois": Route(page("Quimper ouvre une crèche").encode()),
        "/a/quatre": Route(page("Brest inaugure un tramway").encode()),
        "/a/latin": Route(page("Saint-Brieuc élit son maire", charset=None).encode("cp1252"),
                          content_type="text/html"),
        "/a/panne": Route(b"oops", status=500),
        "/a/lent": Route(page("Trop lent").encode(), delay=5.0),
        "/a/boucle": Route(status=302, headers={"Location": "/a/boucle2"}),
        "/a/boucle2": Route(status=302, headers={"Location": "/a/boucle"}),
        "/a/rapport.pdf": Route(b"%PDF-1.4 ...", content_type="application/pdf"),
        "/a/enorme": Route(b"<html><body>" + b"x" * 20_000_000 + b"</body></html>"),
        "/private/secret": Route(page("Secret").encode()),
        "/feeds/casse.xml": Route(b"<rss><channel><item><title>sans fin", content_type="application/xml"),
    })
    site.routes["/feeds/rss.xml"] = Route(rss(site, ["/a/un", "/a/deux", "/a/absent", "/a/panne", "/a/lent",
                                                     "/a/boucle", "/a/rapport.pdf", "/a/enorme", "/a/latin",
                                                     "/private/secret"]), content_type="application/rss+xml")
    site.routes["/feeds/atom.xml"] = Route(atom(site, ["/a/trois", "/a/un"]), content_type="application/atom+xml",
                                           etag='"v1"')
    site.routes["/sitemap-news.xml"] = Route(news_sitemap(site, ["/a/quatre"]), content_type="application/xml")
    return site


def watcher(site: Site, db, pipeline, paths=("/feeds/rss.xml", "/feeds/atom.xml", "/sitemap-news.xml",
                                              "/feeds/casse.xml")) -> Watcher:
    sources = [WatchedSource(site.url(p), label=p.rsplit("/", 1)[-1], tags=("test",)) for p in paths]
    return Watcher(open_db(db), sources, pipeline, PoliteClient(FAST))


def stored(db) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT url, title FROM articles"))


def outcomes(db) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return {url.rsplit("/", 1)[-1]: (status, reason)
                for url, status, reason in connection.execute("SELECT url, status, reason FROM fetched_urls")}


def test_a_round_ingests_exactly_the_good_articles_and_records_every_failure(newsroom, tmp_path, pipeline):
    db = tmp_path / "watch.db"
    report = watcher(newsroom, db, pipeline).round()
    titles = set(stored(db).values())
    assert titles == {"Vannes vote son budget", "Lorient rénove son port", "Quimper ouvre une crèche",
                      "Brest inaugure un tramway", "Saint-Brieuc élit son maire"}
    seen = outcomes(db)
    assert seen["absent"] == ("failed", "HTTP 404")
    assert seen["panne"] == ("failed", "HTTP 500")
    assert seen["lent"] == ("failed", "timeout")
    assert seen["boucle"][1] == "redirect loop"
    assert seen["rapport.pdf"][1].startswith("not html")
    assert seen["enorme"][1].startswith("too large")
    assert seen["secret"] == ("failed", "disallowed by robots.txt")
    assert newsroom.hits["/private/secret"] == 0
    assert newsroom.hits["/a/un"] == 1  # listed by two feeds, fetched once
    assert newsroom.hits["/a/panne"] == 1 + FAST.retries  # a server error is retried, with a pause
    assert report.ingested == 5 and report.new_entries == 12
    assert "feed" in report.failures  # the broken feed
    with sqlite3.connect(db) as connection:
        broken = connection.execute(
            "SELECT error_count, last_error FROM sources WHERE url LIKE '%casse%'").fetchone()
        assert broken[0] == 1 and broken[1].startswith("feed: not a readable feed")
        published = dict(connection.execute("SELECT title, published FROM articles"))
    assert published["Brest inaugure un tramway"] == "2026-01-07"  # from the sitemap: the page has none
    assert published["Vannes vote son budget"] == "2026-01-05"  # from the RSS entry


def test_the_next_round_fetches_only_new_items_and_honours_etags(newsroom, tmp_path, pipeline):
    db = tmp_path / "watch.db"
    first = watcher(newsroom, db, pipeline)
    first.round()
    hits = dict(newsroom.hits)
    newsroom.routes["/a/cinq"] = Route(article_page("Lannion ferme une route").encode())
    newsroom.routes["/feeds/rss.xml"].body = rss(newsroom, ["/a/cinq", "/a/un", "/a/deux", "/a/panne"])
    report = watcher(newsroom, db, pipeline).round()  # a restart: the state is in the corpus
    assert report.ingested == 1 and "Lannion ferme une route" in stored(db).values()
    assert newsroom.not_modified["/feeds/atom.xml"] == 1 and report.unchanged >= 1
    for path, count in hits.items():
        if path.startswith("/a/"):
            assert newsroom.hits[path] == count, f"{path} fetched again"


def test_watch_and_sources_commands(newsroom, tmp_path):
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# local\n{newsroom.url('/feeds/rss.xml')} \"Le Local\" #bretagne #test\n"
                       f"{newsroom.url('/sitemap-news.xml')}\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(main, ["watch", str(listing), "--db", str(db), "--once", "--host-delay", "0",
                                       "--timeout", "2"])
    assert result.exit_code == 0, result.output
    assert "4 ingested" in result.output and "HTTP 404" in result.output
    listed = CliRunner().invoke(main, ["sources", "--db", str(db), "--json"])
    rows = {row["url"]: row for row in json.loads(listed.output)}
    assert rows[newsroom.url("/feeds/rss.xml")]["label"] == "Le Local"
    assert rows[newsroom.url("/feeds/rss.xml")]["articles"] == 3


def test_sources_files_and_opml(tmp_path):
    text = tmp_path / "list.txt"
    text.write_text("https://a.example/rss  Ouest #regional\n# comment\n\nhttps://b.example/sitemap.xml\n")
    assert read_sources(text) == [WatchedSource("https://a.example/rss", "Ouest", ("regional",)),
                                  WatchedSource("https://b.example/sitemap.xml")]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="Presse">'
                    '<outline text="Le Local" xmlUrl="https://c.example/feed"/></outline></body></opml>')
    assert read_sources(opml) == [WatchedSource("https://c.example/feed", "Le Local", ("Presse",))]


def test_listings_rss_atom_rdf_and_sitemap_index():
    rdf = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           b'xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel>'
           b'<item><title>x</title><link>https://r.example/1</link></item></rdf:RDF>')
    assert [e.url for e in parse_listing(rdf).entries] == ["https://r.example/1"]
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             b"<loc>https://s.example/news.xml</loc></sitemap></sitemapindex>")
    assert parse_listing(index).sitemaps == ["https://s.example/news.xml"]


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("1h", 3600), ("30", 30)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_requests_to_one_host_are_spaced_and_name_vigie(site):
    site.routes.update({f"/p{n}": Route(b"<html>ok</html>") for n in range(3)})
    client = PoliteClient(Politeness(per_host_interval=0.3, timeout=2))
    started = time.monotonic()
    answers = [client.get(site.url(f"/p{n}"), accept=("html",)) for n in range(3)]
    assert all(a.ok for a in answers) and time.monotonic() - started >= 0.6
    assert client.politeness.user_agent.startswith("Vigie/")


def test_sigterm_finishes_the_round_and_exits_cleanly(newsroom, tmp_path):
    listing = tmp_path / "sources.txt"
    listing.write_text(newsroom.url("/sitemap-news.xml") + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "vigie.cli", "watch", str(listing), "--db", str(tmp_path / "c.db"),
               "--every", "1h", "--host-delay", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and newsroom.hits["/a/quatre"] == 0:
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert "1 ingested" in stderr and "Traceback" not in stderr
