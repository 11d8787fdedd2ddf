"""Events on sentences of our own: triggers, arguments, negation, demonyms, merging."""

import pytest

pytestmark = pytest.mark.slow


def events(article):
    return [(e.type, [a.name for a in e.actors], [t.name for t in e.targets]) for e in article.events]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Le Kremlin a visé Kiev ce lundi.", "ASSAULT"),
        ("Le ministre a prévenu que la France ne céderait pas face à Alger.", "THREATEN"),
        ("Donald Trump a écarté samedi l'idée d'un cessez-le-feu en Ukraine.", "REJECT"),
        ("La France a exprimé sa solidarité avec le Qatar mardi.", "SUPPORT"),
        ("Le parquet de Lyon a ouvert une enquête pour corruption mardi.", "ACCUSE"),
        ("Emmanuel Macron a rencontré Olaf Scholz mardi à Berlin.", "CONSULT"),
        ("La police a interpellé Jean Dupont mercredi à Lyon.", "COERCE"),
        ("Emmanuel Macron a dénoncé Vladimir Poutine lundi.", "DISAPPROVE"),
        ("La Commission européenne a sanctionné Google mardi.", "SANCTION"),
        ("Donald Trump a menacé l'Iran dimanche.", "THREATEN"),
        ("Marine Le Pen a exigé la démission de Michel Barnier jeudi.", "DEMAND"),
        ("Emmanuel Macron a appelé Benyamin Netanyahou à la retenue lundi.", "REQUEST"),
        ("Le tribunal de Créteil a condamné Karim Benali à cinq ans de prison mardi.", "COERCE"),
        ("Le Sénat a adopté mardi le projet de loi sur l'immigration.", "AGREE"),
        ("Le gouvernement italien a dépêché des secours en Calabre lundi.", "AID"),
        ("Olivier Faure s'est opposé mercredi à la réforme des retraites.", "REJECT"),
        ("La députée Clémentine Autain a raillé lundi Gabriel Attal.", "DISAPPROVE"),
        ("L'Union européenne a gelé jeudi les avoirs de la banque Rossiya.", "SANCTION"),
        ("Le procureur reproche à Paul Martin des faits de corruption depuis mars.", "ACCUSE"),
        ("Kiev et Moscou ont conclu une trêve de trois jours lundi.", "RETREAT"),
        # more of each category
        ("Le ministère de l'Intérieur a envoyé des renforts à Nantes samedi.", "MOBILIZE"),
        ("Des soldats patrouillent depuis lundi dans le centre de Bamako.", "MOBILIZE"),
        ("Le chancelier Olaf Scholz a échangé avec Emmanuel Macron mardi.", "CONSULT"),
        ("Les syndicats ont obtenu une entrevue avec la Première ministre jeudi.", "CONSULT"),
        ("Le gouvernement a reculé mardi sur la réforme de l'assurance chômage.", "CONCEDE"),
        ("La Chine a assoupli jeudi les restrictions imposées aux entreprises japonaises.", "CONCEDE"),
        ("Un commando a saboté la voie ferrée près de Lyon dans la nuit.", "ASSAULT"),
        ("Les forces de l'ordre ont dispersé les manifestants place de la République.", "COERCE"),
        ("L'armée birmane a réprimé lundi le soulèvement de Mandalay.", "COERCE"),
        ("La mairie a relogé quarante familles sinistrées mercredi.", "AID"),
        ("Le Kremlin a annulé la rencontre prévue avec Donald Trump à Budapest.", "REJECT"),
        ("Les deux armées ont signé un armistice lundi.", "RETREAT"),
        ("La CNIL a infligé jeudi une amende de 90 000 euros à la ville de Lille.", "SANCTION"),
        # the annotation guide's conventions: summoning another's diplomat disapproves, recalling one's own
        # sanctions, ordering diplomats out coerces
        ("Rome a convoqué lundi l'ambassadeur de Hongrie après ces propos.", "DISAPPROVE"),
        ("Ottawa a convoqué mardi le chargé d'affaires indien.", "DISAPPROVE"),
        ("Madrid a décidé mardi de rappeler son ambassadrice à Buenos Aires.", "SANCTION"),
        ("Bamako a sommé jeudi trois diplomates de quitter le pays sous 72 heures.", "COERCE"),
        ("Deux adolescents ont été placés en garde à vue vendredi à Nantes.", "COERCE"),
        ("Un tireur a ouvert le feu mardi soir devant une école de Lyon.", "ASSAULT"),
        ("Le parquet de Nice a ouvert une information judiciaire lundi.", "ACCUSE"),
        ("La commune de Vaison a décrété l'état d'urgence dimanche.", "MOBILIZE"),
        ("Le sénateur a reproché mercredi au ministre son manque de fermeté.", "DISAPPROVE"),
        # saying oneself dismayed disapproves; warning before a quote threatens
        ("L'Unicef s'est dite consternée mardi par les frappes sur les écoles.", "DISAPPROVE"),
        ("Le préfet Paul Roux a prévenu lundi : « Je ne laisserai pas faire. »", "THREATEN"),
    ],
)
def test_main_triggers_of_each_category(analyse, sentence, event_type):
    assert event_type in [e[0] for e in events(analyse("Titre\n" + sentence))]


def test_active_subject_acts_and_object_undergoes(analyse):
    article = analyse("Titre\nLe Kremlin a visé Kiev ce lundi.")
    [event] = [e for e in article.events if e.type == "ASSAULT"]
    assert [a.name for a in event.actors] == ["Kremlin"] and [t.name for t in event.targets] == ["Kiev"]
    assert event.date == "2026-01-05"
    assert article.text[event.trigger.start : event.trigger.end] == "visé"


def test_passive_agent_is_the_actor_and_demonyms_stand_for_their_country(analyse):
    article = analyse("Titre\nNicolas Maduro a été capturé par les Américains et incarcéré aux États-Unis.")
    [event] = [e for e in article.events if e.type == "COERCE"]
    assert [a.name for a in event.actors] == ["États-Unis"]
    assert [t.name for t in event.targets] == ["Nicolas Maduro"]


def test_a_press_conference_is_no_meeting(analyse):
    article = analyse("Titre\nLe maire de Lyon, Grégory Doucet, a tenu une conférence de presse lundi à "
                      "l'hôtel de ville.")
    assert "CONSULT" not in [e[0] for e in events(article)]


@pytest.mark.parametrize("sentence", [
    "Dans un entretien au Parisien publié samedi, Claire Vasseur a détaillé son projet.",
    "Paul Lemaire a défendu sa réforme lundi dans un entretien accordé à France Inter.",
])
def test_an_interview_given_to_a_medium_is_no_meeting(analyse, sentence):
    assert "CONSULT" not in [e[0] for e in events(analyse("Titre\n" + sentence))]


def test_a_word_of_a_name_is_no_event(analyse):
    article = analyse("Titre\nLe Rassemblement national et la Coordination rurale du Gers ont tenu leurs congrès "
                      "samedi à Auch.")
    assert not {"PROTEST", "COOPERATE"} & {e[0] for e in events(article)}


def test_a_social_network_is_where_not_whom(analyse):
    article = analyse("Titre\nEmmanuel Macron a salué sur X lundi la libération des otages.")
    assert all(t.name != "X" for e in article.events for t in e.targets)


def test_negated_events_are_kept_flagged_not_asserted(analyse):
    article = analyse("Titre\nLe Kremlin n'a pas visé Kiev ce lundi.")
    flagged = [e for e in article.events if e.type == "ASSAULT"]
    assert flagged and all(e.negated and not e.hypothetical for e in flagged)


def test_what_happened_without_an_event_is_a_negated_event(analyse):
    article = analyse("Titre\nLe maire Paul Roy a déposé sa liste sans accord avec Claire Morel.")
    agreements = [e for e in article.events if e.type == "AGREE"]
    assert agreements and all(e.negated for e in agreements)


def test_hypothetical_events_are_kept_flagged(analyse):
    article = analyse("Titre\nSi Moscou frappe Odessa, l'Union européenne durcira ses sanctions, a averti lundi "
                      "la présidente de la Commission.")
    attack = [e for e in article.events if e.type == "ASSAULT"]
    assert attack and all(e.hypothetical for e in attack)


def test_a_call_to_act_with_no_one_addressed_keeps_the_caller_as_actor(analyse):
    article = analyse("Titre\nLa CGT appelle à manifester jeudi à Paris.")
    assert [(e.type, [a.name for a in e.actors], e.hypothetical) for e in article.events
            if e.type == "PROTEST"] == [("PROTEST", ["CGT"], True)]


def test_a_name_the_parser_cut_off_after_the_verb_is_still_its_object(analyse):
    # the parser reads the unfamiliar name as the root of a sentence of its own
    article = analyse("Titre\nLa police a arrêté Kader Benhalla en Roumanie après neuf mois de cavale.")
    assert events(article) == [("COERCE", [], ["Kader Benhalla"])]


def test_a_name_the_parser_cut_off_before_the_verb_is_still_its_subject(analyse):
    # "Marine" is read as a noun that ends a sentence of its own; "Le Pen" starts the next
    article = analyse("Titre\nMarine Le Pen pourrait rencontrer Giorgia Meloni à Rome la semaine prochaine.")
    assert events(article) == [("CONSULT", ["Marine Le Pen"], ["Giorgia Meloni"])]


def test_an_act_only_asked_for_or_possible_is_hypothetical_and_done_by_whom_it_is_asked_of(analyse):
    article = analyse("Titre\nLe Japon a exhorté la Corée du Sud à lever ses sanctions. Le Canada pourrait "
                      "rencontrer le Mexique à Ottawa.")
    flagged = [(e.type, [a.name for a in e.actors], e.hypothetical) for e in article.events]
    assert ("RETREAT", ["Corée du Sud"], True) in flagged
    assert ("REQUEST", ["Japon"], False) in flagged
    assert [hypothetical for kind, _, hypothetical in flagged if kind == "CONSULT"] == [True]


def test_a_negated_mention_does_not_merge_with_the_asserted_event(analyse):
    article = analyse("Titre\nLe Kremlin a visé Kiev lundi. Il n'a pas visé Lviv.")
    attacks = [e for e in article.events if e.type == "ASSAULT"]
    assert sorted(e.negated for e in attacks) == [False, True]


def test_events_inside_quotes_are_speech_not_facts(analyse):
    article = analyse("Titre\n« Nous avons bombardé Kiev hier », a affirmé un officier russe.")
    assert "ASSAULT" not in [e[0] for e in events(article)]


def test_headline_and_body_mentions_merge(analyse):
    article = analyse("Le Kremlin frappe Kiev\nLe Kremlin a visé Kiev ce lundi.")
    assert [e[0] for e in events(article)].count("ASSAULT") == 1


def test_a_later_mention_naming_no_one_new_is_the_same_event_told_again(analyse):
    article = analyse("Titre\nL'armée birmane a bombardé lundi un village de l'État Shan. Des habitants ont "
                      "fui vers la frontière. Le bombardement a détruit une école, selon les secours.")
    assert [e[0] for e in events(article)].count("ASSAULT") == 1


def test_a_later_mention_with_another_target_or_date_is_another_event(analyse):
    article = analyse("Titre\nLa Russie a frappé Kharkiv lundi 3 mars. Mardi 4 mars, la Russie a frappé Odessa.")
    assert [e[0] for e in events(article)].count("ASSAULT") == 2


def test_a_passive_clause_asserts_its_event_even_of_unnamed_people(analyse):
    article = analyse("Titre\nTrois militants écologistes ont été interpellés. Ensuite, ils protestent encore.")
    assert [e[0] for e in events(article)] == ["COERCE"]


def test_whoever_a_clause_describing_the_subject_names_does_not_act(analyse):
    article = analyse("Titre\nLa police, alertée par Paul Martin, a arrêté deux hommes à Lyon.")
    arrests = [actors for kind, actors, _ in events(article) if kind == "COERCE"]
    assert arrests and all("Paul Martin" not in actors for actors in arrests)


def test_a_gerund_shares_the_subject_of_the_clause_before_it(analyse):
    article = analyse("Titre\nClaire Roux a salué le travail des secouristes, tout en déplorant les retards.")
    assert ("DISAPPROVE", ["Claire Roux"], []) in events(article)


def test_a_call_on_someone_to_act_is_a_request_however_far_its_infinitive(analyse):
    article = analyse("Titre\nMatignon appelle désormais les autorités algériennes à faire preuve de sang-froid.")
    assert [e[0] for e in events(article)] == ["REQUEST"]


def test_a_pronoun_in_a_clause_opening_the_sentence_is_the_main_subject_after_it(analyse):
    article = analyse("Titre\nDans son bureau, où il recevait le chancelier allemand, M. Dubois n'a pas caché son "
                      "agacement.")
    assert [(kind, actors) for kind, actors, _ in events(article)] == [("CONSULT", ["Dubois"])]


def test_the_person_named_after_a_role_is_the_participant_not_the_body_of_the_role(analyse):
    article = analyse("Titre\nMarc Dubois a reçu mardi le secrétaire général de l'ONU, Antonio Lopes, à Paris.")
    assert ("CONSULT", ["Marc Dubois"], ["Antonio Lopes"]) in events(article)


@pytest.mark.parametrize("sentence", [
    "Les deux rapporteurs ne tiraient pas les mêmes conclusions sur l'audition de Marc Roy.",
    "Le maire de Lille, Paul Roy, a livré mardi sa propre lecture du scrutin.",
    "Le recteur a remis lundi son rapport à la ministre Claire Morel.",
])
def test_a_trigger_verb_in_an_idiom_with_its_object_is_no_event(analyse, sentence):
    assert events(analyse("Titre\n" + sentence)) == []


def test_insisting_demands_something_only_when_it_says_what(analyse):
    demand = analyse("Titre\nLe ministre Paul Roy a insisté mardi sur la nécessité d'un cessez-le-feu.")
    incise = analyse("Titre\n« Nous ne lâcherons rien », a insisté mardi Paul Roy.")
    assert [e[0] for e in events(demand)] == ["DEMAND"] and "DEMAND" not in [e[0] for e in events(incise)]


def test_a_call_for_a_ceasefire_is_a_request_not_a_ceasefire(analyse):
    article = analyse("Titre\nEmmanuel Macron a appelé lundi à un cessez-le-feu immédiat.")
    types = [e[0] for e in events(article)]
    assert "REQUEST" in types and "RETREAT" not in types


def test_a_call_to_strike_is_the_strike(analyse):
    article = analyse("Titre\nLa CGT appelle à une journée de grève le jeudi 18 septembre.")
    assert ("PROTEST", ["CGT"], []) in events(article)


def test_members_act_for_their_body(analyse):
    article = analyse("Titre\nL'Assemblée nationale a voté lundi. Les députés ont refusé lundi la confiance "
                      "à François Bayrou.")
    assert ("REJECT", ["Assemblée nationale"], ["François Bayrou"]) in events(article)


def test_possessive_subject_stands_for_its_owner(analyse):
    article = analyse("Titre\nLe général Abdel Fattah al-Burhane a reconnu la défaite lundi, jurant que son "
                      "camp se vengerait des FSR.")
    assert any(e[0] == "THREATEN" and e[1] == ["Abdel Fattah al-Burhane"] for e in events(article))


def test_an_event_noun_as_subject_takes_the_verb_objects_as_participants(analyse):
    article = analyse("Titre\nLa guerre oppose depuis avril 2023 l'armée soudanaise aux Forces de soutien rapide.")
    assert any(e[0] == "ASSAULT" and "armée soudanaise" in e[1] for e in events(article))


def test_a_carried_event_takes_the_date_of_its_verb(analyse):
    article = analyse("Titre\nLes syndicats appellent à une journée de grève le jeudi 18 septembre.")
    [strike] = [e for e in article.events if e.type == "PROTEST"]
    assert strike.date == "2025-09-18"  # the year in which 18 September is a Thursday


def test_a_plural_noun_is_not_the_last_person_named(analyse):
    article = analyse("Titre\nDonald Trump est arrivé lundi. Les otages ont été libérés lundi par le Hamas.")
    released = [e for e in article.events if e.type == "RETREAT"]
    assert released and all("Donald Trump" not in [t.name for t in e.targets] for e in released)


def test_a_nationality_adjective_of_a_phrase_naming_no_one_gives_the_country(analyse):
    found = events(analyse("Titre\nLe gouvernement a expulsé mardi douze agents du réseau diplomatique algérien."))
    assert ("COERCE", [], ["Algérie"]) in [(t, [a for a in actors if a != "gouvernement"], targets)
                                            for t, actors, targets in found]


def test_a_call_to_calm_is_a_request_of_the_person_a_pronoun_kept_in_view(analyse):
    article = analyse("Titre\nÀ Lunel, la maire Claire Vasseur a dit son effroi. « Notre ville est en deuil », "
                      "avait-elle écrit samedi sur Facebook. Dimanche, l'élue a appelé les habitants au calme.")
    assert ("REQUEST", ["Claire Vasseur"], []) in events(article)


def test_a_named_subject_the_parse_left_behind_its_comma_acts(analyse):
    article = analyse("Titre\nLors d'un point presse, la porte-parole et ministre déléguée, Aurore Bergé, a dénoncé "
                      "mardi une « provocation » et accusé Jordan Bardella de mensonge.")
    assert ("DISAPPROVE", ["Aurore Bergé"], []) in events(article)
    assert ("ACCUSE", ["Aurore Bergé"], ["Jordan Bardella"]) in events(article)


def test_a_bare_participle_was_done_to_the_one_it_describes(analyse):
    article = analyse("Titre\nL'écrivain Boualem Sansal, emprisonné en 2024 à Alger et libéré en 2025, a "
                      "reçu un prix à Paris.")
    found = events(article)
    assert ("COERCE", [], ["Boualem Sansal"]) in found and ("RETREAT", [], ["Boualem Sansal"]) in found



def test_an_il_the_parse_calls_an_expletive_is_someone_unless_its_verb_is_impersonal(analyse):
    article = analyse("Titre\nDeuxième sur la liste, le maire, Paul Roy, a fait savoir qu'il refusait de signer "
                      "l'accord.")
    assert ("REJECT", ["Paul Roy"], []) in events(article)


def test_a_relative_qui_after_a_role_acts_as_the_person_the_role_names(analyse):
    article = analyse("Titre\nLe Premier ministre, Paul Roy, a reçu les syndicats mardi. Plus tard, le Premier "
                      "ministre, qui a accusé son rival de « manipulation », a quitté la salle.")
    assert any(kind == "ACCUSE" and actors == ["Paul Roy"] for kind, actors, _ in events(article))


def test_counted_acts_happened_even_without_a_date_or_a_place(analyse):
    article = analyse("Titre\nLe commissaire a détaillé le bilan de la nuit : 19 arrestations administratives et "
                      "trois saisies. Le débat sur une arrestation reste ouvert.")
    assert [kind for kind, _, _ in events(article)].count("COERCE") == 1


def test_receiving_a_prize_is_no_meeting_but_receiving_someone_is(analyse):
    article = analyse("Titre\nLa romancière Anne Roy a reçu mardi le prix Goncourt à Paris. Le président Paul Martin "
                      "a reçu mercredi le chancelier Olaf Scholz à l'Élysée.")
    assert [actors for kind, actors, _ in events(article) if kind == "CONSULT"] == [["Paul Martin"]]


def test_condemned_for_an_offence_is_a_sentence_condemning_an_act_is_disapproval(analyse):
    sentenced = analyse("Titre\nPaul Roy a été condamné en 2021 pour fraude fiscale par le tribunal de Nantes.")
    assert "COERCE" in [kind for kind, _, _ in events(sentenced)]
    assert "DISAPPROVE" not in [kind for kind, _, _ in events(sentenced)]
    disapproved = analyse("Titre\nLa France a condamné mardi l'attaque contre Kiev.")
    assert "DISAPPROVE" in [kind for kind, _, _ in events(disapproved)]


def test_adopting_sanctions_is_a_sanction_and_concluding_words_is_no_agreement(analyse):
    adopted = analyse("Titre\nLes Vingt-Sept ont adopté jeudi un nouveau train de sanctions contre la Russie.")
    assert [kind for kind, _, _ in events(adopted)] == ["SANCTION"]
    concluded = analyse("Titre\n« Nous irons jusqu'au bout », a conclu mardi le procureur de Lyon, Paul Roy. La France "
                        "et l'Allemagne ont conclu un accord mardi à Genève.")
    assert [(kind, actors) for kind, actors, _ in events(concluded)] == [("AGREE", ["France", "Allemagne"])]


def test_victims_alone_are_no_assault_but_someone_who_harmed_them_is(analyse):
    victims = analyse("Titre\nDeux habitants ont été blessés mardi à Lyon, dont un grièvement brûlé.")
    assert "ASSAULT" not in [kind for kind, _, _ in events(victims)]
    attacked = analyse("Titre\nUn homme armé a tué deux passants mardi à Lyon. Paul Roy a été blessé par des "
                       "militants du Hamas jeudi à Jérusalem.")
    assert [kind for kind, _, _ in events(attacked)].count("ASSAULT") == 2


def test_people_evacuated_by_someone_were_removed_but_evacuated_from_a_flood_were_not(analyse):
    flood = analyse("Titre\nQuelque 300 personnes ont dû être évacuées mardi à Lyon après la crue.")
    assert "COERCE" not in [kind for kind, _, _ in events(flood)]
    removed = analyse("Titre\nLa police a évacué mardi les députés Paul Roy et Marc Petit de l'hémicycle.")
    assert "COERCE" in [kind for kind, _, _ in events(removed)]


def test_postponing_an_announcement_or_questioning_the_government_is_no_coercion(analyse):
    article = analyse("Titre\nL'annonce du gouvernement a été repoussée mardi à jeudi. Le député Paul Roy a interpellé "
                      "le gouvernement mardi à Paris.")
    assert "COERCE" not in [kind for kind, _, _ in events(article)]


@pytest.mark.parametrize("sentence", [
    "Washington a frappé lundi les importations chinoises de droits de douane de 25 %.",
    "Le club a été frappé mardi d'une interdiction de recruter par la Fifa.",
    "L'économie russe, durement frappée par les sanctions occidentales, ralentit.",
    "Les exportations européennes, frappées par les nouvelles taxes américaines, ont chuté en mars.",
])
def test_goods_taxed_or_a_body_fined_or_an_economy_hit_are_not_attacked(analyse, sentence):
    assert "ASSAULT" not in [kind for kind, _, _ in events(analyse("Titre\n" + sentence))]


def test_an_attack_claimed_is_no_demand_but_a_raise_claimed_is(analyse):
    claimed = analyse("Titre\nL'attaque, revendiquée par la branche armée du Hezbollah, a fait trois morts mardi.")
    assert "DEMAND" not in [kind for kind, _, _ in events(claimed)]
    demanded = analyse("Titre\nLes syndicats revendiquent mardi une hausse des salaires.")
    assert [kind for kind, _, _ in events(demanded)] == ["DEMAND"]


def test_a_promise_or_praise_in_an_incise_reports_words_but_one_with_an_object_is_an_act(analyse):
    incise = analyse("Titre\n« Demain matin, nous serons tous devant la préfecture », a promis mardi Paul Girard.")
    assert [kind for kind, _, _ in events(incise)] == []
    act = analyse("Titre\nLe ministre Paul Girard a salué mardi l'accord conclu entre les syndicats et la direction.")
    assert "SUPPORT" in [kind for kind, _, _ in events(act)]


def test_a_town_hit_by_a_missile_is_attacked(analyse):
    article = analyse("Titre\nLa ville, frappée par un missile russe lundi, pleure ses morts.")
    assert "ASSAULT" in [kind for kind, _, _ in events(article)]


def test_taking_in_the_displaced_is_no_meeting_but_hosting_a_leader_is(analyse):
    article = analyse("Titre\nLa ville de Tawila accueillait mardi quelque 650 000 déplacés. Le président Paul Martin "
                      "a accueilli mercredi le chancelier Olaf Scholz à Paris.")
    assert [actors for kind, actors, _ in events(article) if kind == "CONSULT"] == [["Paul Martin"]]


def test_words_of_condemnation_in_a_speakers_quote_are_the_speakers_disapproval(analyse):
    article = analyse("Titre\n« Ces frappes sur Kharkiv sont inacceptables », a réagi mardi le ministre Paul Roy. "
                      "« Ce compromis n'est pas scandaleux », a estimé mercredi la députée Anne Petit.")
    assert [(kind, actors) for kind, actors, _ in events(article) if kind == "DISAPPROVE"] == \
        [("DISAPPROVE", ["Paul Roy"])]


def test_a_word_of_a_set_phrase_is_no_particle(analyse):
    article = analyse("Titre\nLe Kazakhstan multiplie ses liens avec l'Occident, sans pour autant condamner "
                      "ouvertement l'invasion russe.")
    assert "COERCE" not in [kind for kind, _, _ in events(article)]


def test_a_trip_made_is_a_visit_a_trip_announced_or_a_realisation_is_not(analyse):
    made = analyse("Titre\nLa ministre Anne Petit s'est rendue mardi à Lyon, au poste de commandement.")
    assert [(kind, actors) for kind, actors, _ in events(made)] == [("CONSULT", ["Anne Petit"])]
    announced = analyse("Titre\nLe ministre Paul Roy doit se rendre jeudi à Lyon. Il s'est rendu compte mardi de "
                        "son erreur.")
    assert "CONSULT" not in [kind for kind, _, _ in events(announced)]


def test_whoever_is_in_a_state_the_noun_names_takes_part_in_it(analyse):
    article = analyse("Titre\nEn visite à Lyon mardi, le Premier ministre Paul Roy a promis des aides aux sinistrés.")
    assert ("CONSULT", ["Paul Roy"], []) in events(article)


def test_a_reflexive_use_with_another_sense_is_no_event_of_the_kind(analyse):
    article = analyse("Titre\nLes recherches se poursuivaient mardi à Lyon pour retrouver les disparus. Paul Roy "
                      "s'est livré à une longue analyse mardi à Paris.")
    assert not {"ACCUSE", "AID"} & {kind for kind, _, _ in events(article)}


def test_an_exchange_of_prisoners_is_a_release_an_exchange_of_views_is_not(analyse):
    released = analyse("Titre\nL'Ukraine et la Russie ont procédé mardi à un échange de 300 prisonniers à la "
                       "frontière biélorusse.")
    assert "RETREAT" in [kind for kind, _, _ in events(released)]
    talks = analyse("Titre\nLa Russie est prête à poursuivre les échanges avec l'Ukraine, a dit mardi Paul Roy.")
    assert "RETREAT" not in [kind for kind, _, _ in events(talks)]


def test_dispatching_an_inquiry_is_an_investigation_dispatching_rescuers_is_aid(analyse):
    inquiry = analyse("Titre\nLe général Paul Roy a dépêché mardi une commission d'enquête à Lyon.")
    assert [(kind, actors) for kind, actors, _ in events(inquiry)] == [("ACCUSE", ["Paul Roy"])]
    rescue = analyse("Titre\nLe gouvernement italien a dépêché des secours en Calabre lundi.")
    assert [kind for kind, _, _ in events(rescue)] == ["AID"]


def test_ils_stands_for_the_people_a_plural_subject_named_before(analyse):
    article = analyse("Titre\nDonald Trump a reçu mardi les dirigeants européens. Les dirigeants européens, dont "
                      "Paul Roy, Anne Petit et Marc Martin, ont salué mercredi ses efforts. Ils réclament des "
                      "garanties de sécurité pour l'Ukraine.")
    assert any(kind == "DEMAND" and actors == ["Paul Roy", "Anne Petit", "Marc Martin"]
               for kind, actors, _ in events(article))


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("La députée Anne Petit a annoncé mardi le retrait de sa candidature à Lyon.", "CONCEDE"),
        ("Le Canada a reconnu mardi l'indépendance du Kosovo.", "SUPPORT"),
        ("Le gouvernement valaisan a décrété mardi la situation particulière à Sion.", "MOBILIZE"),
        ("La Hongrie a levé mardi son veto à Bruxelles.", "CONCEDE"),
        ("Les agriculteurs ont levé mardi leurs barrages près de Toulouse.", "RETREAT"),
    ],
)
def test_act_constructions_of_common_verbs(analyse, sentence, event_type):
    assert event_type in [kind for kind, _, _ in events(analyse("Titre\n" + sentence))]


def test_a_body_that_says_it_is_appalled_disapproves(analyse):
    article = analyse("Titre\nL'Organisation mondiale de la santé s'est dite « consternée et profondément choquée » "
                      "mardi.")
    assert any(kind == "DISAPPROVE" and actors == ["Organisation mondiale de la santé"]
               for kind, actors, _ in events(article))


def test_a_verb_the_parse_hung_on_a_reported_clause_shares_the_governors_subject(analyse):
    article = analyse("Titre\nLa candidate Anne Petit assure que la liste fusionnée respecte « l'équilibre des votes "
                      "du premier tour » et appelle ses électeurs à se mobiliser mardi.")
    assert any(kind == "REQUEST" and actors == ["Anne Petit"] for kind, actors, _ in events(article))


def test_a_government_protesting_disapproves_people_marching_protest(analyse):
    article = analyse("Titre\nAlger a protesté mardi contre la décision de Paris. Des milliers de personnes ont "
                      "manifesté mercredi à Lyon.")
    kinds = [kind for kind, _, _ in events(article)]
    assert "DISAPPROVE" in kinds and kinds.count("PROTEST") == 1


def test_what_a_fire_or_a_flood_destroyed_is_a_disaster_not_an_assault(analyse):
    disaster = analyse("Titre\nTrente maisons ont été détruites mardi par l'incendie à Lyon. La crue a tué deux "
                       "habitants mercredi à Nîmes.")
    assert "ASSAULT" not in [kind for kind, _, _ in events(disaster)]
    arson = analyse("Titre\nDes militants du Hamas ont détruit mardi trente maisons à Jérusalem.")
    assert "ASSAULT" in [kind for kind, _, _ in events(arson)]


def test_a_short_quoted_condemnation_is_the_disapproval_of_whoever_says_or_judges_it(analyse):
    judged = analyse("Titre\nLe Premier ministre Paul Roy a jugé mardi la grève « choquante ».")
    assert ("DISAPPROVE", ["Paul Roy"], []) in events(judged)
    written = analyse("Titre\n« C'est inadmissible », a écrit mardi la ministre Anne Petit, jugeant que « rien ne "
                      "justifie de tels actes ».")
    assert any(kind == "DISAPPROVE" and actors == ["Anne Petit"] for kind, actors, _ in events(written))


def test_those_between_whom_talks_take_place_take_part(analyse):
    article = analyse("Titre\nLes négociations entre Paul Roy et Anne Petit ont duré toute la nuit de mardi à Lyon.")
    assert ("CONSULT", ["Paul Roy", "Anne Petit"], []) in events(article)


def test_a_subject_naming_an_event_already_told_asserts_no_new_one(analyse):
    told_again = analyse("Titre\nL'accord ne fait pas l'unanimité dans le camp centriste.")
    assert events(told_again) == []
    new = analyse("Titre\nDes heurts ont opposé des manifestants aux policiers.")
    assert [kind for kind, _, _ in events(new)] == ["PROTEST"]


def test_a_verb_of_the_narration_takes_no_subject_from_the_quoted_words_after_it(analyse):
    article = analyse("Titre\nLe ministre de l'Intérieur, Marc Delorme, a dénoncé des violences.\nLes joueurs ont "
                      "descendu l'avenue devant la foule, avant d'être reçus par la présidente Claire Fabre. “Rien ne "
                      "peut justifier ce qu'il s'est passé ces dernières heures, les affrontements violents sont "
                      "inacceptables”, a lancé Claire Fabre, avant d'avertir : “Nous poursuivrons, nous punirons, on "
                      "sera implacables.”")
    assert ("THREATEN", ["Claire Fabre"], []) in events(article)


def test_a_thing_that_does_not_act_makes_no_political_act(analyse):
    things = analyse("Titre\nLe chômage a reculé en mars dans toute la France. La crue menace désormais les digues de "
                     "Nantes mardi. La situation exige des mesures rapides lundi.")
    assert events(things) == []
    someone = analyse("Titre\nLe gouvernement a reculé mardi sur la réforme des retraites. Les rebelles menacent la "
                      "capitale depuis lundi.")
    assert [kind for kind, _, _ in events(someone)] == ["CONCEDE", "THREATEN"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("La gendarmerie a procédé à l'arrestation de Karim Benali mardi.", ("COERCE", [], ["Karim Benali"])),
    ("L'armée israélienne a effectué des frappes mardi.", ("ASSAULT", ["armée israélienne"], [])),
    ("Le groupe Etat islamique a commis un attentat mardi.", ("ASSAULT", ["Etat islamique"], [])),
    ("Marie Durand a déposé plainte contre Jean Morel lundi.", ("ACCUSE", ["Marie Durand"], ["Jean Morel"])),
    ("La Chine a proféré des menaces contre Taïwan.", ("THREATEN", ["Chine"], ["Taïwan"])),
    ("Le tribunal de Paris a prononcé l'expulsion de Youssef Haddad.",
     ("COERCE", ["tribunal de Paris"], ["Youssef Haddad"])),
])
def test_a_verb_that_only_carries_its_object_gives_the_object_s_event_its_subject(analyse, sentence, expected):
    assert expected in events(analyse("Titre\n" + sentence))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le Canada a renouvelé son soutien à l'Ukraine.", ("SUPPORT", ["Canada"], ["Ukraine"])),
    ("Le Japon a octroyé un financement à l'Indonésie.", ("AID", ["Japon"], ["Indonésie"])),
    ("Les Etats-Unis ont imposé des sanctions à la Russie.", ("SANCTION", ["Etats-Unis"], ["Russie"])),
])
def test_whom_support_aid_or_sanctions_go_to_is_their_target_even_a_country(analyse, sentence, expected):
    assert expected in events(analyse("Titre\n" + sentence))


def test_a_meeting_place_after_a_stays_a_place(analyse):
    found = events(analyse("Titre\nLa France et le Maroc ont organisé un sommet à Rabat."))
    assert found and all("Rabat" not in targets for _, _, targets in found), found


def test_a_noun_that_says_what_kind_another_event_is_no_event_of_its_own(analyse):
    found = events(analyse("Titre\nUne manifestation de soutien à la Palestine a réuni 300 personnes à Lyon mardi."))
    assert [kind for kind, _, _ in found] == ["PROTEST"], found
    threat = events(analyse("Titre\nLa Chine a proféré des menaces de représailles contre Taïwan."))
    assert threat == [("THREATEN", ["Chine"], ["Taïwan"])]


@pytest.mark.parametrize(("sentence", "not_taking_place"), [
    ("L'Allemagne a levé les sanctions contre la Syrie.", "SANCTION"),
    ("Kiev a suspendu les négociations avec Moscou.", "CONSULT"),
    ("Le Hamas a rompu le cessez-le-feu avec Israël.", "RETREAT"),
])
def test_an_event_lifted_suspended_or_broken_off_is_not_taking_place(analyse, sentence, not_taking_place):
    found = events(analyse("Titre\n" + sentence))
    assert not_taking_place not in [kind for kind, _, _ in found], found


def test_a_verb_the_tagger_took_for_an_adjective_still_has_its_subject_act(analyse):
    found = events(analyse("Titre\nWashington a gelé les avoirs de trois oligarques russes."))
    assert found and found[0][:2] == ("SANCTION", ["Washington"]), found


@pytest.mark.parametrize("sentence", [
    "Kiev et Washington ont signé un accord sur les minerais.",  # the parse cuts "Kiev et Washington" off
    "L'Arabie saoudite et l'Iran ont scellé un accord à Pékin.",  # "et l'Iran" hung on "saoudite"
])
def test_both_names_of_a_coordinated_subject_act(analyse, sentence):
    found = events(analyse("Titre\n" + sentence))
    assert [(kind, len(actors)) for kind, actors, _ in found] == [("AGREE", 2)], found


def test_an_event_of_any_kind_is_no_particular_event(analyse):
    article = analyse("Titre\nTéhéran a mis en garde Washington contre toute frappe sur son sol.")
    assert all(e.hypothetical for e in article.events if e.type == "ASSAULT"), article.events


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le parquet de Paris a requis cinq ans de prison contre Marine Le Pen.",
     ("ACCUSE", ["parquet de Paris"], ["Marine Le Pen"])),
    ("La Cour pénale internationale a émis un mandat d'arrêt contre Vladimir Poutine.",
     ("COERCE", ["Cour pénale internationale"], ["Vladimir Poutine"])),
    ("Le juge a placé Nicolas Sarkozy sous contrôle judiciaire.", ("COERCE", [], ["Nicolas Sarkozy"])),
    ("Le Mali a rompu ses relations diplomatiques avec l'Ukraine.", ("SANCTION", ["Mali"], ["Ukraine"])),
    ("Le président Tebboune a gracié l'écrivain Boualem Sansal.", ("RETREAT", ["Tebboune"], ["Boualem Sansal"])),
])
def test_judicial_and_diplomatic_acts(analyse, sentence, expected):
    assert expected in events(analyse("Titre\n" + sentence))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Vladimir Poutine fait l'objet d'un mandat d'arrêt de la Cour pénale internationale.",
     ("COERCE", ["Cour pénale internationale"], ["Vladimir Poutine"])),
    ("Marie Durand a été victime d'une agression à Lyon.", ("ASSAULT", [], ["Marie Durand"])),
    ("Kiev a essuyé une attaque russe massive dimanche.", ("ASSAULT", ["Russie"], ["Kiev"])),
])
def test_the_subject_of_an_event_it_undergoes_is_its_target(analyse, sentence, expected):
    assert events(analyse("Titre\n" + sentence)) == [expected]


def test_a_first_name_written_without_its_accents_still_says_a_gender(analyse):
    article = analyse("Titre\nVladimir Poutine est arrivé à Anchorage. « Pourquoi le recevoir ? », s'interrogeait "
                      "Celeste Winsor devant le centre. Le président russe fait l'objet d'un mandat d'arrêt.")
    assert [a.name for e in article.events for a in e.targets] == ["Vladimir Poutine"], article.events


def test_names_the_parse_made_two_subjects_of_one_verb_both_act(analyse):
    found = events(analyse("Titre\nLa CGT et FO appellent à une grève reconductible à la SNCF."))
    assert [(kind, sorted(actors)) for kind, actors, _ in found] == [("PROTEST", ["CGT", "FO"])]


@pytest.mark.parametrize("sentence", ["Pékin a organisé des manœuvres militaires autour de Taïwan.",
                                      "La Russie a lancé un exercice militaire en Biélorussie."])
def test_military_drills_are_a_mobilisation(analyse, sentence):
    assert [kind for kind, _, _ in events(analyse("Titre\n" + sentence))] == ["MOBILIZE"]


def test_a_mention_of_the_object_of_an_event_is_no_undergoing(analyse):
    found = events(analyse("Titre\nL'objet de la réunion avec Emmanuel Macron était le budget, a indiqué Gabriel "
                           "Attal mardi."))
    assert ("CONSULT", [], ["Emmanuel Macron"]) in found, found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("L'assassinat de Charlie Kirk mercredi dans l'Utah a choqué l'Amérique.", ("ASSAULT", [], ["Charlie Kirk"])),
    ("L'invasion de l'Ukraine par la Russie a commencé le 24 février 2022.", ("ASSAULT", ["Russie"], ["Ukraine"])),
    ("L'attaque du Hamas le 7 octobre 2023 a fait 1200 morts.", ("ASSAULT", ["Hamas"], [])),
])
def test_who_a_noun_s_de_complement_is_depends_on_the_noun(analyse, sentence, expected):
    assert events(analyse("Titre\n" + sentence)) == [expected]


def test_whom_an_event_moved_did_not_take_part_in_it(analyse):
    found = events(analyse("Titre\nCharlie Kirk a été tué mercredi. Son assassinat a choqué Donald Trump."))
    assert all("Donald Trump" not in actors for _, actors, _ in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Charlie Kirk a été tué mercredi. Son assassinat a choqué Donald Trump.", ("ASSAULT", [], ["Charlie Kirk"])),
    ("Boualem Sansal a été gracié mardi. Sa libération a été saluée par Emmanuel Macron.",
     ("RETREAT", [], ["Boualem Sansal"])),
])
def test_the_owner_of_an_act_done_to_someone_undergoes_it(analyse, text, expected):
    assert expected in events(analyse("Titre\n" + text))


def test_an_owner_among_several_people_named_is_left_unknown(analyse):
    found = events(analyse("Titre\nKarim Benali a été arrêté à Lyon. Selon Bruno Retailleau, l'Algérie a refusé à "
                           "dix reprises le laissez-passer nécessaire à son expulsion."))
    assert all("Bruno Retailleau" not in targets for _, _, targets in found), found


def test_every_name_of_a_list_takes_part(analyse):
    found = events(analyse("Titre\nEmmanuel Macron, Olaf Scholz, Keir Starmer et Giorgia Meloni ont signé une "
                           "déclaration commune."))
    assert found == [("AGREE", ["Emmanuel Macron", "Olaf Scholz", "Keir Starmer", "Giorgia Meloni"], [])]


def test_two_acts_of_one_kind_in_a_sentence_done_to_different_people_are_two_events(analyse):
    found = events(analyse("Titre\nEmmanuel Macron a reçu Volodymyr Zelensky avant de s'entretenir avec Donald "
                           "Trump."))
    assert found == [("CONSULT", ["Emmanuel Macron"], ["Volodymyr Zelensky"]),
                     ("CONSULT", ["Emmanuel Macron"], ["Donald Trump"])]


def test_a_team_in_charge_of_a_task_is_no_request(analyse):
    article = analyse("Titre\nLe Qatar a constitué une équipe juridique chargée de préparer une riposte sur le plan "
                      "international.")
    assert all(e.type != "REQUEST" for e in article.events)


def test_someone_tasked_by_a_leader_is_asked(analyse):
    article = analyse("Titre\nLe président a chargé son émissaire Paul Roux de prévenir les Qataris.")
    assert [e.type for e in article.events] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Les nouvelles sanctions visent les banques russes Sberbank et VTB.",
    "La nouvelle taxe frappe durement les importations chinoises depuis lundi.",
])
def test_a_measure_aimed_at_someone_is_no_attack(analyse, text):
    assert all(e.type != "ASSAULT" for e in analyse("Titre\n" + text).events)


def test_an_army_aiming_at_a_building_attacks_it(analyse):
    article = analyse("Titre\nL'armée israélienne a visé un bâtiment à Doha mardi.")
    assert [e.type for e in article.events] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "actor"), [
    ("« Nous condamnons fermement cette attaque contre nos soldats », a déclaré le ministre Paul Roux.", "Paul Roux"),
    ("« La France condamne fermement l'attaque israélienne », a déclaré le porte-parole Paul Roux.", "France"),
    ("« J'exprime ma solidarité au Qatar et à son émir », a écrit Paul Roux.", "Paul Roux"),
])
def test_quoted_words_that_perform_an_act_tell_it(analyse, text, actor):
    article = analyse("Titre\n" + text)
    assert any(actor in [a.name for a in e.actors] for e in article.events), article.events


@pytest.mark.parametrize("text", [
    "« Je regrette que l'Algérie refuse d'appliquer le droit international », a réagi Paul Roux.",
    "« Ils condamnent tout ce que nous faisons », a dit Paul Roux.",
])
def test_quoted_words_that_only_report_an_act_tell_no_event(analyse, text):
    assert analyse("Titre\n" + text).events == []
