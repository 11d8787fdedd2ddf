"""HTML extraction on pages written for these tests: must contain / must not contain."""

import pytest

from vigie.errors import BadRecord
from vigie.structure.html import lead_caption, parse_html


def load(fixtures_dir, name):
    return (fixtures_dir / "html" / name).read_text(encoding="utf-8")


def test_figcaption_with_credit_element(fixtures_dir):
    page = parse_html(load(fixtures_dir, "greve-figcaption-span.html"))
    layout = page.layout
    assert layout.part(layout.title) == "Grève des contrôleurs aériens : des centaines de vols annulés"
    assert layout.part(layout.caption) == ("Des voyageurs dans un terminal de l'aéroport de "
                                           "Roissy-Charles-de-Gaulle, le 3 juillet 2025.")
    assert layout.part(layout.credit) == "Thibaud MORITZ / AFP"
    assert page.published == "2025-07-03"
    assert [b.text for b in layout.blocks if b.kind == "subheading"] == ["Des syndicats minoritaires"]
    body = "\n".join(b.text for b in layout.blocks)
    assert "« Cette grève est inacceptable »" in body
    for boilerplate in ("Accueil", "S'abonner", "cookies", "À lire aussi", "Mentions légales",
                        "rembourser un vol annulé"):
        assert boilerplate not in layout.text


def test_figcaption_with_dash_credit_and_meta_date(fixtures_dir):
    page = parse_html(load(fixtures_dir, "louvre-figcaption-dash.html"))
    layout = page.layout
    assert layout.part(layout.caption) == "Des policiers devant la pyramide du Louvre, à Paris, le 19 octobre 2025."
    assert layout.part(layout.credit) == "REUTERS"
    assert page.published == "2025-10-30"
    assert len([b for b in layout.blocks if b.kind == "paragraph"]) == 3
    for boilerplate in ("Partager sur Facebook", "Tous droits réservés", "Faits divers"):
        assert boilerplate not in layout.text


def test_figcaption_with_copyright_sign(fixtures_dir):
    page = parse_html(load(fixtures_dir, "fitch-copyright-no-figure.html"))
    assert page.layout.part(page.layout.caption) == "Le ministère de l'Économie, à Paris."
    assert page.layout.part(page.layout.credit) == "Ludovic MARIN / AFP"
    assert "Éco Matin" not in page.layout.text


def test_page_without_figure_has_no_caption(fixtures_dir):
    page = parse_html(load(fixtures_dir, "no-figure.html"))
    assert page.layout.caption is None and page.layout.credit is None
    assert page.layout.part(page.layout.title) == "Incendie dans l'Aude : le feu toujours pas maîtrisé"
    assert "16 000 hectares" in page.layout.text


def test_caption_without_credit():
    html = "<html><body><figure><figcaption>Une vue de Marseille.</figcaption></figure></body></html>"
    assert lead_caption(html) == ("Une vue de Marseille.", None)


def test_page_without_text_is_a_bad_record():
    with pytest.raises(BadRecord, match="no article text"):
        parse_html("<html><body><nav><a href='/'>Accueil</a></nav></body></html>")


def test_the_captions_of_photos_inside_the_body_are_not_paragraphs():
    html = """<html><body><article><h1>Les manifestants défilent contre la réforme à Lyon</h1>
<p>Plusieurs milliers de personnes ont défilé samedi dans le centre de Lyon contre la réforme.</p>
<div class="media"><img src="a.jpg" alt="Des manifestants place Bellecour - Lyon - 4 mars 2023 © J.D">
<span class="legend">Des manifestants place Bellecour - Lyon - 4 mars 2023 © J.D</span></div>
<p>Le cortège est parti de la place Bellecour en début d'après-midi, sous une pluie fine et persistante.</p>
<div class="photo"><img src="b.jpg" title="Une banderole devant la préfecture du Rhône, en fin de journée">
<p>Une banderole devant la préfecture du Rhône, en fin de journée</p></div>
<p>Les syndicats annoncent une nouvelle journée de mobilisation pour le jeudi suivant dans toute la région.</p>
</article></body></html>"""
    text = parse_html(html).layout.text
    assert "Le cortège est parti" in text and "nouvelle journée de mobilisation" in text
    assert "place Bellecour - Lyon" not in text and "Une banderole devant" not in text
