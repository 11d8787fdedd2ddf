"""Quotation marks in every typography, without spaCy."""

import pytest

from vigie.extract.quotations import find_quoted, is_quotation, quoted_within


def quoted(paragraph: str) -> list[str]:
    return [q.text for q in find_quoted(paragraph) if is_quotation(q)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("« Nous ne céderons pas », a-t-il dit.", ["Nous ne céderons pas"]),
        ("«Nous ne céderons pas», a-t-il dit.", ["Nous ne céderons pas"]),
        ('"Nous ne céderons pas", a-t-il dit.', ["Nous ne céderons pas"]),
        ("“Nous ne céderons pas”, a-t-il dit.", ["Nous ne céderons pas"]),
        ("Il a dit : « Nous ne céderons pas. »", ["Nous ne céderons pas"]),
        ("« Est-ce bien raisonnable ? » a-t-il demandé.", ["Est-ce bien raisonnable ?"]),
        ("« Nous avons (...) convergé », dit-il.", ["Nous avons (...) convergé"]),
    ],
)
def test_every_typography(paragraph, expected):
    assert quoted(paragraph) == expected


def test_nested_quotes_stay_inside_the_outer_one():
    assert quoted("« Il m'a dit “jamais de la vie” hier soir », raconte-t-elle.") == [
        "Il m'a dit “jamais de la vie” hier soir"]


def test_unclosed_straight_quote_ends_at_its_incise():
    paragraph = ('"Mais les Américains participent, car nous avons atteint notre objectif, analyse l\'Élysée. '
                 'Une "reconvergence" qui se matérialisera, "une vraie performance", selon la présidence.')
    assert quoted(paragraph) == ["Mais les Américains participent, car nous avons atteint notre objectif",
                                 "une vraie performance"]


def test_unclosed_guillemet_runs_to_the_end_of_the_paragraph():
    assert quoted("Elle a prévenu : « Nous irons jusqu'au bout de cette réforme.") == [
        "Nous irons jusqu'au bout de cette réforme"]


def test_quote_split_by_an_incise_is_two_quotes():
    assert quoted("« Nous sommes prêts », a-t-il lancé, « à gouverner dès demain ».") == [
        "Nous sommes prêts", "à gouverner dès demain"]


def test_one_or_two_words_are_scare_quotes_not_quotes():
    assert quoted("Le mouvement « Bloquons tout » dénonce un « fiasco ».") == []


def test_offsets_point_into_the_text():
    paragraph = "Il a dit : « Nous ne céderons pas. »"
    [span] = find_quoted(paragraph, offset=100)
    assert span.start - 100 == paragraph.index("Nous") and span.text == "Nous ne céderons pas"


def test_english_marks_mixed_up_still_pair():
    assert [q.text for q in find_quoted('La situation est "intenable” à long terme, dit-elle.')] == ["intenable"]
    assert quoted("Il a lancé “nous partirons demain matin\" avant de sortir.") == ["nous partirons demain matin"]


def test_the_quotes_inside_a_quote_are_found_apart():
    [outer] = find_quoted("« Il m'a dit “jamais de la vie” hier soir », raconte-t-elle.")
    assert [q.text for q in quoted_within(outer)] == ["jamais de la vie"]
