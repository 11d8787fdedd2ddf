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


UNDATED = """<html lang="{lang}"><head><meta property="article:published_time" content="{stamp}">
<link rel="canonical" href="https://{host}/societe/budget"></head><body>
<article><h1>Le conseil municipal vote le budget</h1><p>Par Marie Dupont</p>
<p>Le conseil municipal a adopté le budget primitif après quatre heures de débat.</p></article></body></html>"""


def undated(stamp: str, host: str = "www.journal.example", lang: str = "fr") -> str:
    return UNDATED.format(stamp=stamp, host=host, lang=lang)


def test_a_utc_timestamp_is_read_in_the_zone_of_the_pages_country():
    evening = "2021-03-10T02:10:00Z"  # 9 March, 21:10 in Montréal; 10 March, 03:10 in Brussels
    assert reconcile("2021-03-10", undated(evening, host="www.journal.ca")) == "2021-03-09"
    assert reconcile("2021-03-10", undated(evening, lang="fr-CA")) == "2021-03-09"
    assert reconcile("2021-03-10", undated(evening, lang="fr-BE")) == "2021-03-10"
    late = "2021-03-09T23:30:00.000+00:00"  # 10 March, 00:30 in Paris
    assert reconcile("2021-03-09", undated(late, host="www.journal.fr")) == "2021-03-10"


def test_the_metadata_stays_when_the_country_or_the_zone_is_unknown():
    assert reconcile("2021-03-10", undated("2021-03-10T02:10:00Z")) == "2021-03-10"  # .example, lang "fr"
    assert reconcile("2021-03-10", undated("2021-03-10T02:10:00+01:00", host="www.journal.ca")) == "2021-03-10"
    assert reconcile("2021-03-10", undated("2021-03-12T02:10:00Z", host="www.journal.ca")) == "2021-03-10"
    assert reconcile("2021-03-10", undated("2021-03-10T02:10:00Z", host="[::1")) == "2021-03-10"  # malformed
