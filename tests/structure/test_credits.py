import pytest

from vigie.structure.credits import looks_like_credit, split_credit


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Steve Witkoff à Washington, le 29 septembre 2025. - STRINGER / ANADOLU / Anadolu via AFP",
         "Steve Witkoff à Washington, le 29 septembre 2025.", "STRINGER / ANADOLU / Anadolu via AFP"),
        ("Le président à l'Élysée, le 2 mai 2025. - AFP", "Le président à l'Élysée, le 2 mai 2025.", "AFP"),
        ("Emmanuel Macron à Berlin. - Ludovic MARIN / AFP", "Emmanuel Macron à Berlin.", "Ludovic MARIN / AFP"),
        ("Des manifestants à Lyon. - REUTERS/Gonzalo Fuentes", "Des manifestants à Lyon.", "REUTERS/Gonzalo Fuentes"),
        ("La mairie de Rennes. - MAXPPP", "La mairie de Rennes.", "MAXPPP"),
        ("Un incendie près de Narbonne. – Hans Lucas via AFP", "Un incendie près de Narbonne.", "Hans Lucas via AFP"),
        ("Le gouverneur de l'Utah, à Orem. - Getty Images via AFP", "Le gouverneur de l'Utah, à Orem.",
         "Getty Images via AFP"),
        ("Le ministère de l'Économie. © Ludovic MARIN / AFP", "Le ministère de l'Économie.", "Ludovic MARIN / AFP"),
        ("Un bus en feu à Rennes - un quartier bouclé. - SIPA", "Un bus en feu à Rennes - un quartier bouclé.", "SIPA"),
    ],
)
def test_caption_and_credit_are_split(line, caption, credit):
    assert split_credit(line)[:2] == (caption, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Le président a tranché - et c'est une surprise - en faveur du plan de paix.",
        "« J'ai pu observer des violations à El-Facher », déclare-t-il.",
        "Le bilan s'alourdit - au moins deux morts selon les autorités locales, qui redoutent le pire.",
        "Un accord a été trouvé - enfin.",
    ],
)
def test_prose_with_dashes_is_not_a_caption(line):
    assert split_credit(line) is None


def test_credit_offset_points_at_the_credit():
    line = "Une photo. - Saul LOEB / AFP"
    _caption, credit, offset = split_credit(line)
    assert line[offset:] == credit


@pytest.mark.parametrize("text", ["au moins deux morts selon les autorités", "enfin."])
def test_prose_does_not_look_like_a_credit(text):
    assert not looks_like_credit(text)
