import pytest

from tests.conftest import gold_articles
from vigie.structure import layout_from_parts, parse_scraped_text
from vigie.structure.layout import is_subheading


@pytest.mark.parametrize(("stem", "path", "gold"), gold_articles(), ids=[a[0] for a in gold_articles()])
def test_structure_matches_gold(stem, path, gold):
    layout = parse_scraped_text(path.read_text(encoding="utf-8"))
    assert layout.part(layout.title) == gold["title"]
    assert layout.part(layout.caption) == gold["caption"]
    assert layout.part(layout.credit) == gold["credit"]
    body = "\n".join(block.text for block in layout.blocks)
    assert gold["title"] not in body
    if gold["credit"]:
        assert gold["credit"] not in body
    for block in layout.blocks:
        assert layout.text[block.start : block.end] == block.text


def test_second_line_that_is_a_paragraph_is_not_a_caption():
    text = ("Soudan: le chef des FSR reconnaît des violations\n"
            "Quatre jours après la chute d'El-Facher, le général a fini par admettre des exactions.\n"
            "Le chef paramilitaire assure avoir dépêché une commission d'enquête.\n")
    layout = parse_scraped_text(text)
    assert layout.caption is None and layout.credit is None
    assert [b.kind for b in layout.blocks] == ["paragraph", "paragraph"]


def test_a_headline_and_one_line_keep_that_line_as_body():
    layout = parse_scraped_text("Titre\nUne photo de Paris. - AFP")
    assert layout.caption is None
    assert len(layout.blocks) == 1


def test_messy_scrape_keeps_offsets_consistent():
    raw = ("\ufeffGrève\u00a0: le trafic perturbé\r\n"
           "Des voyageurs à Roissy, le 3 juillet 2025. - Thibaud MORITZ / AFP\r\n"
           "Le trafic est perturbé ce jeudi\u202f!  Des centaines de vols sont annulés.\r\n"
           "Des annulations en série\r\n"
           "La DGAC a demandé aux compagnies de réduire leurs programmes.\r\n\r\n\r\n")
    layout = parse_scraped_text(raw)
    assert layout.part(layout.title) == "Grève : le trafic perturbé"
    assert layout.part(layout.credit) == "Thibaud MORITZ / AFP"
    assert [b.kind for b in layout.blocks] == ["paragraph", "subheading", "paragraph"]
    assert layout.text.endswith("programmes.")
    assert "\r" not in layout.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Deux premiers suspects écroués", True),
        ("« Cela va tenir »", True),
        ("Plus de 460 morts dans une maternité, selon l'OMS", True),
        ("Le bilan humain s'est alourdi dans la nuit.", False),
        ('"Nous l\'avons eu."', False),
        ("Au programme: un cessez-le-feu. Puis des garanties de sécurité", False),
        ("Le couperet est tombé vendredi soir, et la France perd son double A chez Fitch, une première "
         "depuis la création de l'agence de notation américaine", False),
    ],
)
def test_subheading_detection(line, expected):
    assert is_subheading(line) is expected


def test_layout_from_parts_offsets_point_at_each_part():
    layout = layout_from_parts("Un titre", "Une  légende.", "AFP",
                               [("paragraph", "Premier paragraphe."), ("subheading", "Intertitre"),
                                ("paragraph", "Second\nparagraphe.")])
    assert layout.part(layout.title) == "Un titre"
    assert layout.part(layout.caption) == "Une légende."
    assert layout.part(layout.credit) == "AFP"
    assert [layout.text[b.start : b.end] for b in layout.blocks] == [
        "Premier paragraphe.", "Intertitre", "Second paragraphe."]
    assert [b.kind for b in layout.blocks] == ["paragraph", "subheading", "paragraph"]
    reparsed = parse_scraped_text(layout.text)
    assert reparsed.part(reparsed.caption) == "Une légende."
