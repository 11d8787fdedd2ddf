"""Counts on sentences of our own: number forms, qualifiers, kinds."""

import pytest

from vigie.extract.counts import find_numbers

pytestmark = pytest.mark.slow


def counts(article):
    return [(c.kind, c.value, c.qualifier) for c in article.counts]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le bombardement a fait au moins deux morts à Kiev.", ("killed", 2, "at_least")),
        ("Plus de 200 000 personnes ont manifesté à Paris.", ("people", 200000, "at_least")),
        ("Une dizaine de manifestants ont été interpellés à Lyon.", ("arrested", 10, "at_least")),
        ("Une quinzaine de policiers ont été blessés.", ("injured", 15, "at_least")),
        ("Environ 3000 personnes ont été évacuées.", ("displaced", 3000, "about")),
        ("Des centaines de manifestants ont défilé à Rennes.", ("people", 200, "at_least")),
        ("Près de 2000 pompiers étaient mobilisés.", ("people", 2000, "about")),
        ("Trois personnes sont portées disparues.", ("missing", 3, "exact")),
        # a noun that says what happened to them: "l'interpellation de", "l'évacuation de", "le décès de"
        ("La police a procédé à l'interpellation de six personnes mardi.", ("arrested", 6, "exact")),
        ("L'évacuation de 300 habitants a été ordonnée.", ("displaced", 300, "exact")),
        ("La disparition de deux randonneurs inquiète.", ("missing", 2, "exact")),
        ("Le décès de trois patients a été confirmé.", ("killed", 3, "exact")),
        # "un"/"une" after a casualty noun is one casualty, as after a casualty verb
        ("L'hôpital a confirmé la mort d'une infirmière.", ("killed", 1, "exact")),
        ("L'assassinat d'un journaliste a choqué le pays.", ("killed", 1, "exact")),
        # a person noun of any trade after "un", and an adverb that says more than its participle
        ("Un enseignant a été tué mardi à Arras.", ("killed", 1, "exact")),
        ("Un gendarme a été mortellement blessé lors du contrôle.", ("killed", 1, "exact")),
        # a number in words before its scale, and numbers whose predicate or infinitive says what they did
        ("Plus d'un million de personnes ont manifesté jeudi.", ("people", 1_000_000, "at_least")),
        ("Ils étaient 400 à défiler dans les rues de Rennes.", ("people", 400, "exact")),
        ("Ils étaient plus de 3000 samedi à manifester.", ("people", 3000, "at_least")),
        ("Au moins 25 migrants sont morts dans le naufrage, et 40 sont portés disparus.", ("missing", 40, "exact")),
        # things damaged are counted, however few
        ("Deux véhicules de police ont été endommagés.", ("other", 2, "exact")),
        ("Trois voitures ont été incendiées dans la nuit.", ("other", 3, "exact")),
        # people brought before a magistrate are held
        ("Quatre suspects ont été déférés au parquet de Lille.", ("arrested", 4, "exact")),
        ("Le drone a frappé un bus, tuant neuf passagers.", ("killed", 9, "exact")),
        ("Un homme a été tué par balle.", ("killed", 1, "exact")),
        ("On compte 192 blessés.", ("injured", 192, "exact")),
        ("Le concert s'est tenu devant 12 000 personnes.", ("people", 12000, "exact")),
        ("Un millier de personnes ont tenté de bloquer le périphérique.", ("people", 1000, "about")),
        ("La panne a privé d'électricité 40 000 personnes.", ("other", 40000, "exact")),
        ("Jusqu'à 300 éleveurs se relayaient devant la préfecture.", ("people", 300, "at_most")),
        ("Le texte a été adopté par 310 voix contre 190, avec 41 abstentions.", ("people", 41, "exact")),
        ("L'explosion a fait 56 blessés, dont 30 Belges et 12 Néerlandais.", ("injured", 12, "exact")),
        # the predicate's object or the place it puts them in says it: "perdre la vie", "en garde à vue"
        ("Deux randonneurs ont perdu la vie dans l'avalanche.", ("killed", 2, "exact")),
        ("L'effondrement a coûté la vie à sept ouvriers.", ("killed", 7, "exact")),
        ("Cinq personnes, dont le chauffeur, étaient en garde à vue lundi soir.", ("arrested", 5, "exact")),
        ("Onze supporters ont été conduits à l'hôpital.", ("injured", 11, "exact")),
        ("Mardi, quatre hommes, dont un gardien, ont été mis en examen pour vol.", ("arrested", 4, "exact")),
        # people expelled are counted like hostages released: "other"
        ("Le gouvernement a décidé d'expulser quinze agents consulaires.", ("other", 15, "exact")),
        ("Huit manifestants ont été hospitalisés.", ("injured", 8, "exact")),
        # an approximate amount's noun acts through it: "une centaine de personnes se trouvaient"
        ("Près d'une centaine de personnes se trouvaient dans la salle.", ("people", 100, "about")),
        # a participle the parse misreads still says what was done to them
        ("Un camion a percuté la foule qui fêtait le titre, blessant six membres d'un club.", ("injured", 6, "exact")),
    ],
)
def test_number_forms_qualifiers_and_kinds(analyse, sentence, expected):
    assert expected in counts(analyse("Titre\n" + sentence))


def test_subtotals_count_what_their_total_counts(analyse):
    article = analyse("Titre\nLe ministère a fait état de 473 interpellations, dont 203 à Paris.")
    assert counts(article) == [("arrested", 473, "exact"), ("arrested", 203, "exact")]


@pytest.mark.parametrize("sentence", [
    "L'armée a lancé 450 drones et 30 missiles sur Kiev dans la nuit.",
    "L'incendie s'est déclaré dans un immeuble de 12 étages.",
    "La ville compte 45 000 habitants. L'île, peuplée de 300 000 habitants, a été touchée.",
    "Le village de 800 habitants est sous le choc. Ce pays de 11 millions d'habitants vote dimanche.",
])
def test_weapons_floors_and_populations_are_not_counts(analyse, sentence):
    assert counts(analyse("Titre\n" + sentence)) == []


def test_those_who_killed_are_not_counted_as_killed_but_those_who_fled_fled(analyse):
    assert counts(analyse("Titre\nTrois hommes armés ont tué deux policiers.")) == [("killed", 2, "exact")]
    assert counts(analyse("Titre\n2000 personnes ont fui les combats.")) == [("displaced", 2000, "exact")]


def test_a_toll_is_counted_whatever_verb_gives_it(analyse):
    assert counts(analyse("Titre\nLe bilan compte 12 morts.")) == [("killed", 12, "exact")]


def test_one_person_counts_only_as_a_casualty(analyse):
    article = analyse("Titre\nLa visite d'un ministre a été annulée après la mort d'un chien et l'arrivée d'une "
                      "délégation.")
    assert counts(article) == []


def test_clock_minutes_and_measures_are_not_counts(analyse):
    article = analyse("Titre\nLe drame s'est produit vers 23 h 30 vendredi, après 154 mm de pluie et des vents de "
                      "90 km/h.")
    assert counts(article) == []


def test_ages_durations_money_percentages_and_dates_are_not_counts(analyse):
    article = analyse("Titre\nUn homme de 22 ans a attendu 33 heures le 12 septembre 2025 ; la dette atteint "
                      "44 milliards d'euros, soit 3 % du PIB, en 2026.")
    assert counts(article) == []


def test_vague_amounts_without_a_number_are_skipped():
    assert find_numbers("Des milliers de personnes ont défilé.") == []


def test_tens_and_hundreds_of_thousands_scale_their_vague_amount():
    assert [(n.value, n.qualifier) for n in find_numbers("Des dizaines de milliers de manifestants ont défilé, "
                                                         "des centaines de milliers d'euros ont été perdus.")] == [
        (20_000, "at_least"), (200_000, "at_least")]


def test_thousands_separators():
    [number] = find_numbers("quelque 16 000 hectares")
    assert (number.value, number.qualifier) == (16000, "about")
    assert [n.value for n in find_numbers("Quelque 48'000 abonnés du Valais et 2’500 foyers")] == [48000, 2500]


def test_decimal_millions_and_billions():
    assert [(n.value, n.qualifier) for n in find_numbers("plus de 2,4 millions de visiteurs")] == [
        (2_400_000, "at_least")]
    assert 3_000_000_000 in [n.value for n in find_numbers("un budget de 3 milliards d'euros")]


def test_a_percentage_in_words_is_no_hundred():
    assert [n.value for n in find_numbers("entre 20 et 40 pour cent des récoltes")] == [20, 40]


def test_headline_count_repeated_in_the_body_is_counted_once(analyse):
    article = analyse("Deux morts dans une collision\nDeux morts ont été retrouvés sur la route de Lyon.")
    assert counts(article) == [("killed", 2, "exact")]


def test_a_group_drawn_from_casualties_counts_as_they_do(analyse):
    article = analyse("Titre\nLe séisme a fait 80 blessés. On compte parmi eux 25 Chiliens et 9 Péruviens ; "
                      "l'identité de six autres reste inconnue. Le consul a évoqué une dizaine d'Argentins "
                      "parmi les blessés.")
    assert counts(article) == [("injured", 80, "exact"), ("injured", 25, "exact"), ("injured", 9, "exact"),
                               ("injured", 6, "exact"), ("injured", 10, "at_least")]


def test_the_ones_already_counted_are_not_counted_again(analyse):
    article = analyse("Titre\nLe naufrage a fait 30 disparus. Parmi les 30 disparus, douze enfants.")
    assert ("missing", 30, "exact") in counts(article)
    assert [c for c in counts(article) if c[:2] == ("missing", 30)] == [("missing", 30, "exact")]


def test_conjoined_counts_each_count_their_own_noun(analyse):
    article = analyse("Titre\nBilan de l'opération : 14 arrestations et 120 logements fouillés.")
    assert counts(article) == [("arrested", 14, "exact"), ("other", 120, "exact")]


def test_people_deprived_of_something_do_not_take_part(analyse):
    article = analyse("Titre\nJusqu'à 90 000 foyers ont été privés d'électricité mardi.")
    assert ("people", 90000, "at_most") not in counts(article)



@pytest.mark.parametrize("opening", ["", "İzmir : "])  # "İ" lowercases to two characters
def test_numbers_in_capitals_are_read_at_their_offsets(opening):
    text = opening + "TROIS morts et Des Centaines de blessés"
    assert [(text[n.start : n.end], n.value) for n in find_numbers(text)] == [("TROIS", 3),
                                                                             ("Des Centaines de", 200)]
