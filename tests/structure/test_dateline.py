"""The dateline under the headline, on pages of our own: when it and the metadata disagree by a day."""

from __future__ import annotations

from vigie.structure.dateline import reconcile, shown_date

PAGE = """<html><head><meta property="article:published_time" content="{meta}"></head><body>
<header><a href="/">Le Quotidien</a></header>
<article><div class="head"><h1>Le conseil municipal vote le budget</h1></div>
<p class="dateline">{shown}</p>
<p>Le conseil municipal a adopté mardi soir le budget primitif après quatre heures de débat.</p>
<aside>Lire aussi : l'édition du 3 mars 2021</aside></article></body></html>"""


def page(meta: str, shown: str) -> str:
    return PAGE.format(meta=meta, shown=shown)


def test_the_dateline_under_the_headline_in_words_or_digits():
    assert shown_date(page("2021-03-09", "Publié le mardi 9 mars 2021 à 22 h 10")) == "2021-03-09"
    assert shown_date(page("2021-03-09", "mer. 10.03.21")) == "2021-03-10"
    assert shown_date(page("2021-03-09", "1er mars 2021 - 18:00 (Québec)")) == "2021-03-01"


def test_an_update_is_not_the_publication():
    assert shown_date(page("2021-03-09", "Mis à jour le 11 mars 2021")) is None


def test_the_readers_day_wins_over_a_timestamp_a_day_away():
    utc_evening = "2021-03-10T02:10:00Z"  # Tuesday 9 March, 21:10 in Montréal
    assert reconcile(utc_evening, page(utc_evening, "9 mars 2021 - 21:10 (Montréal)")) == "2021-03-09"


def test_the_metadata_stays_when_the_dateline_agrees_or_is_far_or_absent():
    assert reconcile("2021-03-09", page("2021-03-09", "9 mars 2021")) == "2021-03-09"
    assert reconcile("2021-03-09", page("2021-03-09", "Archives du 2 février 2019")) == "2021-03-09"
    assert reconcile("2021-03-09", page("2021-03-09", "Par Marie Dupont")) == "2021-03-09"
    assert reconcile(None, page("", "9 mars 2021")) is None
