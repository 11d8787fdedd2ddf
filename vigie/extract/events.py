"""The events stage: who did what to whom, where and when, in PLOVER categories.

Triggers come from ``lexicon/event_triggers.tsv`` (a verb or a noun and its
category). Arguments come from the dependency parse: the subject acts and
the object undergoes; in the passive the agent ("par X") acts and the
subject undergoes; a nominal trigger takes its actor from a nationality
adjective ("les frappes russes") or a "de"/"par" complement. Places are the
LOC entities of the clause, dates the date expressions of the clause or
sentence. Negated events ("n'a pas signé") and hypotheses ("si ...") are
not asserted: they are kept with ``negated`` / ``hypothetical`` set, so a
reader can leave them out; one real-world event mentioned twice (headline
and body) is kept once. A speaker's quoted words of condemnation
(``lexicon/disapproval_words.tsv``) are that speaker's DISAPPROVE.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from vigie.extract.candidates import folded_media
from vigie.extract.demonyms import demonym_country, plural
from vigie.extract.entities import seat_countries
from vigie.extract.inflection import er_verb_forms
from vigie.extract.quotations import quoted_in_text
from vigie.extract.resolve import (
    SUBJECT_DEPS,
    is_negated,
    is_reporting_verb,
    resolver_for,
    speaker_noun_kind,
    subject_of,
)
from vigie.lexicon import function_words, mapping, rows, verbs_of_class, words
from vigie.model import Article, Event, Reference
from vigie.model import Span as TextSpan
from vigie.nlp import positions_of
from vigie.stages import register_stage
from vigie.textnorm import fold, uncontracted

_ACTOR_DEPS = ("nsubj", "csubj")
_UNDERGONE_VERBS = verbs_of_class("undergone")
_TRIP_VERBS = verbs_of_class("trip")
_ROLE_PARTICIPLES = verbs_of_class("role_participle")
_MEASURE_NOUNS = frozenset(words("measure_nouns"))
# acts done by saying so ("nous condamnons", "la France soutient", "j'exige"), which a quote can perform
_SPEECH_ACTS = frozenset({"DISAPPROVE", "SUPPORT", "DEMAND", "REJECT", "ACCUSE"})
_FIRST_PERSON = frozenset({"je", "j'", "j’", "nous"})
_ENDING_VERBS = verbs_of_class("ending")
_JOINING_VERBS = verbs_of_class("joining")
_NATURAL_FORCES = frozenset(words("natural_forces"))
_PATIENT_NOUNS = frozenset(words("patient_nouns"))
_UNDERGOING_HEADS = frozenset(words("undergoing_heads"))
_PLURAL_PRONOUNS = {p for p in function_words("personal_pronoun") if p.endswith("s")}  # "ils", "elles"
_DEFINITE = function_words("definite_article") | function_words("demonstrative_determiner")
_OTHER_WHEN_REFLEXIVE = verbs_of_class("other_when_reflexive")
_TARGET_DEPS = ("obj", "iobj", "obl:arg", "nsubj:pass")
_PLACE_CASES = function_words("place_preposition")
_TARGET_CASES = function_words("target_preposition")
_CALLS = {"REQUEST", "DEMAND"}
_DATIVE_CASES = function_words("dative_preposition")
# Acts done for or to someone: "une aide au Liban", "son soutien à l'Ukraine", "des sanctions à la Russie",
# "un ultimatum au Hamas" name whom they go to, even a country. "un sommet à Oman", "un attentat à Kaboul" say where.
_GIVEN_TO = frozenset({"AID", "SUPPORT", "SANCTION", "REQUEST", "DEMAND", "THREATEN", "CONCEDE"})
_POSSESSIVES = function_words("possessive_determiner")
_DE_FORMS = function_words("de_form")
_ANY = function_words("free_choice_determiner")


_LIST_GAP = re.compile(r",\s*(?:et\s+)?|\s+et\s+")  # between two names of a list


@dataclass(frozen=True)
class Trigger:
    """A word that names an event of a category."""

    type: str
    pos: str
    particle: str


@cache
def triggers() -> dict[str, list[Trigger]]:
    """Lemma → its triggers (a lemma can name different events with different particles)."""
    table: dict[str, list[Trigger]] = {}
    for row in rows("event_triggers"):
        table.setdefault(row["lemma"], []).append(Trigger(row["type"], row["pos"], row["particle"]))
    return table


class Arguments:
    """Finds the entities a stretch of the parse names."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.resolver = resolver_for(article, doc)
        self.countries = {fold(e.name): e for e in article.entities if e.type == "LOC"}
        self.acting_for = {fold(seat_countries()[fold(e.name)]): e for e in article.entities
                           if e.type == "ORG" and fold(e.name) in seat_countries()}
        named = {fold(e.name): e for e in article.entities if e.type == "ORG"}
        self.bodies = {member: named[fold(body)] for member, body in mapping("members", "member", "body").items()
                       if fold(body) in named}
        self.bodies.update({plural(m): e for m, e in list(self.bodies.items())})

    def entity_of(self, token: Token) -> Reference | None:
        """The entity whose mention covers a word."""
        found = self.resolver.entity_at(token.idx, token.idx + 1)
        if found is None:
            return None
        return Reference(name=found.name, entity_id=found.entity_id, start=found.start, end=found.end)

    def names(self, head: Token) -> list[Reference]:
        """The entities a phrase names: its own mention, conjuncts ("X et Y"), a demonym's country,
        or, for a pronoun or a role noun ("il", "le ministre"), the entity it stands for."""
        found: list[Reference] = []
        body = self.bodies.get(head.lemma_.casefold()) or self.bodies.get(head.lower_)
        if body is not None:  # "les députés" → the Assemblée nationale the article names
            return [Reference(name=body.name, entity_id=body.id, start=head.idx, end=head.idx + len(head.text))]
        if head.pos_ == "PRON" and head.lower_ in _PLURAL_PRONOUNS and head.dep_ in _ACTOR_DEPS:
            group = self._last_group(head)
            if group:
                return group
        possessive = any(c.dep_ == "det" and c.lower_ in _POSSESSIVES for c in head.children)
        if possessive and head.dep_ in _ACTOR_DEPS and self.entity_of(head) is None:
            speaker = self.resolver.antecedent(head.idx)  # "son camp se vengerait"
            if speaker is not None and speaker.entity_id is not None:
                return [Reference(name=speaker.name, entity_id=speaker.entity_id, start=head.idx,
                                  end=head.idx + len(head.text))]
        holder = self.resolver.holder_named_after(head) if head.pos_ == "NOUN" else None
        if holder is not None:  # "recevait le secrétaire général de l'OTAN, Mark Rutte": Rutte, not the OTAN
            return [Reference(name=holder.name, entity_id=holder.entity_id, start=holder.start, end=holder.end)]
        # a plural noun ("les otages") is not the last person named; a plural pronoun may be
        collective = head.pos_ == "NOUN" and "Plur" in head.morph.get("Number", [])
        if head.pos_ in ("PRON", "NOUN") and not collective and self.entity_of(head) is None \
                and not self.demonym(head):
            speaker = self.resolver.subject_speaker(head) if head.dep_ in (*_ACTOR_DEPS, "nsubj:pass", "expl:subj") \
                else None
            if speaker is not None and speaker.entity_id is not None:
                return [Reference(name=speaker.name, entity_id=speaker.entity_id, start=head.idx,
                                  end=head.idx + len(head.text))]
        # "l'Arabie saoudite et l'Iran": the parse may hang the second name on the first one's adjective
        words = [c for c in head.children if c.dep_ in ("conj", "appos", "flat:name")] + [
            g for c in head.children if c.dep_ == "amod" for g in c.children if g.dep_ == "conj" and g.pos_ == "PROPN"]
        for token in [head, *words]:
            reference = self.entity_of(token) or self.demonym(token)
            if reference is None and token.i == head.i:
                reference = next((r for t in _own_words(token) if (r := self.entity_of(t)) is not None
                                  and self._is_agent(r)), None)
            if reference is not None and reference.name not in {r.name for r in found}:
                found.append(reference)
        if found and head.pos_ == "PROPN":
            found += [r for r in self._listed_after(found[0]) if r.name not in {f.name for f in found}]
        if not found and head.pos_ in ("NOUN", "PROPN"):
            found += self._nationality(head)
        return found

    def _listed_after(self, first: Reference) -> list[Reference]:
        """The names listed after a name, by commas and "et" ("X, Y, Z et W ont signé"), whatever the parse made
        of the list."""
        listed: list[Reference] = []
        end = first.end
        while True:
            gap = _LIST_GAP.match(self.article.text, end)
            if gap is None:
                return listed
            following = self.resolver.entity_at(gap.end(), gap.end() + 1)
            if following is None or following.start != gap.end() or following.entity_id is None:
                return listed
            listed.append(Reference(name=following.name, entity_id=following.entity_id, start=following.start,
                                    end=following.end))
            end = following.end

    def _last_group(self, pronoun: Token, sentences: int = 3) -> list[Reference]:
        """Whom "ils" stands for: the entities a plural subject named in the sentences before ("Les dirigeants
        européens, dont X, Y et Z, ont salué ... Ils réclament"), two at least."""
        sentence = pronoun.sent
        for _ in range(sentences):
            subjects = [t for t in sentence if t.dep_ in _ACTOR_DEPS and t.i < pronoun.i and t.pos_ in ("NOUN", "PROPN")
                        and ("Plur" in t.morph.get("Number", []) or any(c.dep_ == "conj" for c in t.children))]
            for subject in reversed(subjects):
                named = _unique([r for t in subject.subtree if (r := self.entity_of(t)) is not None
                                 and not self.is_place(r)])
                if len(named) >= 2:
                    return named
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return []

    def _nationality(self, head: Token) -> list[Reference]:
        """'les autorités algériennes', 'douze agents du réseau diplomatique algérien': the country a
        nationality adjective of the phrase (or of its "de" complement) gives, for a phrase naming no one."""
        nouns = [head, *[c for c in head.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]]
        for noun in nouns:
            for adjective in noun.children:
                if adjective.dep_ == "amod" and adjective.pos_ == "ADJ":
                    reference = self.demonym(adjective)
                    if reference is not None:
                        return [reference]
        return []

    def is_medium(self, reference: Reference) -> bool:
        """A newspaper, a channel or a social network: where words are published."""
        return fold(reference.name) in folded_media()

    def type_of(self, reference: Reference) -> str:
        return self.resolver.types.get(reference.entity_id or "", "")

    def is_place(self, reference: Reference) -> bool:
        """'à Istanbul' says where, not whom."""
        return self.type_of(reference) == "LOC"

    def _is_agent(self, reference: Reference) -> bool:
        return self.type_of(reference) in ("PER", "ORG")

    def demonym(self, token: Token) -> Reference | None:
        """"les Américains", "les frappes russes" → the country: the seat of power the article makes act
        for it ("Moscou", "le Kremlin") if there is one, else the country itself."""
        country = demonym_country(token.text)
        if country is None:
            return None
        entity = self.acting_for.get(fold(country)) or self.countries.get(fold(country))
        if entity is not None:
            return Reference(name=entity.name, entity_id=entity.id, start=token.idx, end=token.idx + len(token.text))
        return Reference(name=country, start=token.idx, end=token.idx + len(token.text))

    def place(self, trigger: Token, taken: set[str]) -> Reference | None:
        """A LOC entity the clause puts the event in ("à Paris", "près de Bilopillia"), else one in the sentence."""
        sentence = trigger.sent
        # the words of the places the sentence names, in reading order: the only words worth a look-up
        named = [token for start, end in self.resolver.places_within(sentence.start_char, sentence.end_char)
                 for token in self.doc.char_span(start, end, alignment_mode="expand") or ()
                 if token.i < sentence.end]
        top = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        in_clause = [t for t in named if t.i == top.i or top.is_ancestor(t)]
        for pool in (in_clause, named):
            for token in pool:
                found = self.resolver.entity_at(token.idx, token.idx + 1)
                if found is None or found.name in taken or self.resolver.type_of(found) != "LOC":
                    continue
                if pool is not in_clause or any(c.dep_ == "case" and c.lower_ in _PLACE_CASES for c in token.children):
                    return Reference(name=found.name, entity_id=found.entity_id, start=found.start, end=found.end)
        return None


def _own_words(head: Token) -> Iterator[Token]:
    """A phrase's words, without the clauses that describe it ("la police, alertée par X": X is not the police)."""
    yield head
    for child in head.children:
        if child.dep_ not in ("acl", "acl:relcl"):
            yield from _own_words(child)


def _carrier(noun: Token) -> Token:
    """The light verb that carries a nominal event ("appelle à une journée de grève"), else the noun itself."""
    head = noun.head if noun.dep_ != "nmod" else noun.head.head
    named = _named_event(head) if head.i != noun.i else None
    return head if named is not None and named.i == noun.i else noun


def _reflexive(verb: Token) -> bool:
    return any(c.lower_ in ("se", "s'", "s’") for c in verb.children)


def _same_event_as_head(token: Token, trigger: Trigger) -> bool:
    """A verb coordinated with a trigger of the same category tells the same event ("capturé et incarcéré")."""
    if token.dep_ != "conj" or token.head.i == token.i:
        return False
    head_trigger = _matching_trigger(token.head)
    return head_trigger is not None and head_trigger.type == trigger.type


def _without(word: Token) -> bool:
    """'sans accord', 'sans annoncer le moindre accord': what did not happen."""
    return any(c.lower_ == "sans" and c.dep_ in ("mark", "case") for c in word.children)


_UNREALISED = verbs_of_class("unrealised")
_ADDRESSING = verbs_of_class("addressing")


def _hypothetical(trigger: Token) -> bool:
    """In a condition: "si" marks the trigger's clause, or opens the sentence before it with no comma between;
    the infinitive of a verb that only wants, plans, asks for or refuses it ("exhorte X à lever", "pourrait
    rencontrer"); or a noun of any event of its kind ("toute frappe")."""
    conditions = {"si", "s'", "s’"}
    if any(c.dep_ == "mark" and c.lower_ in conditions for t in (trigger, trigger.head) for c in t.children):
        return True
    head = trigger.head
    if "Inf" in trigger.morph.get("VerbForm", []) and head.i != trigger.i and head.pos_ == "VERB" and (
            head.lemma_ in _UNREALISED or (head.lemma_ == "pouvoir" and "Cnd" in head.morph.get("Mood", []))):
        return True
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _ANY for c in trigger.children):
        return True  # "a mis en garde contre toute frappe": whichever there might be, none yet
    before = trigger.doc[trigger.sent.start : trigger.i]
    return len(before) > 0 and before[0].lower_ in conditions and not any(t.text == "," for t in before)


def _has_particle(trigger: Token, particle: str) -> bool:
    """Whether the word the trigger needs is there: a following "à", "pour", or "se" for a reflexive verb."""
    if not particle:
        return True
    if particle == "se":
        return _reflexive(trigger)
    nearby = [uncontracted(t.lower_) for t in trigger.doc[trigger.i + 1 : trigger.i + 4]]
    # (a word of a set phrase is none: "sans pour autant condamner")
    return particle in nearby or any(particle in (uncontracted(c.lower_) for c in child.subtree
                                                  if not any(g.dep_ == "fixed" for g in c.children))
                                     for child in trigger.children
                                     if child.dep_ in ("advmod", "obl:arg", "obl:mod", "xcomp", "advcl", "obj", "iobj"))


@cache
def verb_forms() -> dict[str, str]:
    """Inflected forms of the -er verb triggers → lemma, for words the tagger gets wrong ("réclame" as a noun)."""
    return er_verb_forms(lemma for lemma, entries in triggers().items() if any(t.pos == "VERB" for t in entries))


@cache
def _trigger_words() -> frozenset[str]:
    """Every word a trigger may be read from: a lemma or an inflected form."""
    return frozenset(triggers()) | frozenset(verb_forms())


def _matching_trigger(token: Token) -> Trigger | None:
    """The trigger a word is, checking its part of speech and its particle ("appeler à")."""
    lower, lemma = token.lower_, token.lemma_.casefold()
    if lower not in _trigger_words() and lemma not in _trigger_words():
        return None  # most words: decided by one set look-up
    for word in (lemma, lower):
        for trigger in triggers().get(word, []):
            pos_ok = trigger.pos == "any" or (trigger.pos == "VERB" and token.pos_ in ("VERB", "AUX")) \
                or (trigger.pos == "NOUN" and token.pos_ in ("NOUN", "PROPN"))
            if pos_ok and _has_particle(token, trigger.particle):
                return trigger
    form_of = verb_forms().get(lower)
    if form_of is not None and (token.pos_ == "VERB" or token.dep_ in ("ROOT", "conj", "ccomp")):
        for trigger in triggers()[form_of]:
            if trigger.pos == "VERB" and _has_particle(token, trigger.particle):
                return trigger
    return None


@cache
def light_verbs() -> frozenset[str]:
    return frozenset(words("light_verbs"))


def _named_event(verb: Token) -> Token | None:
    """'remettre sa démission', 'appeler à une journée de grève': the noun in the complement that
    names the event (the verb is only its carrier)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in light_verbs():
        return None
    for child in verb.children:
        if child.dep_ not in ("obj", "obl:arg", "obl:mod", "obl"):
            continue
        for token in (child, *[g for g in child.children if g.dep_ == "nmod"]):
            found = _matching_trigger(token)
            own = _matching_trigger(verb)
            if found is not None and found.pos == "NOUN" and not (
                    own is not None and own.type in _CALLS and found.type != "PROTEST"):
                return token  # but "appeler à un cessez-le-feu" is a call; "appeler à la grève" is the strike
    return None


def _names_its_object(verb: Token) -> bool:
    return _named_event(verb) is not None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)


def _clause_text(article: Article, trigger: Token, arguments: list[Token]) -> tuple[int, int]:
    """Characters from the first to the last word of the trigger and its arguments, within the sentence."""
    tokens = [trigger, *arguments]
    sentence = trigger.sent
    start = max(min(t.idx for t in tokens), sentence.start_char)
    edge = max(tokens, key=lambda t: t.idx).right_edge  # the last word of the last argument's phrase
    end = min(edge.idx + len(edge.text), sentence.end_char)
    return start, max(end, trigger.idx + len(trigger.text))


def _date_for(article: Article, trigger: Token, clause_only: bool = False) -> str | None:
    """A date of the clause, else (unless ``clause_only``) of the sentence, nearest to the trigger."""
    sentence: Span = trigger.sent
    last = trigger.right_edge
    clause = (trigger.left_edge.idx, last.idx + len(last.text))
    starts = [d.start for d in article.dates]  # in reading order
    in_sentence = article.dates[bisect_left(starts, sentence.start_char) : bisect_left(starts, sentence.end_char)]
    in_clause = [d for d in in_sentence if clause[0] <= d.start < clause[1]]
    pool = in_clause or ([] if clause_only else in_sentence)
    if not pool:
        return None
    return min(pool, key=lambda d: abs(d.start - trigger.idx)).value


Participants = tuple[list[Reference], list[Reference], list[Token]]


def _verbal_arguments(verb: Token, args: Arguments) -> Participants:
    """Actors, targets and their words for a verb: subject and object, or agent and subject in the passive."""
    actors: list[Reference] = []
    targets: list[Reference] = []
    words: list[Token] = []
    passive = _passive(verb)
    for child in verb.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "obl:agent" or (passive and child.dep_ == "obl" and "par" in cases):
            actors += args.names(child)
            words.append(child)
        elif child.dep_ in _TARGET_DEPS or (child.dep_.startswith("obl") and (
                cases & _TARGET_CASES or (not cases and args.entity_of(child)))):
            place_case = cases & (_PLACE_CASES - _TARGET_CASES)
            targets += [r for r in args.names(child) if not (place_case and args.is_place(r))
                        and not ("sur" in cases and args.is_medium(r))]  # "a salué sur X": where, not whom
            words.append(child)
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if not targets and not passive and following is not None and following.dep_ == "ROOT" \
            and any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "obj" for c in verb.children):
        # "La police a arrêté Mohamed Amra": an unfamiliar name the parser cut off as a sentence of its own is
        # still the verb's object
        named = args.entity_of(following)
        if named is not None and named.start == following.idx and args.resolver.types.get(
                named.entity_id or "") in ("PER", "ORG"):
            targets.append(named)
    described = verb.head if verb.dep_ == "conj" and _bare_participle(verb.head) else verb
    if _bare_participle(described):  # "le réalisateur, emprisonné ... et libéré": the one it was done to
        undergoer = described.head if described.dep_ in ("acl", "appos") else subject_of(described.head) \
            if described.dep_ == "advcl" else None
        if undergoer is not None and undergoer.pos_ in ("NOUN", "PROPN", "PRON"):
            targets += args.names(undergoer)
            words.append(undergoer)
        return actors, targets, words
    # the narration's verb has no subject inside someone's quoted words ("avant d'avertir : « Nous ... »")
    speech = [] if args.resolver.in_speech(verb.idx) else args.resolver.quoted
    subject = args.resolver.clause_subject(verb, speech)
    head = verb.head
    if "Inf" in verb.morph.get("VerbForm", []) and head.i != verb.i and head.lemma_ in _ADDRESSING \
            and head.lemma_ in _UNREALISED:
        # "X exhorte Y à lever les sanctions": Y would be the one to lift them ("X appelle à manifester": X)
        subject = next((c for c in head.children if c.dep_ in ("obj", "iobj")), subject)
    if subject is not None and not passive:
        actors += args.names(subject) + _co_subjects(verb, subject, args)
        words.append(subject)
    if not actors and not passive and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" \
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and (governor := verb.head.head).pos_ == "VERB":
        # "X assure que la liste respecte ... et appelle ses électeurs à": the parse hung the second verb on
        # the reported clause; a verb whose subject there names no one shares the governor's
        subject = args.resolver.clause_subject(governor, speech)
        if subject is not None:
            actors += args.names(subject)
            words.append(subject)
    return actors, targets, words


def _undergone_through(noun: Token, head: Token) -> Token | None:
    """The word through which an event noun happens to its clause's subject ("fait l'objet d'un mandat",
    "victime d'une agression", "la cible de menaces", "a subi une attaque"), if any."""
    governors = [noun.head, head, *[c for c in head.children if c.dep_ == "obj"]]
    for governor in governors:
        if governor.i == noun.i or governor.lemma_.casefold() not in _UNDERGOING_HEADS:
            continue
        # a verb ("a subi"), or a noun that is the clause's predicate ("a été victime", "fait l'objet"), not
        # any mention of the noun ("l'objet de la réunion")
        predicate = governor.dep_ == "obj" or any(c.dep_ == "cop" for c in governor.children)
        if governor.pos_ in ("VERB", "AUX") or predicate:
            return governor
    return None


def _undergone_arguments(noun: Token, through: Token, args: Arguments) -> Participants:
    """The clause's subject undergoes the event; the noun's "de" or "par" complement, or its nationality
    adjective, does it ("d'un mandat d'arrêt de la CPI", "d'une attaque russe")."""
    predicate = through.head if through.dep_ == "obj" else through
    subject = next((c for c in predicate.children if c.dep_ in SUBJECT_DEPS), None) \
        or args.resolver.clause_subject(predicate)
    targets = args.names(subject) if subject is not None else []
    actors: list[Reference] = []
    words = [subject] if subject is not None else []
    for child in noun.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "nmod" and cases & (_DE_FORMS | {"par"}):
            actors += args.names(child)
            words.append(child)
        elif child.dep_ == "amod":
            actors += [r for r in [args.demonym(child)] if r is not None]
    return actors, targets, words


def _owner(noun: Token, owner: Token, args: Arguments) -> Reference | None:
    """Whom "son", "sa" or "leur" stands for before an event noun: the one the discourse is about when the
    sentence names no one before the noun ("Son assassinat a choqué X"), the clause's subject when it is the
    only one named ("X a contesté son arrestation"); with others named ("Selon X, l'Algérie a refusé son
    expulsion"), nobody: it could be any of them, or someone before."""
    sentence = noun.sent
    named = {r.entity_id for t in noun.doc[sentence.start : noun.i] if (r := args.entity_of(t)) is not None}
    if not named:
        found = args.resolver.antecedent(noun.idx, singular=owner.lower_ in ("son", "sa", "ses"))
        return Reference(name=found.name, entity_id=found.entity_id, start=owner.idx,
                         end=owner.idx + len(owner.text)) if found is not None and found.entity_id else None
    subject = subject_of(noun.head) if noun.head.i != noun.i else None
    subject_names = args.names(subject) if subject is not None else []
    if len(named) == 1 and len(subject_names) == 1 and subject_names[0].entity_id in named:
        return subject_names[0]
    return None


def _co_subjects(verb: Token, subject: Token, args: Arguments) -> list[Reference]:
    """'La CGT et FO appellent': the parse may make each name a subject of the verb rather than conjuncts."""
    return [r for c in verb.children if c.dep_ == subject.dep_ and c.i != subject.i and c.pos_ == "PROPN"
            for r in args.names(c)]


def _bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary, in a phrase that describes someone ("interpellé sur place,
    l'assaillant ..."): passive in meaning, and its subject is not its actor."""
    return "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", []) \
        and verb.dep_ in ("acl", "advcl", "appos") and not any(c.dep_.startswith("aux") for c in verb.children)


def _nominal_arguments(noun: Token, trigger: Trigger, args: Arguments) -> Participants:
    """Actors, targets and their words for a noun: its complements, its nationality adjective, and the
    subject of the verb that carries it ("a présenté sa démission", "ont renoué avec des négociations")."""
    actors: list[Reference] = []
    targets: list[Reference] = []
    words: list[Token] = []
    head = noun.head if noun.dep_ != "nmod" else noun.head.head
    undergone = _undergone_through(noun, head)
    if undergone is not None:
        return _undergone_arguments(noun, undergone, args)
    carried = _carrier(noun).i != noun.i
    # "en visite à Lyon, X a promis": whoever is in that state, whatever the verb does
    in_state = any(c.dep_ == "case" and c.lower_ == "en" for c in noun.children) \
        and not any(c.dep_ == "det" for c in noun.children)
    taking_part = head.pos_ == "VERB" and head.i != noun.i and noun.dep_.startswith("obl") and (in_state or (
        _matching_trigger(head) is None and (not is_reporting_verb(head) or noun.dep_ == "obl:mod")))
    if carried or taking_part:
        subject = subject_of(head) or args.resolver.clause_subject(head)
        if subject is not None:
            actors += args.names(subject) + _co_subjects(head, subject, args)
            words.append(subject)
        for sibling in head.children:  # whom: "placé X en garde à vue", "a présenté sa démission à X"
            if sibling.dep_ in ("obl:arg", "iobj", "obj") and sibling.i != noun.i:
                targets += [r for r in args.names(sibling) if trigger.type in _GIVEN_TO or not args.is_place(r)]
    if noun.dep_ == "nsubj" and head.pos_ == "VERB" and _matching_trigger(head) is None \
            and head.lemma_ in _JOINING_VERBS:
        for sibling in head.children:  # "la guerre oppose l'armée aux FSR": those it opposes take part
            bare = not any(c.dep_ == "case" for c in sibling.children)
            if sibling.dep_ in ("obj", "obl:arg") or (sibling.dep_.startswith("obl") and bare):
                actors += [r for r in args.names(sibling) if not args.is_place(r)]
    for participle in (c for c in noun.children if c.dep_ == "acl"):  # "une grève lancée par X"
        for agent in (c for c in participle.children if c.dep_ == "obl:agent"):
            actors += args.names(agent)
            words.append(agent)
    undergoes = trigger.type in ("COERCE", "RETREAT", "ACCUSE") or noun.lemma_.casefold() in _PATIENT_NOUNS
    owner = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in _POSSESSIVES), None)
    if undergoes and owner is not None:  # "son assassinat", "sa libération": done to the one "son" stands for
        undergoer = _owner(noun, owner, args)
        if undergoer is not None:
            targets.append(undergoer)
    # "des menaces de représailles contre Taïwan": the qualifying noun's complements are the event's
    qualifiers = [c for c in noun.children if _qualifies_an_event(c)]
    for child in (*[c for c in noun.children if c not in qualifiers], *[g for q in qualifiers for g in q.children]):
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "amod":
            actors += [r for r in [args.demonym(child)] if r is not None]
        elif child.dep_ == "nmod" and cases & {"par", "entre"}:  # "entre Kiev et Moscou": both take part
            actors += args.names(child)
            words.append(child)
        elif child.dep_ == "nmod" and (cases & _TARGET_CASES or (cases & _DATIVE_CASES and trigger.type in _GIVEN_TO)):
            targets += args.names(child)
            words.append(child)
        elif child.dep_ == "nmod" and cases & _DE_FORMS:
            (targets if undergoes else actors).extend(args.names(child))
            words.append(child)
    return actors, targets, words


def events_of(article: Article, doc: Doc, args: Arguments) -> list[Event]:
    """Every asserted event of the article, before merging."""
    quoted = _Stretches([(q.start, q.end) for q in article.quotes if q.direct])
    incise_verbs = {q.verb.start for q in article.quotes if q.direct and q.verb is not None and q.verb.start > q.end}
    speakers_by_verb: dict[int, list[Reference]] = {}
    for quote in article.quotes:
        if quote.verb is not None and quote.speaker is not None and quote.speaker.entity_id is not None:
            speakers_by_verb.setdefault(quote.verb.start, []).append(quote.speaker)
    found = []
    for token in (doc[i] for i in positions_of(doc, _trigger_words(), lemmas=True)):
        if args.resolver.entity_at(token.idx, token.idx + len(token.text)) is not None:
            continue  # a word of a name: "Rassemblement national", "commission d'enquête", "Forces de soutien"
        trigger = _matching_trigger(token)
        performer = None
        if quoted.covers(token.idx):
            # words inside a quote are what someone said, not what the article asserts; unless saying them is
            # the act ("« Nous condamnons fermement cette attaque »", "« La France condamne ... »")
            performer = _performer(token, trigger, article, args)
            if performer is None:
                continue
        if trigger is None or _names_its_object(token) or _in_set_phrase(token) or _figurative(token) \
                or _qualifies_an_event(token) or _called_off(token):
            continue
        if _same_event_as_head(token, trigger) or (trigger.type == "SUPPORT" and _reflexive(token)):
            continue  # "capturé ... et incarcéré" is one event; "se féliciter de" is no support of anyone
        if token.lemma_ in _OTHER_WHEN_REFLEXIVE and trigger.particle != "se" and _reflexive(token):
            continue  # "les recherches se poursuivaient", "se livrer à": another sense, no event of this kind
        if token.lemma_ in _ROLE_PARTICIPLES and _bare_participle(token) and not any(
                c.dep_ == "obl:agent" for c in token.children):
            continue  # "une équipe chargée de préparer la riposte": a standing task, not someone asking for it
        if token.lemma_ in _TRIP_VERBS and token.dep_ == "xcomp":
            continue  # a trip someone must, could or wants to make ("doit se rendre à Kiev") is no visit yet
        if trigger.type in ("AGREE", "SUPPORT") and token.idx in incise_verbs:
            continue  # "« ... on sera là », a promis X": the verb reports the words, the act is in them
        if trigger.type == "ASSAULT" and _measure_as_subject(token):
            continue  # "les nouvelles sanctions visent les banques russes": aimed at, not struck
        if trigger.type in _AGENTS_ONLY and _thing_as_subject(token, args):
            continue  # "le chômage recule", "la crue menace les digues": a thing that does not act
        # a verb trigger the tagger took for an adjective or a noun ("Washington a gelé les avoirs") is a verb
        verbal = token.pos_ in ("VERB", "AUX") or (
            trigger.pos == "VERB" and any(c.dep_.startswith("aux") for c in token.children))
        if verbal:
            actors, targets, argument_tokens = _verbal_arguments(token, args)
        else:
            actors, targets, argument_tokens = _nominal_arguments(token, trigger, args)
        if performer is not None:
            actors = performer
        if not actors:
            actors += speakers_by_verb.get(token.idx, [])[:1]
        actors = _unique(actors)
        doers = [c for c in token.children if c.dep_ in ("nsubj", "obl:agent")]
        if not actors and token.lemma_ in _UNDERGONE_VERBS and all(
                d.lemma_.casefold() in _NATURAL_FORCES for d in doers):
            # "deux habitants ont été blessés", "300 personnes évacuées": no one said to have done it;
            # "détruits par l'incendie": a disaster's work
            continue
        targets = [t for t in _unique(targets) if t.name not in {a.name for a in actors}]
        taken = {r.name for r in actors + targets}
        location = args.place(token, taken)
        date = _date_for(article, token)
        # "n'a pas signé", "n'a pas appelé à la grève", "si l'armée frappe": told, not asserted; kept flagged
        negated = is_negated(token) or _without(token) or (
            not verbal and token.head.i != token.i and (is_negated(token.head) or _without(token.head)))
        hypothetical = _hypothetical(token)
        # "des heurts ont opposé": a new event told as the subject ("l'accord ne fait pas l'unanimité" tells of one
        # already named)
        asserted_subject = not verbal and token.dep_ == "nsubj" and token.head.pos_ == "VERB" and not any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
        # a number of them happened: "19 arrestations", "trois frappes ont visé"
        asserted_subject = asserted_subject or (not verbal and any(c.dep_ == "nummod" for c in token.children))
        in_headline = article.title_span is not None and token.idx < article.title_span.end
        if not actors and not targets and (in_headline or (not asserted_subject and (
                (verbal and date is None and location is None and not _passive(token))
                or (not verbal and _date_for(article, token, clause_only=True) is None
                    and _date_for(article, _carrier(token), clause_only=True) is None)))):
            # a bare mention ("la réunion", "un cessez-le-feu") with no date of its own asserts nothing; a passive
            # clause does, of whom it names ("cinq personnes ont été interpellées")
            continue
        start, end = _clause_text(article, token, argument_tokens)
        found.append(Event(
            type=trigger.type,
            text=article.text[start:end], start=start, end=end,
            trigger=TextSpan(start=token.idx, end=token.idx + len(token.text)),
            actors=actors, targets=targets, location=location, date=date, negated=negated,
            hypothetical=hypothetical,
        ))
    return found


_NEGATION_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(function_words('negation')))})\s+(?:\w+\s+){{0,2}}$",
                              re.IGNORECASE)


@cache
def _condemnation() -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w) for w in words("disapproval_words")), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def condemnations(article: Article, doc: Doc, args: Arguments) -> list[Event]:
    """DISAPPROVE events told by what a speaker says: quoted words of condemnation, not negated ("« Ces
    frappes sont inacceptables », a réagi X"; "X a jugé la grève « choquante »"; "« C'est inadmissible »,
    a-t-il écrit"). The speaker is the quote's, else that of a quote of the same sentence, else the subject
    of the verb the quoted words depend on."""
    found = []
    attributed = [q for q in article.quotes if q.direct and q.speaker is not None and q.speaker.entity_id]
    for stretch in quoted_in_text(article.text):
        word = next((w for w in _condemnation().finditer(article.text, stretch.start, stretch.end)
                     if not _NEGATION_BEFORE.search(article.text, max(stretch.start, w.start() - 40), w.start())),
                    None)
        span = doc.char_span(word.start(), word.end(), alignment_mode="expand") if word is not None else None
        if word is None or span is None:
            continue
        sentence = span[0].sent
        speaker = next((q.speaker for q in attributed if q.start <= word.start() < q.end), None) or next(
            (q.speaker for q in attributed if sentence.start_char <= q.start < sentence.end_char), None)
        actors = [Reference(name=speaker.name, entity_id=speaker.entity_id, start=speaker.start, end=speaker.end)] \
            if speaker is not None else _judge(span[0], args)
        if actors:
            found.append(Event(
                type="DISAPPROVE", text=stretch.text, start=stretch.start, end=stretch.end,
                trigger=TextSpan(start=word.start(), end=word.end()), actors=actors, targets=[], location=None,
                date=_date_for(article, span[0]),
            ))
    return found


def _judge(word: Token, args: Arguments) -> list[Reference]:
    """Who calls something what the quoted word says: the subject of the verb it depends on ("X a jugé la
    grève « choquante »")."""
    verb = next((t for t in word.ancestors if t.pos_ in ("VERB", "AUX")), None)
    subject = args.resolver.clause_subject(verb) if verb is not None else None
    return [r for r in args.names(subject) if not args.is_place(r)] if subject is not None else []


def _trigger_start(event: Event) -> int:
    """Where an event is told: the reading order events are found in."""
    return event.trigger.start if event.trigger is not None else event.start


class _Stretches:
    """Character ranges (quotes), asked whether they cover an offset in log time."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def covers(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return any(start <= offset < end for start, end in self.ranges[max(0, index - 2) : index + 1])


@cache
def _set_phrases() -> dict[str, list[str]]:
    """First word → the set phrases it opens that name no event ("conférence de presse", "chargé de mission")."""
    found: dict[str, list[str]] = {}
    for phrase in words("not_event_phrases"):
        found.setdefault(phrase.split()[0].casefold(), []).append(phrase.casefold())
    return found


def _in_set_phrase(token: Token) -> bool:
    """Whether a trigger word opens a set phrase that names no event."""
    phrases = _set_phrases().get(token.lower_)
    if not phrases:
        return False
    following = token.doc[token.i : token.i + 6].text.casefold().replace("’", "'")
    return any(following.startswith(phrase) for phrase in phrases)


def _qualifies_an_event(noun: Token) -> bool:
    """'une manifestation de soutien à X', 'des menaces de représailles': a bare complement of another event's
    noun says what kind of event that is; it is no event of its own."""
    if noun.pos_ != "NOUN" or noun.dep_ != "nmod" or noun.head.pos_ != "NOUN" or _matching_trigger(noun) is None \
            or _matching_trigger(noun.head) is None:
        return False
    cases = {c.lower_ for c in noun.children if c.dep_ == "case"}
    return bool(cases & _DE_FORMS) and not any(c.dep_ == "det" for c in noun.children)


def _called_off(noun: Token) -> bool:
    """'a levé les sanctions', 'les négociations ont été suspendues': the act is the lifting or the
    suspending, told by the verb; the noun names no event taking place."""
    bare = noun.dep_.startswith("obl") and not any(c.dep_ == "case" for c in noun.children)  # an object misread
    return noun.pos_ == "NOUN" and (noun.dep_ in ("obj", "nsubj:pass", "obl:arg") or bare) \
        and noun.head.lemma_ in _ENDING_VERBS


# acts only someone can do: a person, a body, a country, a document speaking for its author
_AGENTS_ONLY = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE", "REQUEST", "DEMAND", "ACCUSE", "DISAPPROVE",
                "REJECT", "THREATEN"}


def _performer(verb: Token, trigger: Trigger | None, article: Article, args: Arguments) -> list[Reference] | None:
    """Who performs an act by saying the quoted words that tell it in the present: the speaker for "je" or
    "nous" ("« Nous condamnons fermement cette attaque »"), the body or country the speaker names as the
    subject ("« L'État du Qatar condamne ... »"); None for any other quoted words."""
    if trigger is not None and verb.pos_ == "NOUN":
        verb = _carrier(verb)  # "« J'exprime ma solidarité au Qatar »": the light verb says who and when
    if trigger is None or trigger.type not in _SPEECH_ACTS or verb.pos_ != "VERB" or is_negated(verb) \
            or "Pres" not in verb.morph.get("Tense", []) or "Ind" not in verb.morph.get("Mood", []):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    quote = next((q for q in article.quotes if q.direct and q.start <= verb.idx < q.end), None)
    if subject is None or quote is None or (verb.dep_ != "ROOT" and quote.start <= verb.head.idx < quote.end):
        return None  # (only the quote's main clause: "« Je regrette que l'Algérie refuse ... »" reports a refusal)
    if subject.pos_ == "PRON":
        speaker = quote.speaker
        return [speaker] if subject.lower_ in _FIRST_PERSON and speaker is not None and speaker.entity_id else None
    named = [r for r in args.names(subject) if args.resolver.types.get(r.entity_id or "") in ("ORG", "LOC")]
    if not named:  # "l'État du Qatar", "le gouvernement du Canada": the country it is the state of
        named = [r for c in subject.children if c.dep_ == "nmod" and (r := args.entity_of(c)) is not None
                 and args.resolver.types.get(r.entity_id or "") in ("ORG", "LOC")]
    return named or None


def _measure_as_subject(verb: Token) -> bool:
    """Whether an attack verb's subject is a measure or a document ("les sanctions visent", "la loi frappe")."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and (c.lemma_.casefold() in _MEASURE_NOUNS
                                                    or speaker_noun_kind(c) == "document")
        for c in verb.children)


def _thing_as_subject(verb: Token, args: Arguments) -> bool:
    """Whether the verb's own subjects are common nouns that name no one: not a speaker noun ("le ministre",
    "les manifestants", "le rapport"), not a body the article names, not a name."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # several when the parse took an apposition for one
    return bool(subjects) and all(
        subject.pos_ == "NOUN" and speaker_noun_kind(subject) is None and args.entity_of(subject) is None
        and subject.lemma_.casefold() not in args.bodies and subject.lower_ not in args.bodies for subject in subjects)


@cache
def _figurative_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((row["verb"], row["object"]) for row in rows("figurative_objects"))


def _figurative(verb: Token) -> bool:
    """A trigger verb in an idiom with its object ("tirer les conclusions", "livrer son analyse"), its "de"
    complement ("frappé d'une amende") or the noun it describes ("l'économie frappée par la crise")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.casefold()
    objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") or (
        c.dep_.startswith("obl") and any(m.dep_ == "case" and m.lower_ in _DE_FORMS for m in c.children))]
    if verb.dep_ == "acl":
        objects.append(verb.head)
    return any((lemma, word.lemma_.casefold()) in _figurative_pairs() for word in objects)


def _unique(references: list[Reference]) -> list[Reference]:
    seen: set[str] = set()
    kept = []
    for reference in references:
        if reference.name not in seen:
            seen.add(reference.name)
            kept.append(reference)
    return kept


def merge_events(events: list[Event], article: Article, doc: Doc) -> list[Event]:
    """One event per real-world event: a headline's (or sub-heading's) mention merges into the body event
    of the same category with shared participants; in the body, mentions of one category merge within a
    sentence when they share participants or have none, and a later mention that names no one the first did
    not ("l'attaque", "Israël n'avait jamais frappé ...", "les responsables visés") is the same event told
    again, unless its date or place says otherwise."""
    def heading(event: Event) -> bool:
        return article.in_heading(event.start)

    def sentence(event: Event) -> int:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") if event.trigger else None
        return span.sent.start if span is not None else -1

    def names(event: Event) -> set[str]:
        return {r.name for r in event.actors + event.targets}

    def retold(event: Event, first: Event) -> bool:
        return names(event) <= names(first) and event.date in (None, first.date) and (
            event.location is None or first.location is None or event.location.name == first.location.name)

    ordered = sorted(events, key=lambda e: (heading(e), e.start))
    kept: list[Event] = []
    by_kind: dict[tuple[str, bool, bool], list[Event]] = {}  # kept events of one category and status
    same_sentence: dict[tuple[str, bool, bool, int], list[Event]] = {}  # body events: merge within a sentence
    for event in ordered:
        own = names(event)
        key = (event.type, event.negated, event.hypothetical, sentence(event))
        same_kind = by_kind.setdefault(key[:3], [])
        if heading(event):
            duplicate = next((k for k in same_kind if own & names(k)), None) \
                or next((k for k in same_kind if retold(event, k)), None)
        else:
            # one event told twice in a sentence shares someone with it, and is done to no one new ("a reçu X
            # avant de s'entretenir avec Y" is two meetings)
            duplicate = next((k for k in same_sentence.get(key, []) if ((own & names(k)) and not (
                {r.name for r in event.targets} - names(k))) or not own), None) \
                or next((k for k in same_kind if retold(event, k)), None)
        if duplicate is None:
            kept.append(event)
            same_kind.append(event)
            if not heading(event):
                same_sentence.setdefault(key, []).append(event)
        else:
            duplicate.date = duplicate.date or event.date
            duplicate.location = duplicate.location or event.location
    return sorted(kept, key=lambda e: e.start)


@register_stage("events", requires=("entities", "dates", "quotes"), assigns=("events",))
def extract_events(article: Article, doc: Doc) -> None:
    """The article's events, merged."""
    args = Arguments(article, doc)
    told = events_of(article, doc, args) + condemnations(article, doc, args)
    article.events = merge_events(sorted(told, key=_trigger_start), article, doc)
