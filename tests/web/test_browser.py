"""The web UI in a real browser (Debian's chromium through Playwright): each page opens with no console
error and no request to another host; a reader clicks from an article to an entity, searches quotes,
filters events and analyses a pasted text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, served, wait_until_ready
from vigie.api import create_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]
PAGES = ["/", "/recherche", "/recherche?q=Ukraine", "/article/seed-coalition-paris", "/entite/Paris",
         "/entite/Macron", "/citations", "/evenements", "/analyser"]
TEXT = ("Grève à Marseille\n\nLe ministre de l'Intérieur, Laurent Nuñez, s'est rendu mardi à Marseille. "
        "« Nous ne lâcherons rien », a-t-il déclaré devant la préfecture.")


@pytest.fixture(scope="module")
def site(examples_corpus, tmp_path_factory, pipeline):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: `make test` installs it (Debian package chromium)")
    db = tmp_path_factory.mktemp("browser") / "vigie.db"
    shutil.copy(examples_corpus, db)
    with served(create_app(db, pipeline=pipeline)) as base:
        wait_until_ready(base)
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site):
    """A French-speaking tab that records console errors and any request that leaves the site."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("request", lambda r: None if r.url.startswith((site, "data:")) else tab.problems.append(f"outside: {r.url}"))
    tab.on("response", lambda r: tab.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield tab
    context.close()
    assert tab.problems == []


@pytest.mark.parametrize("path", PAGES)
def test_each_page_opens_cleanly(page, site, path):
    page.goto(site + path)
    assert page.locator("h1").first.is_visible()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)""")
    assert unlabelled == []


def test_keyboard_users_skip_to_the_content(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.url.endswith("#contenu")


def test_from_an_article_to_an_entity_profile(page, site):
    page.goto(site + "/")
    page.locator("#h-articles ~ ul.articles a").first.click()
    page.wait_for_url(re.compile(r"/article/"))
    person = page.locator(".body a.ent.PER").first
    name = person.get_attribute("title").split(" : ", 1)[1]
    person.click()
    page.wait_for_url(re.compile(r"/entite/PER"))
    assert page.locator("h1").inner_text() == name
    assert page.locator("svg.chart").is_visible()


def test_searching_quotes_leads_to_the_sentence(page, site):
    page.goto(site + "/citations")
    page.fill("#locuteur", "Macron")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"locuteur=Macron"))
    assert page.locator(".quote-item").count() > 0
    page.locator(".quote-item .meta a[href*='#c-']").first.click()
    page.wait_for_url(re.compile(r"/article/.+#c-\d+"))
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{anchor}").is_visible()
    assert page.locator(f"#{anchor}").get_attribute("data-speaker")


def test_filtering_events_by_category(page, site):
    page.goto(site + "/evenements")
    page.select_option("#categorie", "ASSAULT")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"categorie=ASSAULT"))
    categories = page.locator("tbody td:first-child .cat").all_inner_texts()
    assert categories and set(categories) == {"Violence armée"}
    assert page.locator("svg.map circle").count() > 0


def test_analysing_a_pasted_text_shows_its_highlights(page, site):
    page.goto(site + "/analyser")
    page.fill("#texte", TEXT)
    page.fill("#publie", "2026-03-03")
    page.click("form.analyse button[type=submit]")
    page.wait_for_selector(".result .body")
    assert page.locator(".result a.ent.PER", has_text="Laurent Nuñez").count() >= 1
    assert page.locator(".result .quote[data-speaker='Laurent Nuñez']").count() == 1
    assert page.locator(".result time.date[datetime='2026-03-03']").count() == 1  # "mardi", that day
