"""Who said it, on sentences of our own: role nouns the text introduces, documents, things and places."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from vigie.extract.resolve import subject_of

pytestmark = pytest.mark.slow


def speakers(article) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in article.quotes if q.direct]


def every_speaker(article) -> list[str | None]:
    """Speakers of direct and reported speech alike."""
    return [q.speaker.name if q.speaker else None for q in article.quotes]


def test_a_role_noun_resolves_to_the_person_the_text_introduced_with_it(analyse):
    article = analyse("Titre\nLe réalisateur iranien Ali Rezaei a présenté son film mardi à Venise. "
                      "« Le cinéma ne se tait pas », a lancé le réalisateur devant la presse.")
    assert speakers(article) == ["Ali Rezaei"]


def test_a_role_noun_of_a_body_resolves_to_the_body(analyse):
    article = analyse("Titre\nLa Fondation Abbé-Pierre a publié mardi son rapport annuel. « Le mal-logement "
                      "s'aggrave partout », a alerté la fondation dans un communiqué.")
    assert speakers(article) == ["Fondation Abbé-Pierre"]


def test_a_document_speaks_for_its_author(analyse):
    article = analyse("Titre\nUn communiqué de la préfecture du Var précise que « la situation est maîtrisée "
                      "sur l'ensemble du massif ».")
    assert speakers(article) and "préfecture du Var" in speakers(article)[0]


@pytest.mark.parametrize("sentence", [
    "Ce choix « ouvre une nouvelle page de notre histoire », affirme le texte publié mardi.",
    "La houle « pourrait atteindre six mètres dans la nuit », prévient le bulletin.",
])
def test_a_thing_or_an_anonymous_document_is_no_speaker(analyse, sentence):
    article = analyse("Titre\n" + sentence)
    assert all(s is None for s in speakers(article)), speakers(article)


def test_a_town_does_not_speak_but_a_country_does(analyse, pipeline):
    from vigie.extract.resolve import Speaker, resolver_for
    from vigie.nlp import pipe_by_line

    article = analyse("Titre\nLes pompiers sont intervenus à Montélimar, en France, dans la nuit de lundi.")
    doc = next(pipe_by_line(pipeline.warm_up(), [article.text]))
    resolver = resolver_for(article, doc)
    places = {e.name: e for e in article.entities}
    town, country = places["Montélimar"], places["France"]
    assert town.place.feature != "country" and country.place.feature == "country"
    assert not resolver.can_speak(Speaker(town.name, 0, 1, town.id))
    assert resolver.can_speak(Speaker(country.name, 0, 1, country.id))


@pytest.mark.parametrize("sentence", [
    "« Il n'a jamais douté », confie un proche de Gabriel Attal.",
    "« Tout est sur la table », assure l'entourage de Gabriel Attal.",
    "« Le dossier avance », glisse un dirigeant de Renaissance.",
])
def test_someone_close_to_x_is_not_x(analyse, sentence):
    article = analyse("Titre\nGabriel Attal a présenté lundi son plan. " + sentence)
    assert "Gabriel Attal" not in speakers(article), speakers(article)


def test_a_synonym_of_a_role_resolves_like_the_role(analyse):
    article = analyse("Titre\nLe maire de Marseille, Benoît Payan, a visité le quartier mardi. « Nous "
                      "reconstruirons chaque école », a promis l'édile devant les habitants.")
    assert speakers(article) == ["Benoît Payan"]


def test_this_source_is_the_source_introduced_before(analyse):
    article = analyse("Titre\nUne source proche du dossier affirme que l'accord est prêt. « Il ne manque qu'une "
                      "signature », ajoute cette source.")
    assert len(speakers(article)) == 1 and speakers(article)[0].startswith("Une source proche")


@pytest.mark.parametrize("verb", ["témoigne", "raconte", "soupire", "s'agace", "rétorque", "nuance", "tempête"])
def test_verbs_of_saying_in_an_incise(analyse, verb):
    article = analyse(f"Titre\n« On se serait cru en état de guerre », {verb} Julien Marchal, éleveur dans le Gers.")
    assert speakers(article) == ["Julien Marchal"], verb


@pytest.mark.parametrize("incise", ["met-elle en perspective", "hausse-t-elle les épaules",
                                    "lève-t-elle les yeux au ciel"])
def test_any_verb_with_its_subject_pronoun_inverted_after_a_quote_is_an_incise(analyse, incise):
    article = analyse("Titre\nJeanne Morel, maire de Lille, a présenté son plan mardi devant le conseil municipal.\n"
                      f"« Nous ne reculerons pas d'un pouce », {incise}.")
    assert speakers(article) == ["Jeanne Morel"], incise


def test_on_inverted_behind_the_t_of_euphony_is_the_institution_named_after_it(analyse):
    article = analyse("Titre\nPaul Durand, le préfet, est resté silencieux. « Le dossier est lourd », grimace-t-on "
                      "au ministère de l'Intérieur.")
    assert speakers(article) == ["ministère de l'Intérieur"]


def test_a_pronoun_after_a_quote_of_several_sentences_is_the_person_the_narration_was_about(analyse):
    article = analyse("Titre\n« Le gouvernement a payé ses dettes aux compagnies la semaine dernière », a indiqué une "
                      "source gouvernementale.\nDans la soirée, la ministre de l'Industrie, Claire Vasseur, jointe par "
                      "téléphone, a confié avoir envoyé des inspecteurs. « Nous avons fermé deux dépôts. Les gérants "
                      "ont refusé tout contrôle. Cela veut dire qu'ils cachent du carburant. Trois autres dépôts ont "
                      "rouvert depuis », a-t-elle fait savoir.")
    # the subjects of her own words ("les gérants", "cela") are neither antecedents nor a reported speaker
    assert [(q.speaker.name if q.speaker else None, q.direct) for q in article.quotes] == [
        ("une source gouvernementale", True), ("Claire Vasseur", True)]


def test_a_role_of_several_words_no_one_held_before_is_the_person_named_with_it_further_on(analyse):
    article = analyse("Titre\nLe ministre de la Santé, Paul Roux, a dîné sans masque dans un restaurant. Le Premier "
                      "ministre lui-même s'est dit « profondément déçu par ce comportement ».\nMardi soir, Paul Roux "
                      "était en compagnie d'un conseiller du Premier ministre Karel Novák.")
    assert speakers(article) == ["Karel Novák"]


def test_paragraphs_of_quotes_alone_are_the_words_of_the_person_presented_just_before(analyse):
    article = analyse("Titre\nZineb Amrani, 41 ans, habite le quartier depuis dix ans. Elle élève seule ses trois "
                      "enfants.\n« Les loyers ont doublé, on ne peut plus suivre. »\n« Mes enfants sont partis vivre "
                      "ailleurs. »")
    assert speakers(article) == ["Zineb Amrani", "Zineb Amrani"]
    assert {q.attribution for q in article.quotes} == {"introduced", "carry_over"}
    nobody = analyse("Titre\nZineb Amrani, 41 ans, habite le quartier depuis dix ans.\nLes loyers ont doublé en "
                     "cinq ans dans tout l'arrondissement.\n« On ne peut plus suivre, tout augmente. »")
    assert speakers(nobody) == [None]


def test_a_body_noun_after_a_quote_is_the_body_named_before_a_stray_mark(analyse):
    # the parser makes a sentence of the opening mark; the body named before it is still the one just named
    article = analyse("Titre\nLa société Airbus a publié un communiqué. « Nous suivons la situation avec la plus "
                      "grande attention », indique l'entreprise.")
    assert speakers(article) == ["Airbus"]


def test_a_person_noun_is_the_person_just_named_when_the_parse_found_no_subject(analyse):
    article = analyse("Titre\nNathalie Roy, secrétaire de la CGT de l'usine, est en colère. « On nous a menti pendant "
                      "des mois », dénonce la syndicaliste.")
    assert speakers(article) == ["Nathalie Roy"]


def test_the_management_is_that_of_the_body_just_named(analyse):
    article = analyse("Titre\nLe groupe Renault a annoncé la fermeture de son usine de Flins. « Cette décision est "
                      "douloureuse mais nécessaire », a expliqué la direction.")
    assert speakers(article) == ["Renault"]
    unnamed = analyse("Titre\nL'usine fermera en juin. « Cette décision est douloureuse mais nécessaire », a expliqué "
                      "la direction.")
    assert speakers(unnamed) == ["la direction"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Le ministre a annulé ses rendez-vous. « Le ministre est très affecté par cette affaire », explique-t-on dans "
     "l'entourage du ministre.", "l'entourage du ministre"),
    ("Des analyses ont été menées. « Aucune trace de pollution n'a été relevée dans les prélèvements », peut-on lire "
     "dans le communiqué de la préfecture du Nord.", "préfecture du Nord"),
])
def test_on_in_an_incise_is_the_proxy_or_the_documents_author_named_after_it(analyse, text, speaker):
    article = analyse("Titre\n" + text)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [(speaker, "incise")]


def test_an_inverted_name_the_tagger_did_not_call_a_noun_is_still_the_subject(analyse):
    article = analyse("Titre\nLe tribunal a annulé le projet. « C'est une grande victoire pour la biodiversité », a "
                      "réagi Greenpeace France dans un communiqué. « Il faut agir vite », a déclaré lundi soir sur "
                      "France 2 Paul Girard.")
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [
        ("Greenpeace France", "incise"), ("Paul Girard", "incise")]


def test_a_verb_of_the_incise_kind_before_a_colon_introduces_the_quote(analyse):
    article = analyse("Titre\nContacté par Le Monde, le cabinet du ministre n'a pas souhaité réagir. Mais un "
                      "conseiller glisse : « Le ministre est serein. »")
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [
        ("un conseiller", "colon")]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Mardi, la porte-parole du maire lâche « qu'aucune décision n'est encore prise sur le budget ».",
     "la porte-parole du maire"),
    ("Le 3 mars, le conseiller du ministre glisse « qu'il faudra du temps pour convaincre ».",
     "le conseiller du ministre"),
])
def test_a_verb_of_saying_right_before_the_quote_introduces_it_whatever_the_tagger_made_of_it(
        analyse, sentence, speaker):
    # the tagger reads "lâche" and "glisse" as adjectives of the last noun of the subject
    article = analyse("Titre\n" + sentence)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [(speaker, "clause")]


def test_a_witness_introduced_by_first_name_and_age_speaks_the_paragraph_after(analyse):
    article = analyse("Titre\nSonia, 52 ans, tient la boulangerie depuis vingt ans.\n« Les clients ne viennent plus "
                      "le soir, ils ont peur. »")
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [
        ("Sonia", "introduced")]


def test_a_name_after_a_role_and_a_rank_in_apposition_is_the_speaker(analyse):
    article = analyse("Titre\n« Le barrage tient pour l'instant », assure le chef des secours, le capitaine Hugo "
                      "Lambert.")
    assert every_speaker(article) == ["Hugo Lambert"]


def test_the_party_label_between_a_role_and_a_name_is_not_the_speaker(analyse):
    article = analyse("Titre\nLe député LFI Marc Lenoir a pris la parole. Il a dénoncé « un budget injuste pour "
                      "les collectivités rurales ».")
    assert every_speaker(article) == ["Marc Lenoir"]


def test_a_source_cited_by_an_agency_speaks_with_all_its_description(analyse):
    # "citée par l'AFP" is a participle of the source's own, not the quote's governor; "proche du dossier" is
    # part of the description
    article = analyse("Titre\nSelon une source proche du dossier, citée par l'AFP, « les négociations sont au point "
                      "mort ».")
    assert every_speaker(article) == ["une source proche du dossier"]


def test_a_pronoun_never_stands_for_a_person_of_the_other_gender(analyse):
    # "la juge Anne Morel" is a woman: "a-t-il répété" is the man she questioned
    article = analyse("Titre\nLa juge Anne Morel a interrogé Paul Lenoir. « Je ne me souviens de rien, je vous le "
                      "jure », a-t-il répété.")
    assert every_speaker(article) == ["Paul Lenoir"]


def test_a_first_name_tells_a_gender_the_text_does_not(analyse):
    # nothing in the text says Paul Lenoir is a man: his first name does
    article = analyse("Titre\nPaul Lenoir a été interrogé par Anne Morel. « Vos déclarations ne tiennent pas une "
                      "seconde », a-t-elle lancé.")
    assert every_speaker(article) == ["Anne Morel"]


def test_an_elided_role_takes_the_gender_of_its_adjective(analyse):
    # "l'ancienne ministre" is a woman although "ministre" is either: not Marc Petit
    article = analyse("Titre\nMarc Petit a salué l'accord avec Julie Martin. L'ancienne ministre assure que le texte "
                      "respecte « l'équilibre des deux listes du premier tour ».")
    assert speakers(article) == ["Julie Martin"]


def test_an_unresolved_pronoun_leaves_the_speaker_unknown_rather_than_a_person_of_the_other_gender(analyse):
    article = analyse("Titre\nLe ministre a répondu à la sénatrice Claire Dumas. « Je comprends votre inquiétude, "
                      "mais la loi sera appliquée », a-t-il déclaré.")
    assert [q.speaker for q in article.quotes] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    # "ce dernier", "cette dernière": the one named last, not the last subject, and found by the incise itself
    ("Paul Martin a été reçu mardi par Marc Dubois. « Nous avons trouvé un terrain d'entente sur les salaires », "
     "a assuré ce dernier.", [("Marc Dubois", "incise")]),
    ("Anne Morel a rencontré Julie Lenoir. Cette dernière a affirmé que « rien ne sera décidé avant l'été "
     "prochain ».", [("Julie Lenoir", "clause")]),
    # "le premier", "la seconde": of the last two named
    ("Paul Martin et Claire Dubois ont tous deux réagi. « C'est un jour historique pour nous », a déclaré le "
     "premier. « Nous resterons vigilants », a ajouté la seconde.", [("Paul Martin", "incise"),
                                                                   ("Claire Dubois", "incise")]),
])
def test_the_latter_and_the_first_or_second_name_the_persons_in_the_order_named(analyse, text, expected):
    article = analyse("Titre\n" + text)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes if q.direct] == expected


def test_a_role_written_before_a_verb_is_not_given_to_the_verb_s_object(analyse):
    # "Le Premier ministre a reçu Paul Martin": Paul Martin is not the Prime Minister, who stays unnamed
    article = analyse("Titre\nLe Premier ministre a reçu Paul Martin. « Nous avancerons ensemble sur ce dossier », "
                      "a déclaré le premier ministre.")
    assert every_speaker(article) == ["le premier ministre"]


def test_a_fact_is_no_speaker(analyse):
    article = analyse("Titre\nLa ministre Claire Vasseur a visité le dépôt. Les cuves étaient pleines. Cela veut "
                      "dire que les gérants ont menti.")
    assert [q.text for q in article.quotes if not q.direct] == []


def test_a_colon_introduces_the_quote_even_when_the_parser_splits_the_sentence(analyse):
    article = analyse("Titre\nEn visite à Lille, Gabriel Attal n'a pas tardé à qualifier la décision : « C'est un "
                      "recul historique pour le climat. » Sur X, le maire de Lyon, Grégory Doucet, a salué la "
                      "mobilisation, après avoir écrit : « Nous ne lâcherons rien sur la qualité de l'air. »")
    assert speakers(article) == ["Gabriel Attal", "Grégory Doucet"]


def test_two_quotes_share_an_incise_only_when_close(analyse):
    article = analyse("Titre\n« Nous avons gagné une bataille » et « la guerre continue », a lancé Sophie Binet "
                      "mardi devant les grévistes.")
    assert speakers(article) == ["Sophie Binet", "Sophie Binet"]


def test_a_person_named_inside_quoted_words_is_no_antecedent(analyse):
    article = analyse("Titre\nÉric Lombard a présenté le budget mardi. Une syndicaliste a répondu : « Ce budget "
                      "fera le jeu de Jordan Bardella. » « Nous tiendrons le cap », a répliqué le ministre.")
    assert speakers(article) == ["Une syndicaliste", "Éric Lombard"]


def test_a_definite_description_right_after_a_quote_is_the_person_just_quoted(analyse):
    article = analyse("Titre\nLa dirigeante de la CGT, Sophie Binet, a été reçue à Matignon. « Beaucoup de Français "
                      "finiront par voter pour Marine Le Pen », a-t-elle averti.\nLe ton est monté. « Il faut un "
                      "référendum sur les retraites », a insisté la syndicaliste.")
    assert speakers(article) == ["Sophie Binet", "Sophie Binet"]
    unknown = analyse("Titre\n« Il faut un référendum sur les retraites », a insisté la syndicaliste.")
    assert speakers(unknown) == ["la syndicaliste"]  # nobody quoted before: the description stays


@pytest.mark.parametrize("verb", ["a rapporté", "a ordonné", "a requis", "a fait valoir", "a recommandé"])
def test_more_verbs_of_saying_with_an_inverted_role_and_name(analyse, verb):
    article = analyse(f"Titre\n« Chacun doit rester chez soi jusqu'à nouvel ordre », {verb} sur la radio publique "
                      "le porte-parole de la préfecture, Julien Garnier.")
    assert speakers(article) == ["Julien Garnier"]


def test_a_verb_that_reports_speech_only_in_an_incise(analyse, pipeline):
    from vigie.extract.resolve import is_reporting_verb

    nlp = pipeline.warm_up()
    resumed = next(t for t in nlp("L'armée a repris la ville mardi.") if t.lemma_ == "reprendre")
    assert not is_reporting_verb(resumed) and is_reporting_verb(resumed, incise=True)
    article = analyse("Titre\nLa juge Hélène Perrin a ouvert l'audience à 9 heures. « Les débats seront longs », "
                      "a-t-elle prévenu. « Chacun pourra parler », reprend la magistrate.")
    assert speakers(article) == ["Hélène Perrin", "Hélène Perrin"]


def test_a_clause_with_its_own_object_after_a_quote_is_no_incise(analyse):
    article = analyse("Titre\nLe maire Paul Roux a lancé « merci à tous les bénévoles », le préfet a ensuite invité "
                      "les élus à voter.")
    assert speakers(article) == ["Paul Roux"]


def test_quoted_words_in_a_reported_clause_are_the_reporters(analyse):
    article = analyse("Titre\nLa porte-parole Anne Vidal rappelle que la France avait appelé à « une désescalade "
                      "immédiate et vérifiable » dès lundi.")
    assert speakers(article) == ["Anne Vidal"]


def test_an_inverted_pronoun_split_by_the_parser_is_still_singular(analyse):
    article = analyse("Titre\n« Partez tout de suite », avait ordonné la mairie dans un message envoyé à 22 heures.\n"
                      "Employé au port depuis dix ans, le Normand Yann Lemoine dormait ce soir-là. « J'ai tout laissé "
                      "derrière moi », raconte-t-il.")
    assert speakers(article) == ["la mairie", "Yann Lemoine"]


def test_each_quote_says_how_its_speaker_was_found_and_how_sure(analyse):
    article = analyse("Retraites : « une étape décisive pour tous »\n"
                      "« Nous ne céderons rien », a déclaré Élisabeth Borne mardi. « Rien du tout. »\n"
                      "« La réforme sera appliquée », a-t-elle ajouté.\n"
                      "« Personne ne sait pourquoi. »")
    rules = [(q.attribution, q.confidence) for q in article.quotes if q.direct and q.speaker is not None]
    from vigie.extract.quotes import RULE_CONFIDENCE

    assert rules[0] == ("incise", RULE_CONFIDENCE["incise"][0])
    assert rules[1] == ("carry_over", RULE_CONFIDENCE["carry_over"][1])
    assert rules[2] == ("incise", RULE_CONFIDENCE["incise"][1])  # "elle" stands for a speaker named before
    unknown = [q for q in article.quotes if q.speaker is None]
    assert unknown  # the headline's words, said nowhere in the body by anyone named
    assert all(q.attribution is None and q.confidence is None for q in unknown)


def test_the_previous_speaker_is_not_carried_over_once_the_text_names_someone_else(analyse):
    article = analyse("Titre\n« Nous ne lâcherons rien », a déclaré la syndicaliste Marie Caron mardi.\n"
                      "« Les salaires doivent suivre. »\n"
                      "Le patron de la fédération, Luc Perrot, a reçu les délégués jeudi. « Rien n'est décidé. »")
    assert speakers(article)[:2] == ["Marie Caron", "Marie Caron"]
    assert speakers(article)[2] != "Marie Caron"


def test_a_town_named_on_the_line_of_an_unattributed_quote_is_not_its_speaker(analyse):
    article = analyse("Titre\nLe message est arrivé vers 22 heures à Narbonne : « Tout le monde doit partir "
                      "maintenant ».")
    assert "Narbonne" not in speakers(article)


def test_an_incise_inside_the_marks_splits_the_quote_and_names_both_parts(analyse):
    article = analyse("Titre\nLa maire de Rennes, Nathalie Appéré, a réuni les commerçants jeudi. « Sur ce point, nos "
                      "positions sont proches, reconnaît-elle. Le plan de circulation sera revu avant l'été. »")
    quotes = [(q.text, q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes if q.direct]
    assert quotes == [
        ("Sur ce point, nos positions sont proches", "Nathalie Appéré", "incise"),
        ("Le plan de circulation sera revu avant l'été", "Nathalie Appéré", "incise"),
    ]


def test_a_question_inside_a_quote_is_no_incise(analyse):
    article = analyse("Titre\n« Comment la ville peut-elle, sans moyens, rénover ses écoles ? », a demandé le "
                      "conseiller Paul Méry.")
    assert [q.text for q in article.quotes if q.direct] == [
        "Comment la ville peut-elle, sans moyens, rénover ses écoles ?"]


def test_a_quote_that_is_the_complement_of_a_reported_verb_of_saying_is_its_subjects(analyse):
    article = analyse("Titre\nUne voisine, Marie Lenoir, raconte que l'agresseur, Karim Haddad, lui a demandé "
                      "« Avez-vous de l'argent sur vous ? » avant de s'enfuir.")
    assert speakers(article) == ["Karim Haddad"]


def test_a_pronoun_stands_for_the_unnamed_person_just_brought_in(analyse):
    article = analyse("Titre\nLe gouvernement de Paul Lemaire défend sa réforme. Un ancien député s'est souvenu "
                      "de la campagne de 2017.\n« Nous étions seuls contre tous », a-t-il lâché.")
    assert speakers(article) == ["Un ancien député"]


def test_a_person_in_a_negated_generic_clause_is_nobody_to_point_back_to(analyse):
    article = analyse("Titre\nPaul Lemaire a perdu le vote. Jamais un maire n'avait été ainsi désavoué.\n"
                      "« Je reste à mon poste », a-t-il assuré.")
    assert speakers(article) == ["Paul Lemaire"]


@pytest.mark.parametrize("sentence", [
    "Qualifié de « meilleur négociateur de sa génération » par un diplomate allemand, Marc Vasseur reste prudent.",
    "Marc Vasseur a été qualifié de « meilleur négociateur de sa génération » par un diplomate allemand.",
])
def test_the_agent_of_a_passive_participle_said_the_words_it_quotes(analyse, sentence):
    article = analyse("Titre\n" + sentence)
    assert speakers(article) == ["un diplomate allemand"]


def test_a_source_after_a_quote_ends_at_its_comma(analyse):
    article = analyse("Titre\nLe texte de Claire Vasseur divise. « Redoutable en négociation », selon un proche "
                      "de Paul Lemaire, Claire Vasseur ne cède rien.")
    assert speakers(article) == ["un proche de Paul Lemaire"]


def test_a_political_affiliation_describes_a_new_person_but_names_no_one_when_definite(analyse):
    article = analyse("Titre\nUne insoumise a raconté la séance. « Le débat a été confisqué », a-t-elle dénoncé.\n"
                      "Paul Lemaire a quitté l'hémicycle. « La séance est levée », a écrit le socialiste sur X.")
    assert speakers(article)[0] == "Une insoumise"
    assert speakers(article)[1] != "le socialiste"


def test_a_role_written_without_its_adjective_is_still_the_person_given_it(analyse):
    article = analyse("Titre\nLe ministre russe de la Défense, Andreï Sokolov, a inspecté les troupes mardi. Il a été "
                      "reçu par le général Ivan Petrov.\nLe ministre de la Défense a affirmé que la progression "
                      "« s'est accélérée maintenant ».")
    assert speakers(article) == ["Andreï Sokolov"]


def test_a_headline_quote_is_its_verbs_subjects_not_the_nearest_persons(analyse):
    article = analyse("Claire Vasseur met en garde Paul Lemaire sur la « gravité de la situation dans le pays »\n"
                      "La syndicaliste a été reçue mardi à Matignon.")
    assert speakers(article) == ["Claire Vasseur"]


def test_a_headline_that_is_only_a_quote_names_nobody(analyse):
    article = analyse("« Nous ne céderons rien sur les salaires »\nLa grève se poursuit mardi dans les dépôts.")
    assert speakers(article) == [None]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("« Mon client est innocent », a déclaré l'avocat de Paul Lemaire.", "l'avocat de Paul Lemaire"),
    ("La fille de Marie Dubois a témoigné : « Ma mère était terrifiée. »", "La fille de Marie Dubois"),
    ("« Le dossier est vide », a ajouté Maître Jean Sorel, avocat de Paul Lemaire.", "Maître Jean Sorel"),
])
def test_a_person_related_to_someone_named_is_not_that_someone(analyse, sentence, speaker):
    article = analyse("Titre\nPaul Lemaire et Marie Dubois comparaissaient mardi à Lyon. " + sentence)
    assert speakers(article) == [speaker]


def test_a_descriptive_epithet_is_the_person_just_quoted(analyse):
    article = analyse("Titre\n« Le bar était plein tous les soirs », raconte Lucas Morel, 24 ans, serveur à Sion. "
                      "« On se connaissait tous », ajoute le jeune homme, ému.")
    assert speakers(article) == ["Lucas Morel", "Lucas Morel"]


def test_a_role_named_after_a_bracketed_acronym_is_the_person_named(analyse):
    article = analyse("Titre\nLa route s'est effondrée dans la nuit. « Selon nos informations, la chaussée a cédé "
                      "sous la pluie », a précisé dimanche matin la porte-parole de la Gendarmerie royale du "
                      "Canada (GRC), Julie Tremblay.")
    assert speakers(article) == ["Julie Tremblay"]


def test_a_source_opening_the_sentence_speaks_for_the_quotes_in_it(analyse):
    article = analyse("Titre\nMardi, Claire Vasseur a répondu au ministre. Selon elle, le rapport « ne dit rien » "
                      "de ce que Paul Lemaire « savait depuis des mois ».")
    assert speakers(article) == ["Claire Vasseur", "Claire Vasseur"]


def test_a_verb_of_saying_with_its_own_subject_outweighs_the_opening_source(analyse):
    article = analyse("Titre\nSelon Le Parisien, Paul Lemaire a déclaré : « Je ne démissionnerai pas. »")
    assert speakers(article) == ["Paul Lemaire"]


def test_a_colon_after_a_subject_the_parse_left_before_its_verb(analyse):
    article = analyse("Titre\nPaul Lemaire a salué le texte. Son adjointe, la conseillère écologiste du Rhône "
                      "Claire Vasseur, défend une tout autre analyse: «Il n'a rien caché, il a dit sa vérité.»")
    assert speakers(article) == ["Claire Vasseur"]


def test_a_possessive_description_says_whose(analyse):
    article = analyse("Titre\nLa ministre, Claire Vasseur, a défendu son texte. « Rien n'est joué », a-t-elle dit. "
                      "Selon son entourage, elle « s'attend à un vote serré ».")
    assert speakers(article) == ["Claire Vasseur", "l'entourage de Claire Vasseur"]


def test_a_name_after_a_role_and_its_complements_is_the_role_holder(analyse):
    article = analyse("Titre\nLe porte-parole du Parti radical, Paul Lemaire, voit « une faute politique ». La "
                      "présidente du groupe écologiste au Sénat de la Loire, Claire Vasseur, a fustigé « un budget "
                      "de renoncements ».")
    assert speakers(article) == ["Paul Lemaire", "Claire Vasseur"]


def test_pour_x_opening_a_sentence_is_a_source_but_pour_with_a_verb_is_a_purpose(analyse):
    article = analyse("Titre\nClaire Vasseur a ironisé sur « un budget de renoncements ». Pour le maire de Lyon, "
                      "Paul Lemaire, il s'agit d'« un plan sans ambition ni moyens ». Pour sauver la ligne, il faut "
                      "« investir sans attendre dans le rail », a estimé Claire Vasseur.")
    assert speakers(article) == ["Claire Vasseur", "Paul Lemaire", "Claire Vasseur"]


def test_an_adverbial_clause_with_its_own_subject_is_not_what_the_main_verb_reports(analyse):
    article = analyse("Titre\nLe maire, Paul Lemaire, a jugé « assez indigne la polémique », tandis que la "
                      "députée Claire Vasseur a comparé la séance à « un procès stalinien » mardi.")
    assert speakers(article) == ["Paul Lemaire", "Claire Vasseur"]


def test_a_name_the_journalist_inserted_in_brackets_inside_a_quote_is_narration(analyse):
    article = analyse("Titre\n« Il faut que la ministre (de la Culture, Claire Vasseur) entende les artistes », a "
                      "lancé Paul Lemaire. Le gouvernement ne bouge pas. « Le budget sera maintenu », a affirmé la "
                      "ministre de la Culture dans un entretien.")
    assert speakers(article) == ["Paul Lemaire", "Claire Vasseur"]


def test_a_stray_quotation_mark_is_no_sentence_between_a_role_and_its_holder(analyse):
    article = analyse("Titre\n« Vous ne briserez pas notre combat quotidien », a répliqué Claire Vasseur.\n"
                      "Le président de la CFTC, Paul Lemaire, affirme que le cortège a été dispersé trop tôt. "
                      "“Nous avions prévenu la police et signalé que certains groupes voulaient infiltrer notre "
                      "manifestation”, a déclaré le responsable du syndicat chrétien.")
    assert speakers(article) == ["Claire Vasseur", "Paul Lemaire"]


def test_an_impersonal_il_stands_for_nobody_but_its_dative_does(analyse):
    article = analyse("Titre\n« Le texte est dangereux pour les libertés », a dit Paul Lemaire.\n"
                      "Le vote aura lieu mardi.\nLe projet de loi énonce les domaines de la surveillance. Il s'agit "
                      "notamment de « la prévention du terrorisme et des ingérences ».\nClaire Vasseur a publié un "
                      "livre. Pour comprendre la crise, il lui faut « y reconnaître un état de malaise généralisé ».")
    # the bill's words: the impersonal "il" goes on with the sentence before it, never with Paul Lemaire
    assert speakers(article) == ["Paul Lemaire", "Le projet de loi", "Claire Vasseur"]


def test_an_infinitive_of_saying_before_a_colon_is_the_person_told_of(analyse):
    article = analyse("Titre\n« Ma mission est terminée », a expliqué Paul Lemaire. Avant de lancer, dans une allusion "
                      "transparente à son rival : « Il faut toujours préférer son pays à son parti. »")
    assert speakers(article) == ["Paul Lemaire", "Paul Lemaire"]


def test_a_country_in_the_line_is_no_guess_for_an_unattributed_body_quote(analyse):
    article = analyse("Titre\nLa rumeur a circulé vite en Espagne. « Ce sont les utilisateurs ordinaires qui aident "
                      "à diffuser ces rumeurs en ligne. »")
    assert speakers(article) == [None]


def test_a_named_subject_before_its_comma_speaks_for_both_coordinated_verbs(analyse):
    article = analyse("Titre\n« Les frappes israéliennes de ce jour au Koweït sont inacceptables quel qu’en soit le "
                      "motif », a réagi Emmanuel Macron sur X. Le secrétaire général de l’ONU, Amina Mohammed, a "
                      "dénoncé une « violation flagrante de la souveraineté et de l’intégrité territoriale » du Koweït "
                      "et exhorté toutes les parties à « œuvrer à l’instauration d’un cessez-le-feu permanent à Gaza, "
                      "et non à sa destruction ».")
    assert speakers(article) == ["Emmanuel Macron", "Amina Mohammed", "Amina Mohammed"]


def test_a_definite_body_noun_is_the_body_just_named_and_a_misread_verb_of_saying_still_speaks(analyse):
    article = analyse("Titre\nLe bilan s'élève à trois morts. Pour le Hezbollah, ce raid illustre la volonté d'Israël "
                      "de saboter toute perspective de trêve. Le mouvement juge aussi le gouvernement libanais « "
                      "complice passif de cette agression », en raison de son silence.")
    [quote] = article.quotes
    assert (quote.speaker.name, quote.attribution) == ("Hezbollah", "clause")  # found by its clause, not guessed


def test_a_described_institution_is_the_one_of_its_country(analyse):
    article = analyse("Titre\nLe ministère marocain des Affaires étrangères a réagi lundi. Le Quai d'Orsay a répondu. "
                      "Mardi, la diplomatie marocaine dénonçait une « campagne de dénigrement inadmissible ». "
                      "L'Élysée a publié un communiqué. « Cette décision est injustifiable », a indiqué la présidence.")
    assert speakers(article) == ["ministère marocain des Affaires étrangères", "Élysée"]


def test_an_accented_role_word_finds_the_body_whose_name_holds_it(analyse):
    article = analyse("Titre\nDes évacuations ont été ordonnées dans la nuit, selon un communiqué publié par la "
                      "préfecture de la Gironde vers minuit. Les pompiers luttent toujours. « Le feu reste très actif "
                      "ce soir », a précisé la préfecture.")
    assert speakers(article)[-1] == "préfecture de la Gironde"


def test_a_role_given_far_into_an_apposition_is_still_given(analyse):
    article = analyse("Titre\nEntendu mercredi, Paul Lemaire, ancien ministre de l'Éducation nationale et maire de "
                      "Tarbes, était interrogé sur ce qu'il savait. La présidente de la commission, Claire Vasseur, "
                      "l'a dit « confus et parfois même grossier ».\nEn fin de soirée, le maire de Tarbes a livré sa "
                      "propre lecture. « Vous ne m'avez interrogé que sur moi », a-t-il lancé aux députés.")
    assert speakers(article) == ["Claire Vasseur", "Paul Lemaire"]


def test_a_named_incise_inside_the_marks_splits_the_quote(analyse):
    article = analyse("Titre\n“La désinformation a été une des caractéristiques de la pandémie, ce qui est grave, "
                      "rappelle Ana Martín, professeure de sciences politiques et auteure de cette étude. Dans "
                      "certains cas, il s'agissait de fausses informations créées pour tromper.”\n« Ce que l'on sait, "
                      "a expliqué Paul Lemaire, c'est que le pont était fragile depuis longtemps. »")
    assert [q.text for q in article.quotes if q.direct] == [
        "La désinformation a été une des caractéristiques de la pandémie, ce qui est grave",
        "Dans certains cas, il s'agissait de fausses informations créées pour tromper",
        "Ce que l'on sait", "c'est que le pont était fragile depuis longtemps"]
    assert speakers(article) == ["Ana Martín", "Ana Martín", "Paul Lemaire", "Paul Lemaire"]


def test_a_role_with_a_complement_parsed_apart_still_meets_its_holder(analyse):
    article = analyse("Titre\nLe président Paul Martin a frappé fort. Les avoirs sont gelés. Ces mesures visent “les "
                      "deux plus grands armateurs qui financent la machine de guerre du Kremlin”, a expliqué le "
                      "secrétaire au Commerce, Paul Lemaire, en exhortant Moscou à “mettre fin à cette guerre "
                      "absurde”.")
    assert speakers(article) == ["Paul Lemaire", "Paul Lemaire"]


def test_an_incise_hung_on_the_clause_after_it_keeps_its_own_subject():
    """The parse as spaCy gives it for "« ... », a poursuivi le cinéaste, dont plusieurs actrices apparaissent":
    the incise verb hangs on the relative clause's verb, whose subject is not the speaker."""
    words = ["a", "poursuivi", "le", "cinéaste", ",", "dont", "plusieurs", "actrices", "apparaissent"]
    heads = [1, 8, 3, 1, 3, 7, 7, 8, 8]
    deps = ["aux:tense", "advcl", "det", "obj", ",", "nmod", "det", "nsubj", "ROOT"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=[d if d != "," else "punct" for d in deps])
    verb = doc[1]
    assert subject_of(verb, climb=False) is None
    assert subject_of(verb).text == "actrices"  # what climbing gives: the incise rule no longer takes it



def test_a_description_ends_before_an_adverb_of_time(analyse):
    article = analyse("Titre\n« Il va falloir des ruptures, et pas que sur la forme, pas que dans la méthode », a "
                      "prévenu le nouveau maire lors de la passation des pouvoirs.")
    assert speakers(article) == ["le nouveau maire"]


def test_considerer_que_reports_its_subjects_view_even_around_an_impersonal_il(analyse):
    article = analyse("Titre\nLe syndicat considère qu'il s'agit d'une réforme qui laisse les saisonniers "
                      "« au bord du chemin », sans calendrier.")
    assert speakers(article) == ["Le syndicat"]


def test_a_name_before_an_apposition_the_parse_took_for_a_verb_is_the_subject(analyse):
    article = analyse("Titre\nEn face, Paul Marchand, figure de la colère paysanne, assurait que les habitants "
                      "étaient « totalement opposés au projet ». « Nous ne céderons pas », lançait le militant.")
    assert speakers(article) == ["Paul Marchand", "Paul Marchand"]


def test_the_representative_of_the_state_is_the_prefect(analyse):
    article = analyse("Titre\nLa préfète du Gard, Marie Leroux, a réuni les maires lundi. Plus tard, Paul Rey, le "
                      "maire de Nîmes, a réclamé des moyens. « Nous ne laisserons personne seul », a assuré la "
                      "représentante de l'État.")
    assert speakers(article) == ["Marie Leroux"]


def test_a_bare_participle_shares_the_auxiliary_and_subject_of_the_verb_before_it(analyse):
    article = analyse("Titre\nLors d'un point presse, la maire de Lille, Claire Dubois, a dénoncé une décision "
                      "« brutale » relevant du mépris et accusé Paul Rey de « jouer contre la ville ».")
    [quote] = [q for q in article.quotes if q.text == "jouer contre la ville"]
    assert (quote.speaker.name, quote.attribution) == ("Claire Dubois", "clause")


def test_a_role_of_a_place_opening_a_paragraph_is_not_whoever_spoke_before(analyse):
    article = analyse("Titre\n« Un seul pylône a été visé », a précisé le procureur de Toulon, Marc Aubert.\n"
                      "Le préfet du Var a condamné « avec la plus grande fermeté » ces « actes graves ».")
    assert speakers(article)[0] == "Marc Aubert" and speakers(article)[1] != "Marc Aubert"
    assert all(s != "Marc Aubert" for s in speakers(article)[1:])


def test_a_countrys_body_described_before_it_is_named_is_the_body_named_later(analyse):
    article = analyse("Titre\nDès mardi, la diplomatie marocaine fustigeait une « décision hostile et "
                      "injustifiée ». Mercredi, le ministère marocain des Affaires étrangères a convoqué "
                      "l'ambassadeur de France.")
    assert speakers(article) == ["ministère marocain des Affaires étrangères"]


def test_a_pronoun_after_a_body_as_subject_stands_for_the_body_of_its_gender(analyse):
    article = analyse("Titre\nLe ministère de la Santé a publié un communiqué lundi. Il affirme que la situation "
                      "reste « sous le contrôle des autorités sanitaires ».\nLa Fédération française de rugby a "
                      "réuni son bureau. Elle prévient qu'elle ne cédera « sur aucun point du règlement ».")
    assert [(q.speaker.name, q.attribution) for q in article.quotes if q.direct] == [
        ("ministère de la Santé", "clause"), ("Fédération française de rugby", "clause")]


def test_the_source_a_sentence_opens_with_is_the_person_a_pronoun_after_it_stands_for(analyse):
    article = analyse("Titre\nMembre du gouvernement, le ministre des Sports Marc Dubois a estimé que le préfet "
                      "Paul Martin avait perdu toute crédibilité. Pour Marc Dubois, cette attitude est méprisante "
                      "envers les bénévoles. « Les règles valent pour tout le monde sans exception », a-t-il réagi.")
    assert speakers(article) == ["Marc Dubois"]


def test_the_head_of_a_country_named_further_on_with_that_title_speaks(analyse):
    article = analyse("Titre\nLe président du Sénégal a ordonné vendredi de « renforcer tous les contrôles aux "
                      "frontières ».\nCette décision du président Amadou Sarr intervient après une série "
                      "d'incidents, a indiqué son porte-parole, Ousmane Ba.")
    assert speakers(article) == ["Amadou Sarr"]


@pytest.mark.parametrize("clitic", ["lui a", "m'a", "nous a"])
def test_an_object_pronoun_before_an_incise_verb_is_not_its_subject(analyse, clitic):
    article = analyse("Titre\nLe syndicat a écrit au gouvernement. « Je ne vous répondrai pas sur ce point », "
                      f"{clitic} rétorqué le ministre.")
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes] == [
        ("le ministre", "incise")]


def test_a_role_that_answers_lui_is_not_the_person_lui_stands_for(analyse):
    article = analyse("Titre\nGabriel Attal a critiqué le budget. Le Premier ministre lui a répondu : « Nous irons "
                      "plus loin, mais ensemble ».")
    assert speakers(article) == ["Le Premier ministre"]


def test_a_role_written_after_a_name_and_its_verb_is_not_given_to_the_name(analyse):
    article = analyse("Titre\nLa sénatrice Anne Morel a interrogé le ministre. « Je ne vous répondrai pas sur ce "
                      "point », lui a rétorqué le ministre.")
    assert speakers(article) == ["le ministre"]


def test_a_name_the_parser_cut_off_before_its_apposition_is_the_speaker(analyse):
    article = analyse("Titre\nMarine Tondelier, la secrétaire nationale des Ecologistes, a réagi sur X : « Une honte "
                      "absolue pour notre démocratie ».")
    assert speakers(article) == ["Marine Tondelier"]


def test_an_institution_noun_is_no_body_of_another_kind(analyse):
    other = analyse("Titre\nLe ministère de l'Intérieur n'a pas souhaité réagir. De son côté, la préfecture assure "
                    "que « tout a été mis en œuvre ».")
    assert speakers(other) == ["la préfecture"]
    same = analyse("Titre\nLa préfecture du Var a publié un bilan. De son côté, la préfecture assure que « tout a "
                   "été mis en œuvre ».")
    assert set(speakers(same)) == {"préfecture du Var"}


def test_he_after_a_company_head_named_in_apposition_is_the_head_not_the_company(analyse):
    article = analyse("Titre\nLe PDG de Stellantis, Carlos Tavares, a présenté les résultats mardi. « L'année a été "
                      "difficile », a-t-il reconnu.")
    assert speakers(article) == ["Carlos Tavares"]


def test_whom_a_witness_heard_say_the_words_said_them(analyse):
    article = analyse("Titre\nUne habitante a raconté avoir entendu l'homme crier à des policiers « Croyez-vous en "
                      "Dieu ? »")
    assert speakers(article) == ["l'homme"]


def test_a_first_name_alone_says_its_bearer_s_gender(analyse):
    article = analyse("Titre\nAntoine, 28 ans, travaille comme livreur à Lyon depuis trois ans. « Les plateformes nous "
                      "traitent comme des machines. » Sa collègue a quitté le métier l'an dernier. « J'en avais assez "
                      "des risques sur la route », explique-t-elle.")
    assert speakers(article)[-1] != "Antoine"


def test_a_first_name_alone_before_a_comma_is_an_interviewee(analyse):
    article = analyse("Titre\nAntoine, 28 ans, travaille comme livreur à Lyon depuis trois ans. « Les plateformes "
                      "nous traitent comme des machines. »\nZineb, elle, a quitté le métier l'an dernier. « J'en "
                      "avais assez des risques sur la route », explique-t-elle.")
    assert speakers(article) == ["Antoine", "Zineb"]


def test_a_name_before_a_colon_gives_way_to_the_source_that_closes_the_list_of_quotes(analyse):
    article = analyse("Titre\nLa radio a trouvé sa voix. Notre consœur Fip : « une voix douce et claire », « intime "
                      "et rieuse, un mélange de charme » selon Claire Martin.")
    assert speakers(article) == ["Claire Martin", "Claire Martin"]


def test_a_name_before_a_colon_keeps_a_quote_the_next_one_s_guess_does_not_name(analyse):
    article = analyse("Titre\nLe ministre de l'Intérieur, Paul Durand : « Nous ne céderons rien ». Puis : « la loi "
                      "sera appliquée partout ».")
    assert speakers(article)[0] == "Paul Durand"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Le projet de loi sur l'immigration énonce les cas d'expulsion. Selon le projet de loi, il faudra « protéger "
     "l'ordre public en toutes circonstances ».", "le projet de loi"),
    ("Les manifestants invoquent la charte de l'environnement adoptée en 2005. « Chacun a le droit de vivre dans un "
     "environnement équilibré », proclame le texte.", "la charte de l'environnement"),
])
def test_a_document_the_text_identifies_speaks_when_no_author_is_named(analyse, text, speaker):
    assert speakers(analyse("Titre\n" + text)) == [speaker]


def test_a_document_speaks_for_whoever_published_it(analyse):
    article = analyse("Titre\nLa Cour des comptes a publié mardi un rapport sur les hôpitaux publics. Le maire de "
                      "Lyon, Paul Rey, a réagi dans la soirée. « La situation financière reste très préoccupante », "
                      "souligne le rapport.")
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes if q.direct] == [
        ("Cour des comptes", "incise")]


def test_a_sentence_without_a_subject_goes_on_with_the_verb_of_saying_before_it(analyse):
    article = analyse("Titre\nLe ministre de l'Intérieur, Paul Lemaire, a détaillé mardi les mesures de son plan. "
                      "Il s'agit avant tout de « renforcer les contrôles aux frontières ».")
    [quote] = [q for q in article.quotes if q.direct]
    assert (quote.speaker.name, quote.attribution) == ("Paul Lemaire", "previous_sentence")


def test_a_sentence_with_its_own_subject_does_not_go_on_with_the_one_before(analyse):
    article = analyse("Titre\nLe ministre de l'Intérieur, Paul Lemaire, a détaillé mardi les mesures de son plan. "
                      "Les syndicats de police redoutent « une charge de travail insoutenable ».")
    assert all(q.attribution != "previous_sentence" for q in article.quotes)


def test_a_quote_inside_a_quote_is_the_words_of_the_subject_it_depends_on(analyse):
    article = analyse("Titre\nLe service de presse a diffusé une information : « Le président Marc Olivier se dit "
                      "“calme et déterminé face à la crise” ».")
    inner = [q for q in article.quotes if q.text == "calme et déterminé face à la crise"]
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in inner] == [("Marc Olivier", "embedded")]


def test_a_quote_inside_a_quote_with_no_named_subject_has_no_speaker(analyse):
    article = analyse("Titre\n« Il m'a dit “tu vas le regretter toute ta vie” », raconte la victime, Julie Martin.")
    inner = [q for q in article.quotes if q.text == "tu vas le regretter toute ta vie"]
    assert len(inner) == 1 and inner[0].speaker is None


def test_an_incise_between_dashes_inside_the_marks_splits_the_quote(analyse):
    article = analyse("Titre\nL'historienne Claire Aubin publie un essai. « La mémoire n'est pas l'histoire – "
                      "observe-t-elle dans son livre : Les Lieux. Chaque génération réécrit son passé. »")
    quotes = [(q.text, q.speaker.name if q.speaker else None) for q in article.quotes if q.direct]
    assert quotes == [("La mémoire n'est pas l'histoire", "Claire Aubin"),
                      ("Chaque génération réécrit son passé", "Claire Aubin")]


def test_the_speaker_carries_over_a_paragraph_of_narration_that_names_no_one_else(analyse):
    article = analyse("Titre\nLe sociologue Paul Marin souligne « la fatigue démocratique des citoyens ».\n"
                      "Les électeurs se détournent des urnes et des partis depuis des années.\n"
                      "D'où « la nécessité de réinventer la participation locale ».")
    assert speakers(article) == ["Paul Marin", "Paul Marin"]


def test_the_speaker_does_not_carry_over_three_paragraphs(analyse):
    article = analyse("Titre\nLe sociologue Paul Marin souligne « la fatigue démocratique des citoyens ».\n"
                      "Les électeurs se détournent des urnes et des partis depuis des années.\n"
                      "Les taux d'abstention battent des records à chaque scrutin local.\n"
                      "D'où « la nécessité de réinventer la participation locale ».")
    assert speakers(article)[1] is None


@pytest.mark.parametrize("text", [
    "« Il y a un réel souci lié à la concentration des médias » insiste quant à lui Ivan Roy.",
    "« Le maintien de l'ordre obéit à des ordres politiques. » explique Ivan Roy.",
])
def test_an_incise_whose_comma_was_left_out_still_names_the_speaker(analyse, text):
    article = analyse("Titre\nLe journaliste Paul Marin a publié une enquête. Le sociologue Ivan Roy l'a lue. " + text)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in article.quotes if q.direct] == [
        ("Ivan Roy", "incise")]


def test_a_verb_after_a_title_in_quotes_is_no_incise(analyse):
    article = analyse("Titre\nLe documentaire « La Haine des autres » raconte l'histoire de trois jeunes.")
    assert all(q.attribution != "incise" for q in article.quotes)


def test_a_pronoun_after_a_body_quoted_in_an_incise_stands_for_the_body(analyse):
    article = analyse("Titre\nLe PDG de Nokia, Pekka Lundmark, a présenté les comptes. « Nos défenses ont détruit 33 "
                      "drones au-dessus de la Crimée », rapporte le ministère russe de la Défense dans un communiqué. "
                      "Il précise que « dix drones navals ont aussi été détruits en mer Noire ».")
    assert speakers(article) == ["ministère russe de la Défense", "ministère russe de la Défense"]


@pytest.mark.parametrize("text", [
    "L'ONG publie mardi un rapport intitulé « L'ordre et la force des armes ».",
    "L'exercice naval nommé « Union en mer 2024 » s'est achevé dimanche.",
    "Un collectif baptisé « Nous sommes tous voisins » a vu le jour à Lyon.",
])
def test_a_title_or_a_name_in_quotes_is_no_quote(analyse, text):
    assert [q.text for q in analyse("Titre\n" + text).quotes] == []


def test_a_naming_verb_with_its_auxiliary_acts_on_the_words_it_quotes(analyse):
    article = analyse("Titre\nLe Conseil de sécurité a appelé « toutes les parties à cesser les combats ».")
    assert speakers(article) == ["Conseil de sécurité"]


def test_a_plural_pronoun_never_stands_for_the_one_person_named_last(analyse):
    article = analyse("Titre\nLe maire Paul Rey a reçu les délégués mardi. Ils sont repartis « sans aucune réponse "
                      "concrète ».")
    assert [(q.speaker.name, q.attribution) for q in article.quotes if q.speaker] != [("Paul Rey", "clause")]


def test_a_group_is_never_the_person_its_complement_names(analyse):
    article = analyse("Titre\nMort de Léo : l'enquête se poursuit\nIls sont ressortis libres, « sans aucune poursuite "
                      "judiciaire ». Les quatre membres de la famille du petit Léo Martin ont été relâchés dans la "
                      "nuit, a annoncé le procureur Jean Blanc.")
    assert "Léo Martin" not in speakers(article)


@pytest.mark.parametrize("text", [
    "Marsha P. Johnson est morte en 1992. Marsha, la « Rosa Parks du mouvement des droits civiques ».",
    "Le député Paul Rey, « un homme de convictions et de terrain », a été réélu dimanche.",
])
def test_a_quote_in_apposition_describes_the_person_it_does_not_quote_them(analyse, text):
    assert speakers(analyse("Titre\n" + text)) == [None]


def test_a_name_before_a_quoted_predicate_is_its_speaker(analyse):
    article = analyse("Titre\nEmmanuel Macron « ne reculera pas devant la rue ».")
    assert speakers(article) == ["Emmanuel Macron"]


def test_the_network_words_were_posted_on_is_no_guess_for_their_speaker(analyse):
    article = analyse("Titre\n« Nous programmerons une rencontre très bientôt », a écrit le républicain sur son réseau "
                      "Truth Social.")
    assert "Truth Social" not in speakers(article)


def test_a_person_named_inside_a_quote_is_no_guess_for_another_quote(analyse):
    article = analyse("Titre\nMarsha P. Johnson est morte en 1992. Marsha, la « Rosa Parks du mouvement LGBTQ ». "
                      "Marsha « la prostituée, l'actrice et la sainte, modèle d'Andy Warhol » ou encore Marsha "
                      "l'élaborée.")
    assert "Rosa Parks" not in speakers(article)


def test_a_verb_of_saying_with_a_thing_as_subject_reports_the_view_its_pour_names(analyse):
    article = analyse("Titre\nLe journaliste Marc Petit parle d'« une radio de proximité vivante ». L'essor des radios "
                      "locales, avec des voix « libres, diverses et engagées », confirme aujourd'hui pour la "
                      "sociologue Anne Morel que le son de proximité a un avenir.")
    assert speakers(article) == ["Marc Petit", "Anne Morel"]
