"""The temporal grammar on its own: recognition and resolution, without spaCy."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vigie.extract.temporal import Tense, easter, find_expressions, iso_week, resolve, resolve_weekday

MONDAY = dt.date(2026, 1, 5)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))
weekday_indexes = st.integers(min_value=0, max_value=6)


def value(text: str, ref: dt.date = MONDAY, tense: Tense = Tense.UNKNOWN) -> str | None:
    [expression] = find_expressions(text)
    return resolve(expression, ref, tense)


def texts(text: str) -> list[str]:
    return [e.text for e in find_expressions(text)]


# --- properties ------------------------------------------------------------------------------------

@given(days, weekday_indexes)
def test_past_weekday_is_the_latest_one_strictly_before(ref, weekday):
    day = resolve_weekday(weekday, ref, Tense.PAST)
    assert day.weekday() == weekday
    assert (day == ref) if ref.weekday() == weekday else (0 < (ref - day).days < 7)


@given(days, weekday_indexes)
def test_future_weekday_is_the_first_one_after(ref, weekday):
    day = resolve_weekday(weekday, ref, Tense.FUTURE)
    assert day.weekday() == weekday
    assert (day == ref) if ref.weekday() == weekday else (0 < (day - ref).days < 7)


@given(days, weekday_indexes, st.sampled_from([-1, 1]))
def test_dernier_and_prochain_never_mean_today(ref, weekday, direction):
    day = resolve_weekday(weekday, ref, Tense.UNKNOWN, direction=direction)
    assert day.weekday() == weekday and 0 < (day - ref).days * direction <= 7


@given(days, weekday_indexes)
def test_ce_weekday_stays_in_the_same_iso_week(ref, weekday):
    day = resolve_weekday(weekday, ref, Tense.UNKNOWN, determiner="ce")
    assert day.isocalendar()[:2] == ref.isocalendar()[:2] and day.weekday() == weekday


@given(days)
def test_weeks_step_across_year_boundaries(ref):
    assert value("la semaine prochaine", ref) == iso_week(ref + dt.timedelta(weeks=1))
    assert value("la semaine dernière", ref) == iso_week(ref - dt.timedelta(weeks=1))
    assert value("cette semaine", ref) == iso_week(ref)


@given(days)
def test_deictic_days_cross_month_and_leap_days(ref):
    assert value("demain", ref) == (ref + dt.timedelta(days=1)).isoformat()
    assert value("avant-hier", ref) == (ref - dt.timedelta(days=2)).isoformat()


@given(days)
def test_month_shifts_wrap_years(ref):
    previous = value("le mois dernier", ref)
    year, month = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
    assert previous == f"{year}-{month:02d}"


def test_leap_day_and_iso_week_53():
    assert value("le 29 février", dt.date(2024, 3, 10), Tense.PAST) == "2024-02-29"
    assert value("demain", dt.date(2024, 2, 28)) == "2024-02-29"
    assert iso_week(dt.date(2021, 1, 1)) == "2020-W53"
    assert value("la semaine dernière", dt.date(2021, 1, 6)) == "2020-W53"


def test_holidays():
    assert value("le 14-Juillet", dt.date(2026, 6, 20)) == "2026-07-14"
    assert value("la Pentecôte", dt.date(1999, 5, 18)) == "1999-05-23"


def test_easter_dates():
    assert [easter(y) for y in (2024, 2025, 2026)] == [dt.date(2024, 3, 31), dt.date(2025, 4, 20), dt.date(2026, 4, 5)]


# --- constructions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 29 septembre 2025", "2025-09-29"),
        ("ce mardi 6 janvier", "2026-01-06"),
        ("le 1er mai", "2026-05-01"),
        ("mars 2024", "2024-03"),
        ("en 2023, le pays", "2023"),
        ("l'été 2026", "2026"),
        ("début octobre 2025", "2025-10"),
        ("aujourd'hui", "2026-01-05"),
        ("hier soir", "2026-01-04"),
        ("après-demain", "2026-01-07"),
        ("ce matin", "2026-01-05"),
        ("jeudi prochain", "2026-01-08"),
        ("lundi dernier", "2025-12-29"),
        ("l'an dernier", "2025"),
        ("l'année prochaine", "2027"),
        ("cette année", "2026"),
        ("le mois prochain", "2026-02"),
        ("il y a trois jours", "2026-01-02"),
        ("dans deux semaines", "2026-01-19"),
        ("le 12/09/2025", "2025-09-12"),
        ("la nuit de samedi à dimanche", "2026-01-03"),
        ("la nuit du 6 au 7 février 2025", "2025-02-06"),
        ("la nuit du 31 décembre au 1er janvier 2025", "2024-12-31"),
        ("rediffusé le 02/12", "2025-12-02"),
        # part of the current period: dated by the period
        ("d'ici la fin de l'année", "2026"),
        ("au début du mois prochain", "2026-02"),
        ("à la fin de l'année 2024", "2024"),
        # a season with "dernier" / "prochain": the last one over, the next one not begun (winter by its January)
        ("le printemps dernier", "2025"),
        ("l'été prochain", "2026"),
        ("l'hiver dernier", "2025"),
        ("l'hiver prochain", "2027"),
    ],
)
def test_each_construction(text, expected):
    assert value(text) == expected


def test_texts_keep_determiners_and_parts_of_day_but_not_prepositions():
    assert texts("Il est arrivé au 6 avril, puis dès le 7 avril au soir.") == ["6 avril", "le 7 avril au soir"]
    assert texts("La veille au soir, le ministre a parlé.") == ["La veille au soir"]


@pytest.mark.parametrize(
    "text",
    [
        "près de quatre ans après le début de l'invasion",
        "le feu sera bientôt maîtrisé",
        "depuis trois jours, la ville est bloquée",
        "2000 pompiers et 16 000 hectares",
        "le de la semaine",
        "vers 16 heures dans la nuit",
        "Le plus important incendie de l'été",
        "une note de 12/20, un service 24h/24, un score de 3/4",
    ],
)
def test_durations_vague_times_and_counts_are_not_dates(text):
    assert [e.text for e in find_expressions(text) if e.kind != "anaphoric"] == []


def test_bare_month_needs_a_cue_and_takes_the_tense_into_account():
    assert texts("Il a plu en mars.") == ["mars"]
    assert texts("Un marché aux puces mai bien.") == []
    assert texts("Les travaux dureront jusqu'en juillet, depuis juin déjà.") == ["juillet", "juin"]
    assert texts("Les soldes commencent mi-janvier et finissent fin février.") == ["mi-janvier", "fin février"]
    assert texts("Le cortège du mois d'avril, enfin mars.") == ["avril"]
    assert value("en mars", dt.date(2026, 1, 5), Tense.PAST) == "2025-03"
    assert value("en mars", dt.date(2026, 1, 5), Tense.FUTURE) == "2026-03"


def test_day_month_year_chosen_by_proximity_and_tense():
    ref = dt.date(2025, 9, 8)
    assert value("le 13 janvier", ref, Tense.UNKNOWN) == "2026-01-13"
    assert value("le 25 août", ref, Tense.PAST) == "2025-08-25"
    assert value("le 15 décembre", ref, Tense.PAST) == "2024-12-15"
    assert value("le 15 décembre", ref, Tense.FUTURE) == "2025-12-15"


def test_weekday_and_day_pin_the_year():
    assert value("samedi 5 juillet", dt.date(2025, 3, 1)) == "2025-07-05"


def test_the_first_days_of_a_list_or_a_range_take_the_month_written_after_the_last():
    assert texts("Le festival aura lieu du 14 au 16 août.") == ["14", "16 août"]
    assert texts("Les votes auront lieu les 3 et 10 mai 2027.") == ["les 3", "10 mai 2027"]
    assert texts("Livraisons prévues le 2, 3 ou 4 octobre.") == ["le 2", "3", "4 octobre"]
    [first, _] = find_expressions("les 3 et 10 mai 2027")
    assert resolve(first, MONDAY) == "2027-05-03"
    assert texts("Il faut 3 à 4 personnes, de 18 à 25 ans.") == []


@pytest.mark.parametrize(
    "text",
    [
        "La médiathèque ouvre uniquement le mercredi.",      # every Wednesday
        "Le marché se tient chaque samedi.",
        "La fête a lieu le premier dimanche de juillet.",   # a rank among Sundays (the date is not computed)
        "Le club attend le dernier vendredi du mois.",
        "Il n'était pas dans un jour de grande forme.",     # a kind of day, not "in one day"
    ],
)
def test_habitual_and_ranked_weekdays_and_a_kind_of_day_are_no_dates(text):
    assert [e.text for e in find_expressions(text) if e.kind != "month"] == []


def test_a_weekday_with_its_article_and_a_modifier_is_one_day():
    assert texts("Le mercredi suivant, il est revenu.") == ["Le mercredi suivant"]


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected"),
    [
        ("Le vote aura lieu à l'automne.", dt.date(2025, 5, 28), Tense.FUTURE, "2025"),
        ("Il l'avait dit dès l'automne.", dt.date(2026, 3, 17), Tense.PAST, "2025"),
        ("La loi entrera en vigueur au printemps.", dt.date(2025, 11, 2), Tense.FUTURE, "2026"),
        ("Les travaux ont commencé au printemps.", dt.date(2025, 11, 2), Tense.PAST, "2025"),
        ("Le chantier reprendra à l'hiver.", dt.date(2025, 10, 1), Tense.FUTURE, "2026"),  # winter by its January
    ],
)
def test_a_season_after_a_preposition_of_time_is_the_next_or_the_last_by_tense(text, ref, tense, expected):
    assert value(text, ref, tense) == expected


@pytest.mark.parametrize("text", ["La demande augmente en été.", "Il est né cet été-là.",
                                  "Ils ont participé au printemps des poètes."])
def test_a_season_of_any_year_or_naming_an_event_is_no_date(text):
    assert texts(text) == []


@pytest.mark.parametrize(("ref", "expected"), [(dt.date(2002, 1, 2), "2002"), (dt.date(2025, 12, 28), "2026")])
def test_the_new_year_is_the_one_begun_or_about_to_begin(ref, expected):
    assert value("Ils sont entrés dans la nouvelle année sous le signe de l'euro.", ref) == expected


def test_a_new_school_or_lunar_year_is_no_calendar_year():
    assert texts("Pour la nouvelle année scolaire, puis la nouvelle année lunaire.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Le budget 2026 a été adopté.", ["2026"]),
    ("La saison 2025 a été difficile.", ["2025"]),
    ("Les municipales 2026 approchent.", ["2026"]),
    ("La coupe du monde 2030 se jouera sur trois continents.", ["2030"]),
    ("Le club compte 2000 supporters et 1500 abonnés.", []),  # amounts, no noun of a year before them
    ("Le bilan fait état de 2000 blessés.", []),
])
def test_a_number_after_the_noun_of_something_of_one_year_is_that_year(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["L'accord du Vendredi saint reste fragile.", "Les accords de Noël ont tenu un mois.",
                                  "Le soulèvement de Pâques est commémoré à Dublin."])
def test_a_holiday_naming_an_agreement_or_a_war_of_history_is_no_date(text):
    assert texts(text) == []


def test_a_holiday_without_its_year_is_the_next_one_in_a_future_clause_and_the_last_in_a_past_one():
    ref = dt.date(2026, 5, 20)  # after Easter 2026 (5 April)
    assert value("Pâques", ref, Tense.FUTURE) == "2027-03-28"
    assert value("Pâques", ref, Tense.PAST) == "2026-04-05"


@pytest.mark.parametrize("opening", ["", "İzmir, "])  # "İ" lowercases to two characters
def test_capitals_match_and_keep_their_offsets(opening):
    text = opening + "La NUIT de samedi à dimanche, puis le 3 MARS 2025."
    found = find_expressions(text)
    assert [(e.text, text[e.start : e.end]) for e in found] == [("La NUIT de samedi à dimanche",) * 2,
                                                                ("le 3 MARS 2025",) * 2]
