"""The dates stage on short articles of our own: tense, anaphora, quotes, inferred publication."""

import pytest

pytestmark = pytest.mark.slow

# Monday 5 January 2026
PUBLISHED = "2026-01-05"


def dates(article):
    return [(d.text, d.value) for d in article.dates]


def test_seed_dates_resolve_against_publication(analyse, seed_text):
    article = analyse(seed_text)
    assert dates(article) == [("ce mardi", "2026-01-06"), ("le 29 septembre 2025", "2025-09-29"),
                              ("ce mardi 6 janvier", "2026-01-06"), ("demain", "2026-01-06"),
                              ("demain", "2026-01-06"), ("ce lundi", "2026-01-05")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le ministre a rencontré les syndicats jeudi.", "2026-01-01"),      # past: the Thursday before
        ("Le ministre rencontrera les syndicats jeudi.", "2026-01-08"),      # future: the coming one
        ("Le ministre va rencontrer les syndicats jeudi.", "2026-01-08"),    # futur proche
        ("Le ministre a annoncé qu'il parlerait jeudi.", "2026-01-08"),      # conditional
        ("Le ministre reçoit les syndicats ce lundi.", "2026-01-05"),        # today
        ("Le bilan sera publié samedi.", "2026-01-10"),                      # future passive
    ],
)
def test_weekday_follows_the_tense_of_its_clause(analyse, sentence, expected):
    article = analyse("Titre\n" + sentence, published=PUBLISHED)
    assert dates(article)[-1][1] == expected


def test_a_date_something_is_set_for_is_ahead_even_in_a_past_clause(analyse):
    article = analyse("Titre\nLe préfet a convoqué pour jeudi une réunion de crise.", published=PUBLISHED)
    assert dates(article) == [("jeudi", "2026-01-08")]


def test_today_in_a_quote_is_the_day_the_clause_after_it_says_it_was_said(analyse):
    article = analyse("Titre\n« Nous avons signé ce soir un accord historique », a déclaré dimanche soir le maire.",
                      published=PUBLISHED)
    assert dates(article) == [("ce soir", "2026-01-04"), ("dimanche soir", "2026-01-04")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Au lendemain de la tempête, les habitants déblaient les rues.", "2026-01-05"),       # the day of writing
    ("Le maire a parlé samedi, au lendemain de la tempête.", "2026-01-03"),                 # its clause's day
    ("Au lendemain de la tempête de jeudi, les habitants déblaient les rues.", "2026-01-02"),  # the day after
])
def test_au_lendemain_is_the_day_of_its_clause_or_the_day_after_a_dated_event(analyse, sentence, expected):
    article = analyse("Titre\n" + sentence, published=PUBLISHED)
    assert ("lendemain", expected) in dates(article)


def test_that_day_and_that_evening_are_the_day_just_told(analyse):
    article = analyse("Titre\nLa tempête a frappé la côte le 2 janvier. Ce soir-là, les secours ont évacué le port. "
                      "Le matin même, la préfecture avait donné l'alerte.", published=PUBLISHED)
    assert dates(article) == [("le 2 janvier", "2026-01-02"), ("Ce soir-là", "2026-01-02"),
                              ("Le matin même", "2026-01-02")]


def test_that_evening_in_a_new_paragraph_is_still_the_day_just_told(analyse):
    article = analyse("Titre\nLe concert a eu lieu le 12 décembre à Lille.\nCe soir-là, la salle était comble.",
                      published=PUBLISHED)
    assert ("Ce soir-là", "2025-12-12") in dates(article)


def test_a_weekday_after_a_predicate_adjective_takes_the_tense_of_its_copula(analyse):
    # the copula "sont" is present: Saturday is the coming one, not the one before the past main clause
    article = analyse("Titre\nLe défenseur a été blessé à la cheville alors que deux attaquants sont incertains "
                      "pour la venue de Lyon samedi.", published=PUBLISHED)
    assert ("samedi", "2026-01-10") in dates(article)


def test_a_plan_in_the_imperfect_is_not_ahead_of_publication(analyse):
    article = analyse("Titre\nLe suspect devait se présenter ce samedi au commissariat.", published="2026-01-04")
    assert dates(article) == [("ce samedi", "2026-01-03")]


def test_deadline_cue_points_forward_even_in_a_past_clause(analyse):
    article = analyse("Titre\nLe président l'a chargé de mener d'ici à mercredi soir des négociations.",
                      published=PUBLISHED)
    assert dates(article) == [("mercredi soir", "2026-01-07")]
    assert article.dates[0].time_of_day == "evening"


def test_anaphora_counts_from_the_event_just_mentioned(analyse):
    article = analyse("Titre\nLe sommet s'est tenu le 12 décembre à Bruxelles. La veille, les ministres "
                      "avaient préparé le texte. Le lendemain, la presse a salué l'accord.", published=PUBLISHED)
    assert dates(article) == [("le 12 décembre", "2025-12-12"), ("La veille", "2025-12-11"),
                              ("Le lendemain", "2025-12-13")]


def test_an_announcement_with_no_lead_date_counts_from_the_last_day_it_gave(analyse):
    # published on Monday the 5th: nothing happened in the week before, two weddings are to come
    article = analyse("Titre\nA la mairie de Tronville, samedi 10 janvier à 15 h, Paul Martin épousera Julie Roux.\n"
                      "Le même jour à Ligny, Marc Petit épousera Anne Leroy.", published=PUBLISHED)
    assert dates(article)[-1] == ("Le même jour", "2026-01-10")


def test_relative_dates_in_a_quote_resolve_to_the_day_of_speaking(analyse):
    article = analyse("Titre\nJeudi, le ministre a déclaré : « Nous signerons demain ».", published=PUBLISHED)
    assert dates(article) == [("Jeudi", "2026-01-01"), ("demain", "2026-01-02")]
    assert article.dates[1].anchor == "speech of 2026-01-01"


def test_today_in_a_quote_the_parser_split_from_its_incise_is_the_day_of_the_event_reported(analyse):
    # published on the 5th; the talks of the 4th are the article's lead; the incise is in the past
    article = analyse("Titre\nLes négociations se sont tenues dimanche à Genève.\nLes deux délégations ont échangé "
                      "pendant trois heures. « Aujourd'hui a été un jour important pour la paix », a salué le ministre "
                      "sur X.", published="2026-01-05")
    assert ("Aujourd'hui", "2026-01-04") in dates(article)


def test_a_passive_in_the_present_is_no_past(analyse):
    # the parser reads "est attendu" as a compound past here; the participle's passive voice says otherwise
    article = analyse("Titre\nVladimir Poutine est attendu mercredi au Kazakhstan, ex-république soviétique. Il est "
                      "arrivé dimanche à Pékin.", published=PUBLISHED)
    assert dates(article) == [("mercredi", "2026-01-07"), ("dimanche", "2026-01-04")]


def test_a_weekday_in_a_heading_without_a_verb_is_the_one_the_text_after_it_tells_of(analyse):
    article = analyse("Sommet européen jeudi à Bruxelles\nLes dirigeants des Vingt-Sept se retrouveront jeudi à "
                      "Bruxelles pour parler de défense.", published=PUBLISHED)
    assert dates(article) == [("jeudi", "2026-01-08"), ("jeudi", "2026-01-08")]


def test_publication_date_is_inferred_from_the_seed(analyse, seed_text):
    article = analyse(seed_text, published=None)
    assert article.published == "2026-01-05" and article.published_inferred
    evidence = {article.text[s.start : s.end] for s in article.published_evidence}
    assert {"ce mardi 6 janvier", "ce lundi"} <= evidence


def test_publication_date_is_inferred_from_an_article_of_our_own(analyse):
    text = ("Grève: le trafic perturbé ce jeudi\n"
            "Des voyageurs à Roissy, le 3 juillet 2025. - AFP\n"
            "Le trafic aérien a été fortement perturbé ce jeudi 3 juillet. Les syndicats ont prévenu que "
            "le mouvement continuerait ce vendredi.")
    article = analyse(text, published=None)
    assert article.published == "2025-07-03" and article.published_inferred
    assert ("ce vendredi", "2025-07-04") in dates(article)


def test_without_any_clue_only_self_dated_expressions_are_given(analyse):
    article = analyse("Titre\nLa guerre dure depuis avril 2023. Mardi, les combats ont repris.", published=None)
    assert article.published is None
    assert dates(article) == [("avril 2023", "2023-04")]


@pytest.mark.parametrize("sentence", [
    "Chaque année, le 14 juillet, le village organise un grand bal.",
    "Pendant les mois d'été, et surtout entre le 15 juillet et le 15 août, le camping affiche complet.",
    "D'habitude, la foire ouvre en septembre.",
])
def test_a_day_or_a_month_in_a_sentence_about_every_year_is_no_date(analyse, sentence):
    assert dates(analyse("Titre\n" + sentence, published=PUBLISHED)) == []


def test_a_day_of_a_given_year_in_a_habitual_sentence_is_still_a_date(analyse):
    article = analyse("Titre\nChaque année depuis le 14 juillet 2020, le village organise un bal.", published=PUBLISHED)
    assert dates(article) == [("le 14 juillet 2020", "2020-07-14")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Les ventes progressent par rapport à l'année dernière à la même époque.", ("la même époque", "2025-01")),
    ("À la même période en 2019, le chômage baissait.", ("la même période", "2019-01")),
])
def test_the_same_time_of_year_is_the_month_of_writing_in_the_year_its_sentence_gives(analyse, sentence, expected):
    assert expected in dates(analyse("Titre\n" + sentence, published=PUBLISHED))


def test_the_same_time_without_a_year_is_no_date(analyse):
    assert dates(analyse("Titre\nÀ la même époque, les Romains bâtissaient des routes.", published=PUBLISHED)) == []
