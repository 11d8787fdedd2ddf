"""Quotes and their speakers, on short articles of our own."""

import pytest

pytestmark = pytest.mark.slow


def speakers(article):
    return [(q.text, q.speaker.name if q.speaker else None) for q in article.quotes if q.direct]


def reported(article):
    return [(q.text, q.speaker.name if q.speaker else None) for q in article.quotes if not q.direct]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("« Nous ne céderons rien sur les retraites », a déclaré Élisabeth Borne mardi.", "Élisabeth Borne"),
        ("Élisabeth Borne a déclaré mardi : « Nous ne céderons rien sur les retraites. »", "Élisabeth Borne"),
        ("Élisabeth Borne : « Nous ne céderons rien sur les retraites. »", "Élisabeth Borne"),
        ("« Nous ne céderons rien sur les retraites », selon Élisabeth Borne.", "Élisabeth Borne"),
        ("« Nous ne céderons rien sur les retraites », d'après Élisabeth Borne.", "Élisabeth Borne"),
        ("Selon Élisabeth Borne, « nous ne céderons rien sur les retraites ».", "Élisabeth Borne"),
        ("« La réunion aura lieu demain matin », précise-t-on à l'Élysée.", "Élysée"),
        ("« Nous ne céderons rien sur les retraites », estime un diplomate européen.", "un diplomate européen"),
        # the incise's comma inside the closing mark
        ("« Nous ne céderons rien sur les retraites, » a déclaré Élisabeth Borne mardi.", "Élisabeth Borne"),
        ("« Nous ne céderons rien, » affirme un diplomate européen.", "un diplomate européen"),
    ],
)
def test_attribution_patterns(analyse, paragraph, speaker):
    article = analyse("Titre\n" + paragraph)
    assert [s for _, s in speakers(article)] == [speaker]


def test_inverted_pronoun_resolves_to_the_person_just_named(analyse):
    article = analyse("Titre\nLe ministre de l'Intérieur, Gérald Darmanin, s'est rendu à Lille. "
                      "« Nous renforcerons les effectifs de police », a-t-il déclaré.")
    assert speakers(article) == [("Nous renforcerons les effectifs de police", "Gérald Darmanin")]


def test_a_role_with_its_complement_resolves_to_the_person_given_that_whole_role(analyse):
    article = analyse("Titre\nLa ministre de la Culture Rachida Dati a visité le musée avec le président "
                      "Emmanuel Macron, qui est reparti aussitôt. Il pleuvait sur la ville.\n"
                      "« Les collections seront protégées », a assuré à cette occasion la ministre de la Culture.")
    assert speakers(article)[0][1] == "Rachida Dati"


def test_role_noun_resolves_to_the_person_given_that_role(analyse):
    article = analyse("Titre\nLa ministre de la Culture, Rachida Dati, a visité le musée. "
                      "« Les collections seront protégées », a assuré la ministre.")
    assert speakers(article)[0][1] == "Rachida Dati"


def test_demonstrative_anaphor_takes_the_paragraph_speaker(analyse, seed_text):
    article = analyse(seed_text)
    said = dict(speakers(article))
    assert said["mais il a revu ses plans de voyages pour des raisons évidentes"] == "Élysée"
    assert said["une vraie performance"] == "Élysée"


def test_speaker_carries_over_to_the_next_quote(analyse):
    article = analyse("Titre\n« Nous ne céderons rien sur les retraites », a déclaré Élisabeth Borne. "
                      "« Le texte sera voté avant l'été. »")
    assert [s for _, s in speakers(article)] == ["Élisabeth Borne", "Élisabeth Borne"]


def test_two_quotes_sharing_one_incise(analyse):
    article = analyse("Titre\n« Espérons que cette journée sera productive » et « qu'un cessez-le-feu sera mis "
                      "en place », a écrit Donald Trump.")
    assert [s for _, s in speakers(article)] == ["Donald Trump", "Donald Trump"]


def test_headline_quote_takes_the_speaker_the_body_gives(analyse):
    article = analyse("Retraites : « nous ne céderons rien », prévient le gouvernement\n"
                      "« Nous ne céderons rien », a martelé Élisabeth Borne devant les députés.")
    assert {s for _, s in speakers(article)} == {"Élisabeth Borne"}


def test_relative_clause_speaker(analyse):
    article = analyse("Titre\nAccueilli par le président de la Knesset, Amir Ohana, qui a répété « Merci "
                      "président Donald Trump », le milliardaire a parlé une heure.")
    assert speakers(article) == [("Merci président Donald Trump", "Amir Ohana")]


def test_indirect_speech_with_a_named_speaker(analyse):
    article = analyse("Titre\nÉlisabeth Borne a affirmé que le texte serait voté avant l'été.")
    assert reported(article) == [("le texte serait voté avant l'été", "Élisabeth Borne")]


def test_quote_spans_and_verbs_are_kept(analyse):
    article = analyse("Titre\n« Nous ne céderons rien sur les retraites », a déclaré Élisabeth Borne.")
    [quote] = article.quotes
    assert article.text[quote.start : quote.end] == quote.text
    assert article.text[quote.speaker.start : quote.speaker.end] == "Élisabeth Borne"
    assert quote.verb_lemma == "déclarer" and article.text[quote.verb.start : quote.verb.end] == "déclaré"
    assert quote.speaker.entity_id == next(e.id for e in article.entities if e.name == "Élisabeth Borne")


def test_legal_charges_in_quotes_are_not_quotes(analyse):
    article = analyse("Titre\nIls ont été mis en examen pour « vol en bande organisée » et écroués.")
    assert article.quotes == []
