"""Real French news pages (../shared/realpages) with hand-checked layouts, scored like the referee does,
with pinned floors; and the page rules on HTML of our own."""

from __future__ import annotations

import pytest

from benchmarks.realpages import PAGES, score_pages
from vigie.structure.credits import split_credit
from vigie.structure.html import is_boilerplate, parse_html, standfirst, without_site_name

FLOORS = {"title": 1.0, "caption": 0.93, "credit": 0.93, "published": 1.0, "blocks": 0.96}


@pytest.fixture(scope="module")
def page_scores():
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found at {PAGES}")
    return score_pages(PAGES)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_real_pages_stay_above_their_floor(page_scores, field):
    result, failures = page_scores
    value = result[field]["f1"] if field == "blocks" else result[field]
    assert value >= FLOORS[field], f"{field} fell to {value}: " + "; ".join(failures)


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Le conseil municipal vote le budget - Ouest Info", "Ouest Info", "Le conseil municipal vote le budget"),
    ("Grève des dockers au Havre | Économie | Le Quotidien du Port", "Le Quotidien du Port",
     "Grève des dockers au Havre"),
    ("Un record de chaleur à Perpignan | RFX | 12.07.2024", "RFX.COM", "Un record de chaleur à Perpignan"),
    ("Covid-19 - le point sur la vaccination", "Santé Magazine", "Covid-19 - le point sur la vaccination"),
])
def test_site_names_leave_the_headline(title, site, expected):
    html = f'<html><head><meta property="og:site_name" content="{site}"></head><body></body></html>'
    assert without_site_name(title, html) == expected


def test_the_pages_own_h1_wins():
    html = "<html><body><h1>La crue de la Seine inquiète Paris</h1></body></html>"
    assert without_site_name("La crue de la Seine inquiète Paris - Journal X - Actualités", html) == \
        "La crue de la Seine inquiète Paris"


@pytest.mark.parametrize(("line", "caption", "credit"), [
    ("Le port de Brest sous la neige. (Jean Martin/Sipa)", "Le port de Brest sous la neige.", "Jean Martin/Sipa"),
    ("Les secours sur place ? REUTERS/Anna Petit", "Les secours sur place ?", "REUTERS/Anna Petit"),
    ("Un pompier devant la maison. Photo LP /Paul Durand", "Un pompier devant la maison.", "Photo LP /Paul Durand"),
    ("La façade de la mairie - Adobe Stock", "La façade de la mairie", "Adobe Stock"),
])
def test_credits_at_the_end_of_a_caption(line, caption, credit):
    split = split_credit(line)
    assert split is not None and split[:2] == (caption, credit)


def test_a_leading_photo_credit_span_is_the_credit():
    html = ("<html><body><article><h1>Les trottinettes envahissent Lyon cet été</h1><figure><img src='a.jpg'>"
            "<figcaption><span>Photo: Marie Dubois Archives</span> Des trottinettes alignées place Bellecour."
            "</figcaption></figure>" + "<p>Les opérateurs ont enregistré un record de trajets cet été à Lyon, "
            "selon la métropole qui publie ses chiffres chaque trimestre.</p>" * 3 + "</article></body></html>")
    page = parse_html(html)
    assert page.layout.part(page.layout.caption) == "Des trottinettes alignées place Bellecour."
    assert page.layout.part(page.layout.credit) == "Marie Dubois Archives"


@pytest.mark.parametrize("line", [
    "À lire aussi : la réforme des retraites adoptée", "Lire aussi Le budget en débat", "Par Jeanne Martin",
    "Il vous reste 57,09 % de cet article à lire. La suite est réservée aux abonnés.",
    "Inscrivez-vous gratuitement", "Crédits photos : Bestimage",
    "Nice try https://t.co/abc— Jean Dupont (@jdupont) March 16, 2020",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Par ailleurs, le maire a annoncé une hausse des impôts locaux.",
                                  "Lire entre les lignes n'est pas toujours facile, reconnaît l'auteur."])
def test_article_lines_that_look_like_boilerplate_are_kept(line):
    assert not is_boilerplate(line)


def test_the_standfirst_is_found_by_class_or_visible_description():
    marked = ("<html><body><article><p class='article__chapo'>Le gouvernement présente mardi un plan de "
              "soutien aux agriculteurs touchés par la sécheresse.</p></article></body></html>")
    assert standfirst(marked).startswith("Le gouvernement présente mardi")
    described = ("<html><head><meta property='og:description' content='La ville lance un appel aux dons pour "
                 "restaurer son église romane du XIIe siècle.'></head><body><div class='x'>La ville lance un "
                 "appel aux dons pour restaurer son église romane du XIIe siècle.</div></body></html>")
    assert standfirst(described).startswith("La ville lance")
    hidden = ("<html><head><meta property='og:description' content='Un texte résumé que la page ne montre "
              "jamais à ses lecteurs dans son corps.'></head><body><p>Autre chose.</p></body></html>")
    assert standfirst(hidden) is None


def test_a_related_posts_gallery_gives_no_caption():
    body = "<p>Le conseil scientifique a rendu mardi un avis sévère sur la réforme de l'évaluation.</p>" * 3
    html = ("<html><body><article><h1>Le conseil scientifique critique la réforme</h1>" + body + "</article>"
            "<aside class='widget related_posts'><figure><img src='b.jpg'><figcaption><a href='/1899'>Un autre "
            "article du site sur la recherche publique</a></figcaption></figure></aside></body></html>")
    page = parse_html(html)
    assert page.layout.caption is None


def test_a_page_laid_out_in_tables_gives_its_text():
    sentence = "Le conseil municipal de Vannes a adopté lundi soir le budget primitif après trois heures de débat. "
    rows = "".join(f"<tr><td>{sentence * 2}</td></tr>" for _ in range(3))
    html = f"<html><body><table><tr><td><h1>Budget de Vannes adopté</h1></td></tr>{rows}</table></body></html>"
    page = parse_html(html)
    assert "budget primitif" in page.layout.text


def test_a_javascript_only_page_is_a_clear_error():
    from vigie.errors import BadRecord

    html = "<html><head><script src='app.js'></script></head><body><div id='root'></div></body></html>"
    with pytest.raises(BadRecord, match="no article text"):
        parse_html(html)
