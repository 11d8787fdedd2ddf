"""The shared resolver: which entity a stretch of the parse names, and who a pronoun, a role noun or a
subject stands for. The quotes and events stages both use it, built once per article (:func:`resolver_for`).

It also holds the one definition of a reporting verb and of a verb's subject, so that "who said" and
"who did" are found the same way. The quotes stage passes its running :class:`Discourse` (who spoke
last, in which paragraph) so that pronouns can refer back to a speaker; the events stage passes none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from vigie.extract.candidates import folded_media, institution_heads
from vigie.extract.demonyms import demonym_country
from vigie.extract.entities import metonym_seats, role_nouns, seat_countries
from vigie.extract.inflection import er_verb_forms
from vigie.extract.quotations import quoted_in_text
from vigie.lexicon import function_words, mapping, verbs_of_class, words
from vigie.model import Article, Entity, Mention
from vigie.textnorm import fold

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
_PERSONAL = function_words("personal_pronoun")
_PRONOUNS = _PERSONAL | function_words("anaphoric_pronoun")
_ON = function_words("impersonal_pronoun")
_DEMONSTRATIVES = function_words("demonstrative_pronoun")
_DE = function_words("de_form")
_NEGATIONS = function_words("negation")
_RELATIVES = function_words("relative_pronoun")
PRONOUN_GENDERS = {"il": "Masc", "elle": "Fem"}
# "ce dernier", "celle-ci": the one named last (of that gender); "le premier", "la seconde": of the last two
_LATTER = {"dernier": "Masc", "dernière": "Fem", "celui-ci": "Masc", "celle-ci": "Fem"}
_RANKS = {"premier": ("Masc", 0), "première": ("Fem", 0), "second": ("Masc", 1), "seconde": ("Fem", 1),
          "deuxième": (None, 1)}
ORDER_WORDS = frozenset(_LATTER) | frozenset(_RANKS)
# a source opening a sentence: "Selon X, ...", "D'après X, ...", "Pour X, ..." (quotes read it too)
SOURCE_OPENING = re.compile(r"\s*(?:selon|d['’]apr[èe]s|pour)\s+(?P<source>[^,«»\"“”]{2,80}),", re.IGNORECASE)
_LOOKAHEAD = 1500  # characters: how far on a role's holder may be named
_INDEFINITE = function_words("indefinite_determiner")
_DEFINITE = function_words("definite_article") | function_words("demonstrative_determiner")
_RESOLVER_KEY = "vigie.resolver"


@cache
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech (in some construction)."""
    return frozenset(words("reporting_verbs"))


@cache
def incise_only_verbs() -> frozenset[str]:
    """Lemmas that report speech only in an incise ("« ... », reprend-il"): elsewhere they mean something else."""
    return frozenset(words("reporting_verbs", where=("construction", "incise")))


_BRACKETED = re.compile(r"\([^()\n]{1,120}\)|\[[^\[\]\n]{1,120}\]")
_OWNER_ARTICLES = {"son": "le", "sa": "la", "ses": "les"}  # whose one person's: "leur" may be several
_ANY_DOCUMENT = frozenset({"texte", "document"})  # nouns that take up any document named before them
_PUBLISHING = verbs_of_class("publishing")


@dataclass
class Speaker:
    """Who said it: an entity (with the mention that names it here) or a description."""

    name: str
    start: int
    end: int
    entity_id: str | None = None


@dataclass
class Discourse:
    """The quotes stage's running state: who spoke last and in which paragraph, and the paragraph read now."""

    speaker: Speaker | None = None
    speaker_paragraph: int = -10
    paragraph: int = 0


class Resolver:
    """Maps text positions to the article's entities and resolves anaphora to them."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.types = {entity.id: entity.type for entity in article.entities}
        self.entities = {entity.id: entity for entity in article.entities}
        self.by_offset: dict[int, tuple[Entity, int, int]] = {}
        credit = article.credit_span
        # the photo credit names who took the picture, not anyone the text speaks of
        self.discourse = [(entity, mention) for entity in article.entities for mention in entity.mentions
                          if credit is None or not credit.start <= mention.start < credit.end]
        for entity, mention in self.discourse:
            for offset in range(mention.start, mention.end):
                self.by_offset[offset] = (entity, mention.start, mention.end)
        # who the narration names: a person named inside someone's quoted words ("« ... que Marine Le Pen »")
        # is not who 'elle', 'la syndicaliste' or the next speaker stands for
        # (but a bracket in the quote is the journalist's: "« Il faut que la ministre (de l'Agriculture, X) ... »")
        quoted = self.quoted = _quoted_words(article.text)
        self.quoted_starts = [start for start, _ in quoted]
        inserted = [(m.start(), m.end()) for m in _BRACKETED.finditer(article.text)]
        self.narrated = [(entity, mention) for entity, mention in self.discourse
                         if not any(start <= mention.start and mention.end <= end for start, end in quoted)
                         or any(start <= mention.start and mention.end <= end for start, end in inserted)]
        # mentions of each type in reading order, so "the last X before here" is a binary search
        self.by_type: dict[str, list[tuple[int, Entity, Mention]]] = {}
        for entity, mention in sorted(self.narrated, key=lambda pair: pair[1].start):
            self.by_type.setdefault(entity.type, []).append((mention.start, entity, mention))
        self.type_starts = {kind: [start for start, _, _ in found] for kind, found in self.by_type.items()}
        # where places are named, quoted or not, in reading order, so those of a sentence are a bisection away
        self.places = sorted((m.start, m.end) for entity, m in self.discourse if entity.type == "LOC")
        self.place_starts = [start for start, _ in self.places]
        self._appositions: dict[int, str] = {}
        self._genders: dict[str, str | None] = {}

    def people_between(self, start: int, end: int) -> list[tuple[Entity, Mention]]:
        """The persons the narration (not someone's quoted words) names between two offsets."""
        found = self.by_type.get("PER", [])
        starts = self.type_starts.get("PER", [])
        return [(entity, mention) for _, entity, mention in
                found[bisect_left(starts, start) : bisect_left(starts, end)]]

    def places_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The (start, end) of the places named from the characters [start, end), in reading order."""
        return self.places[bisect_left(self.place_starts, start) : bisect_left(self.place_starts, end)]

    def entity_at(self, start: int, end: int) -> Speaker | None:
        """The entity named by the characters [start, end), if any."""
        for offset in range(start, end):
            found = self.by_offset.get(offset)
            if found is not None:
                entity, m_start, m_end = found
                return Speaker(entity.name, m_start, m_end, entity.id)
        return None

    def type_of(self, speaker: Speaker | None) -> str | None:
        return self.types.get(speaker.entity_id or "") if speaker else None

    def gender_of(self, speaker: Speaker | None) -> str | None:
        """'Masc' or 'Fem' when the text says a person's gender right before one of their names: a form of
        address ("Mme X") or a person noun with its article ("la sénatrice X", "l'avocate X"); when it says
        nothing, the gender of the first name of a full name (first_names.tsv); None when it says both, or
        the name does not tell."""
        if speaker is None or speaker.entity_id is None or self.type_of(speaker) != "PER":
            return None
        return self._entity_gender(speaker.entity_id)

    def _entity_gender(self, entity_id: str) -> str | None:
        if entity_id not in self._genders:
            said = set()
            for mention in self.entities[entity_id].mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and span.start > 0:
                    said.add(_gender_before(self.doc[span.start - 1]))
            said.discard(None)
            name = self.entities[entity_id].name
            if said:  # what the text says, unless it says both
                self._genders[entity_id] = said.pop() if len(said) == 1 else None
            else:  # what the first name of a full name says ("Jean-Marie" by "Jean"), or a first name alone
                # ("Antoine, 28 ans"); a surname says nothing
                self._genders[entity_id] = _first_name_genders().get(fold(name.split(" ", 1)[0].split("-", 1)[0]))
        return self._genders[entity_id]

    def agrees(self, speaker: Speaker | None, gender: str | None) -> bool:
        """Whether a speaker can be the one a word of that gender stands for ("il", "la députée")."""
        found = self.gender_of(speaker) if gender is not None else None
        return found is None or found == gender

    def named_by(self, head: Token) -> Speaker | None:
        """The entity a noun phrase names: its head inside a mention, a person in the phrase,
        or a person in apposition ("le président des Républicains, Bruno Retailleau")."""
        own = self.entity_at(head.idx, head.idx + len(head.text))
        if own is not None and self.type_of(own) == "LOC":
            # "le Québécois Julien Mailhot", "le Marseillais X": an origin word before the person's name
            person = next((found for child in head.children if child.dep_ in ("appos", "flat:name")
                           and (found := self.entity_at(child.idx, child.idx + len(child.text))) is not None
                           and self.type_of(found) == "PER"), None)
            return person or own
        if own is not None:
            return own
        phrase = noun_phrase(head)
        # "un proche de X", "l'entourage de X", "un dirigeant de LREM": someone else than X, unnamed
        anonymous = speaker_noun_kind(head) == "proxy" or any(
            c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children)
        people = [s for t in phrase if (s := self.entity_at(t.idx, t.idx + len(t.text))) and self.type_of(s) == "PER"]
        related = self._related_name(head)
        if related is not None:  # "l'avocat de Paul Lemaire", "la fille de X": someone else than X
            people = [p for p in people if not related.start_char <= p.start < related.end_char]
        if people and not anonymous:
            return people[0]
        # the parse may hang the name on the role's complement ("la présidente du groupe ..., X") or read it as
        # a conjunct ("..., X," as "et X"); never on a person's ("l'avocat de Paul Lemaire, Jean Sorel")
        holders = [head, *[t for t in head.subtree if t.dep_ == "nmod" and t.i > head.i and not (
            (named := self.entity_at(t.idx, t.idx + len(t.text))) is not None and self.type_of(named) == "PER")]]
        appositions = [c for holder in holders for c in holder.children if 0 < c.i - head.i <= 20 and (
            c.dep_ == "appos" or (c.dep_ == "conj" and c.pos_ == "PROPN" and self.doc[c.i - 1].text == ","
                                  and not any(g.dep_ == "cc" for g in c.children)))]
        # a person's role names a person: "le député LFI François Ruffin" is not LFI, his party
        of_person = speaker_noun_kind(head) == "person"
        for apposition in appositions:  # "le chef de la délégation, le ministre de la Défense Roustem Oumerov"
            for child in (apposition, *[c for c in apposition.children if c.dep_ in ("appos", "flat:name")]):
                candidate = self.entity_at(child.idx, child.idx + len(child.text))
                kind = self.type_of(candidate) if candidate is not None else "LOC"
                if candidate is not None and (kind == "PER" if of_person else kind != "LOC"):
                    return candidate
        after = phrase.end
        if after < len(self.doc) and self.doc[after].text == "(":  # "la porte-parole de la SQ (police), X"
            after = next((t.i + 1 for t in self.doc[after : after + 8] if t.text == ")"), after)
        if after < len(self.doc) and self.doc[after].pos_ == "ADP":  # "le secrétaire au Trésor, X" parsed apart
            comma = next((t.i for t in self.doc[after : after + 7] if t.text == ","), None)
            if comma is not None and not any(t.pos_ in ("VERB", "AUX") or t.is_punct
                                             for t in self.doc[after:comma]):
                after = comma
        first_word = self._name_after_comma(after) if after < len(self.doc) and self.doc[after].text == "," \
            else None
        if first_word is not None:
            candidate = self.entity_at(first_word.idx, first_word.idx + len(first_word.text))
            # after "un proche de X," a name is an apposition only when a comma closes it: in "selon un proche
            # de X, Y se montre redoutable" Y begins the sentence's own clause
            closed = not anonymous or (candidate is not None and self.article.text[candidate.end:].startswith(","))
            if candidate is not None and self.type_of(candidate) == "PER" and closed:
                return candidate
        return None

    def _related_name(self, head: Token) -> Span | None:
        """The person or body a person noun is related to through its "de" complement ("l'avocat de Paul
        Lemaire", "la mère de X", "l'avocate de la SNCF"), as words of the text: never the one the phrase
        designates. (A place is not: "le maire de Lyon" is found through who was given that role.)"""
        plural = head.pos_ == "NOUN" and "Plur" in head.morph.get("Number", default=[])
        if speaker_noun_kind(head) not in ("person", "proxy", "affiliation") and not plural:
            return None
        # (several people are never the one their complement names, however deep: "les membres de la famille du
        # petit Émile")
        holders = [head]
        while holders:
            holder = holders.pop()
            for child in holder.children:
                if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in _DE for c in child.children):
                    found = self.entity_at(child.idx, child.idx + len(child.text))
                    if found is not None and self.type_of(found) in ("PER", "ORG") \
                            and fold(found.name) not in _seats():
                        return child.doc[child.left_edge.i : child.right_edge.i + 1]
                    if plural and found is None and child.pos_ == "NOUN":
                        holders.append(child)
        return None

    def _titled_later(self, after: int, role: str) -> Speaker | None:
        """The first person named further on right behind the role word ("du président Tokaïev"), not far."""
        found = self.by_type.get("PER", [])
        title = re.compile(rf"\b{re.escape(role)}\s+$", re.IGNORECASE)
        for start, entity, mention in found[bisect_right(self.type_starts.get("PER", []), after) :]:
            if start - after > _LOOKAHEAD:
                break
            if title.search(self.article.text[max(0, start - 40) : start]):
                return Speaker(entity.name, mention.start, mention.end, entity.id)
        return None

    def _of_place(self, head: Token, feature: str | None = None) -> bool:
        """Whether a role noun's "de" complement names a place ("le préfet des Alpes-Maritimes"), or, with a
        ``feature``, a place of that kind ("le président du Kazakhstan": a country)."""
        for child in head.children:
            if child.dep_ != "nmod" or not any(c.dep_ == "case" and c.lower_ in _DE for c in child.children):
                continue
            found = self.entity_at(child.idx, child.idx + len(child.text))
            if found is None or self.type_of(found) != "LOC":
                continue
            place = self.entities[found.entity_id].place if found.entity_id in self.entities else None
            if feature is None or (place is not None and place.feature == feature):
                return True
        return False

    def role_referent(self, subject: Token, discourse: Discourse | None = None) -> Speaker | None:
        """'le ministre', 'la magistrate', 'le syndicat': the entity last given that role."""
        role = role_nouns().get(subject.lower_)
        determiner = next((c.lower_ for c in subject.children if c.dep_ == "det"), "")
        if determiner not in _DEFINITE:
            return None
        if not role:
            return self.described_entity(subject)
        # the role as written ("premier ministre", "ministre de la Santé", not just "ministre") must have
        # been given to them
        phrase = noun_phrase(subject)
        first = next((t for t in phrase if t.dep_ != "det"), subject)
        written = self.article.text[first.idx : phrase.end_char]
        found = self.recent_entity(subject.idx, role, role=_comparable(written))
        if found is None and role == "PER":
            # "le Premier ministre lui-même a fait savoir ..." before "du Premier ministre Andrej Babiš": a
            # role of several words no one held before is the one named with it further on
            titled = self.article.text[first.idx : subject.idx + len(subject.text)]
            found = next((holder for role_words in {titled, written} if 1 < len(role_words.split()) <= 5
                          and (holder := self._titled_later(subject.idx, role_words)) is not None), None)
        if found is None and role == "PER" and self._unnamed_before(subject):
            return None  # "Le Premier ministre a reçu X. « ... », a déclaré le Premier ministre": still unnamed
        if found is None and role == "PER" and self._related_name(subject) is None:
            # "X a succédé ... a prévenu le nouveau ministre"; "la magistrate a précisé" after X's words
            gender = phrase_gender(subject)  # "le ministre" is no woman the text named "la sénatrice X"
            speaker = self.recent_speaker(subject.idx, discourse)
            found = (self.recent_subject(subject.idx, sentences=2, gender=gender)
                     or (speaker if self.agrees(speaker, gender) else None)
                     or self.recent_mention(subject.idx, gender=gender) or self.protagonist(subject.idx, gender))
            if found is not None and self._lui_before_verb(subject):
                # "Le Premier ministre lui a répondu": "lui" is the one the discourse puts forward, whom the
                # guess would pick; the subject is someone else
                found = None
            paragraph_start = self.article.text.rfind("\n", 0, subject.idx) + 1
            if found is not None and found.start < paragraph_start and self._of_place(subject):
                found = None  # "le préfet des Alpes-Maritimes" opening a paragraph: not whoever spoke before it
        if found is None and role == "PER" and self._of_place(subject, "country"):
            # "Le président du Kazakhstan a ordonné ..." before "la décision du président Tokaïev": the head of a
            # country the text names further on with that role
            found = self._titled_later(subject.idx, subject.lower_)
        if found is None and role == "ORG" and written == subject.lower_:
            found = self.recent_mention(subject.idx, "ORG")  # "Pour le Hamas, ... Le mouvement juge ..."
            if found is not None and fold(found.name) in folded_media():
                found = None  # "a indiqué sur X la préfecture": where it was said, not who
            if found is not None and subject.lower_ in institution_heads() \
                    and fold(subject.text) not in fold(found.name).split():
                found = None  # "la préfecture" after "le ministère de l'Intérieur": a body of another kind
        return found

    def _name_before_apposition(self, subject: Token) -> Speaker | None:
        """'Marine Tondelier, la secrétaire nationale des Écologistes, a réagi' where the parser cut the name off
        and made its apposition the subject: the person named right before the comma, opening the sentence."""
        if role_nouns().get(subject.lower_) != "PER":
            return None
        phrase = noun_phrase(subject)
        if phrase.start < 2 or self.doc[phrase.start - 1].text != ",":
            return None
        last = self.doc[phrase.start - 2]
        found = self.entity_at(last.idx, last.idx + len(last.text))
        if found is None or found.end != last.idx + len(last.text) or self.type_of(found) != "PER":
            return None
        span = self.doc.char_span(found.start, found.end, alignment_mode="expand")
        return found if span is not None and span[0].is_sent_start else None

    def _lui_before_verb(self, subject: Token) -> bool:
        """Whether the subject's verb has "lui" (to him, to her: a person) before it, in its clitics. Found by
        position: the parser may hang it on the noun before it, or take it for the subject of an incise."""
        verb = subject.head
        clitics = self.doc[max(verb.sent.start, verb.i - 3) : verb.i]
        return any(t.lower_ == "lui" and t.i != subject.i for t in clitics)

    def _unnamed_before(self, subject: Token) -> bool:
        """Whether the sentence before made a subject of the same role noun without naming anyone."""
        previous = sentence_before(subject.sent)
        return previous.start != subject.sent.start and any(
            t.dep_ in SUBJECT_DEPS and t.lower_ == subject.lower_ and self.named_by(t) is None for t in previous)

    def described_entity(self, subject: Token) -> Speaker | None:
        """'le réalisateur', 'la gastro-entérologue', 'le bourgmestre': the last person (or body) the text
        itself introduced with that noun ("le réalisateur iranien Jafar Panahi"), if any."""
        kind = speaker_noun_kind(subject)
        if kind == "management" and len(noun_phrase(subject)) <= 2:
            # "la direction", "l'état-major": of the body just named, or the one the text is about
            return self.recent_mention(subject.idx, "ORG") or self.recent_subject(subject.idx, "ORG")
        if kind not in ("person", "group"):
            return None
        wanted = "PER" if kind == "person" else "ORG"
        phrase = noun_phrase(subject)
        words_after_determiner = self.article.text[subject.idx : phrase.end_char].casefold().replace("’", "'")
        forms = (subject.lower_, subject.lemma_.casefold(), words_after_determiner)  # "le représentant de l'État"
        synonyms = mapping("role_synonyms", "noun", "role")
        country = next((named for c in subject.children if c.dep_ == "amod"
                        and (named := demonym_country(c.text)) is not None), None)
        roles = dict.fromkeys((*forms, *(synonyms[f] for f in forms if f in synonyms)))
        for form in roles:
            found = self.recent_entity(subject.idx, wanted, role=form, country=country)
            if found is not None:
                return found
        if country is not None and wanted == "ORG":
            # "la diplomatie algérienne dénonçait ..." before "le ministère algérien des Affaires étrangères" is
            # named: a body of one country, named further on with that role
            for form in roles:
                found = self.recent_entity(subject.idx, wanted, role=form, country=country, later=True)
                if found is not None:
                    return found
        if kind == "group":  # "la fondation" after "la Fondation Abbé-Pierre", whatever type NER gave the name
            for other in ("LOC", "PER"):
                for form in forms:
                    found = self.recent_entity(subject.idx, other, role=form)
                    if found is not None and form in fold(found.name).split():
                        return found
        return None

    def subject_before(self, verb: Token) -> Token | None:
        """A named person or organisation just before the verb and its comma, a subject the parse hung
        elsewhere ("le premier ministre ..., cheikh M. A., a dénoncé", "sa collègue, la députée X, défend")."""
        auxiliaries = [c.i for c in verb.children if c.dep_.startswith("aux")]
        if not auxiliaries and "Fin" not in verb.morph.get("VerbForm", []):
            return None
        first = min([verb.i, *auxiliaries])
        if first < 2 or verb.doc[first - 1].text != ",":
            return None
        before = verb.doc[first - 2]
        if self._named_agent(before, verb):
            return before
        # "X, figure de la révolte paysanne, assurait ...": the name before an apposition the parse took for a verb
        sentence_start = verb.sent.start
        comma = next((t.i for t in reversed(verb.doc[max(sentence_start, first - 14) : first - 1]) if t.text == ","),
                     None)
        if comma is None or comma - 1 < sentence_start:
            return None
        apposition = verb.doc[comma + 1 : first - 1]
        named = verb.doc[comma - 1]
        found = self.entity_at(named.idx, named.idx + 1)
        if not apposition or found is None or not self._named_agent(named, verb) or any(
                t.dep_ in ("nsubj", "nsubj:pass") or t.lower_ in _RELATIVES for t in apposition):
            return None
        opening = self.doc.char_span(found.start, found.end, alignment_mode="expand")
        if opening is None or (opening.start > sentence_start and self.doc[opening.start - 1].text != ","):
            return None  # the name opens its clause: it is no verb's object
        return named

    def _named_agent(self, token: Token, verb: Token) -> bool:
        """Whether a word is part of a named person or organisation in the verb's sentence."""
        found = self.entity_at(token.idx, token.idx + 1)
        return found is not None and self.type_of(found) in ("PER", "ORG") and token.sent.start == verb.sent.start

    def clause_subject(self, verb: Token, quoted: list[tuple[int, int]] | None = None) -> Token | None:
        """The verb's subject, or a named one the parse left before its comma, for it or the verb it is
        coordinated with ("..., X, a dénoncé ... et accusé Y de « ... »")."""
        found = subject_of(verb, quoted) or self.subject_before(verb)
        if found is None and verb.dep_ == "conj" and verb.head.i != verb.i:
            found = self.subject_before(verb.head)
            sharer = _auxiliary_sharer(verb)
            if found is None and sharer is not None:
                found = subject_of(sharer, quoted) or self.subject_before(sharer)
        host = _gerund_host(verb, quoted) if found is None else None
        if host is not None:
            found = subject_of(host, quoted) or self.subject_before(host)
        return found or self._name_cut_off_before(verb)

    def _name_cut_off_before(self, verb: Token) -> Token | None:
        """'Marine Le Pen pourrait rencontrer ...' parsed as two sentences: the name that ends right before the
        verb's group (its auxiliary, or the modal it depends on) and opens its clause is its subject."""
        group = verb.head if verb.dep_ == "xcomp" and verb.head.i < verb.i else verb
        first = min([group.i, *[c.i for c in group.children if c.dep_.startswith("aux")]])
        if first == 0:
            return None
        last = self.doc[first - 1]
        found = self.entity_at(last.idx, last.idx + len(last.text))
        if found is None or found.end != last.idx + len(last.text) or self.type_of(found) not in ("PER", "ORG", "LOC"):
            return None
        span = self.doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            return None
        opening = span[0]
        while opening.dep_ == "conj" and opening.head.i < opening.i:  # "Kiev et Washington ont signé": the first
            opening = opening.head
        if not (opening.is_sent_start or (opening.i > 0 and self.doc[opening.i - 1].text == ",")):
            return None
        return opening

    def can_speak(self, speaker: Speaker | None) -> bool:
        """A place speaks only as a country ("l'Algérie a dénoncé"); a town, a bay, a beach never does."""
        if speaker is None or speaker.entity_id is None:
            return speaker is not None
        entity = self.entities.get(speaker.entity_id)
        if entity is None or entity.type != "LOC":
            return True
        return entity.place is None or not entity.place.resolved or entity.place.feature == "country"

    def recent_mention(self, before: int, wanted: str = "PER", gender: str | None = None) -> Speaker | None:
        """The last person (or body) named in this or the previous sentence ("reçus par X. ... a lancé le chef
        de l'État")."""
        span = self.doc.char_span(before, before + 1, alignment_mode="expand")
        if span is None:
            return None
        start = sentence_before(span.sent).start_char
        found = self.recent_entity(before, wanted, gender=gender)
        return found if found is not None and found.start >= start else None

    def protagonist(self, before: int, gender: str | None = None) -> Speaker | None:
        """The person named most often so far: who 'la magistrate' is when nothing nearer says."""
        seen: dict[str, list[Mention]] = {}
        for entity, mention in self.narrated:
            if entity.type == "PER" and mention.start < before \
                    and (gender is None or self._entity_gender(entity.id) in (None, gender)):
                seen.setdefault(entity.id, []).append(mention)
        if not seen:
            return None
        entity_id, mentions = max(seen.items(), key=lambda item: len(item[1]))
        entity = next(e for e in self.article.entities if e.id == entity_id)
        mention = max(mentions, key=lambda m: m.start)
        return Speaker(entity.name, mention.start, mention.end, entity.id)

    def recent_speaker(self, before: int, discourse: Discourse | None) -> Speaker | None:
        """The speaker of the quotes just before, when a person."""
        speaker = discourse.speaker if discourse is not None else None
        if speaker is not None and speaker.start < before and self.type_of(speaker) == "PER":
            return speaker
        return None

    def recent_subject(self, before: int, wanted: str = "PER", sentences: int = 4,
                       descriptions: bool = False, gender: str | None = None) -> Speaker | None:
        """The last entity of a type that was the subject of a clause, in the few sentences before; with
        ``descriptions``, an unnamed person the text brought in as one ("un ancien ministre a raconté")
        counts too; with a gender, a person of the other is passed over ("Le ministre a répondu à la sénatrice X.
        « ... », a-t-il dit")."""
        token_span = self.doc.char_span(before, before + 1, alignment_mode="expand")
        if token_span is None:
            return None
        sentence = token_span.sent
        budget, reach = sentences, 2 * sentences
        while budget > 0 and reach > 0:
            # the subjects of the narration: those of quoted words are the speaker's own
            subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and t.idx < before
                        and not self._quoted(t, sentence)]
            # a sentence about "il" or "elle" continues a person named before it: it does not use up the reach
            reach -= 1
            # nor does a stray mark the parser made a sentence of ("“" before a quote), nor a sentence of a quote
            budget -= 0 if all(t.is_punct or t.is_space or self.in_speech(t.idx) for t in sentence) \
                or any(bare_pronoun(t) in ("il", "elle") for t in subjects) else 1
            source = self._opening_source(sentence)
            if source is not None and self.type_of(source) == wanted and self.agrees(source, gender):
                return source  # "Pour X, cette attitude est méprisante. « ... », a-t-il réagi": X is the one in view
            for subject in reversed(subjects):
                found = self.named_by(subject) or (self.role_referent(subject) if sentences > 2 else None)
                if found is not None and self.type_of(found) == wanted and self.agrees(found, gender):
                    return found
                if found is None and descriptions and wanted == "PER" and self._new_person(subject) \
                        and not is_negated(subject.head) and phrase_gender(subject) in (None, gender):
                    phrase = noun_phrase(subject)  # "un chiraquien s'est souvenu ... « ... », a-t-il lâché"
                    return Speaker(self.article.text[phrase.start_char : phrase.end_char], phrase.start_char,
                                   phrase.end_char)
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return None

    def _opening_source(self, sentence: Span) -> Speaker | None:
        """The named source a sentence opens with ("Pour X, ...", "Selon X, ..."), whose view it gives."""
        opening = SOURCE_OPENING.match(sentence.text)
        if opening is None:
            return None
        start = sentence.start_char + opening.start("source")
        found = self.entity_at(start, start + 1)
        # the name is the whole source: "Pour Jan Hamáček," (not "Pour l'avocat de X,")
        return found if found is not None and found.end == sentence.start_char + opening.end("source") else None

    def recent_entity(self, before: int, wanted: str, role: str | None = None,
                      country: str | None = None, later: bool = False, gender: str | None = None) -> Speaker | None:
        """The last entity of a type mentioned before an offset; with a role word, the last one
        given that role (an organisation whose name holds it, a person it introduces); with a country,
        never one of another country ("la diplomatie algérienne" is not the Quai d'Orsay); with ``later``,
        the first one named after the offset instead; with a gender, never a person the text gives the other."""
        found = self.by_type.get(wanted, [])
        starts = self.type_starts.get(wanted, [])
        candidates = found[bisect_right(starts, before) :] if later else reversed(found[: bisect_left(starts, before)])
        for _, entity, mention in candidates:
            if country is not None and _country_of(entity.name) not in (None, country):
                continue
            if gender is not None and entity.type == "PER" and self._entity_gender(entity.id) not in (None, gender):
                continue
            if role is None:
                return Speaker(entity.name, mention.start, mention.end, entity.id)
            before_name = _comparable(self.article.text[max(0, mention.start - 50) : mention.start])
            # what follows the name, never as far as the phrase being resolved
            after_name = _comparable(self.article.text[mention.end : mention.end + 30 if later
                                                       else min(mention.end + 30, before)])
            # a seat of power holds the role of what it stands for: "la présidence" is the Élysée
            named = fold(f"{entity.name} {metonym_seats().get(fold(entity.name), '')}").split()
            given_before = (role in before_name or _role_within(role, before_name)) \
                and not self._verb_between(role, mention.start)
            given_after = role in after_name and not self._verb_after(mention.end, role)
            if fold(role) in named or given_before or given_after or role in self._apposition_text(mention):
                return Speaker(entity.name, mention.start, mention.end, entity.id)
        return None

    def _verb_between(self, role: str, start: int) -> bool:
        """Whether a verb stands between a role written just before a name and the name: "le Premier ministre
        a reçu X" gives the role to no X."""
        window = self.doc.char_span(max(0, start - 50), start, alignment_mode="expand")
        if window is None:
            return False
        last_word = role.split()[-1]
        ends = [t.i for t in window if _comparable(t.text) == last_word and t.idx < start]
        return bool(ends) and any(t.pos_ in ("VERB", "AUX") for t in self.doc[ends[-1] + 1 : window.end]
                                  if t.idx < start)

    def _verb_after(self, end: int, role: str) -> bool:
        """Whether a verb stands between a name and a role written after it: "X a interrogé le ministre" gives
        X no role."""
        window = self.doc.char_span(end, min(len(self.article.text), end + 40), alignment_mode="expand")
        if window is None:
            return False
        first_word = role.split()[0]
        for token in window:
            if _comparable(token.text) == first_word:
                return False
            if token.pos_ in ("VERB", "AUX"):
                return True
        return False

    def _apposition_text(self, mention: Mention) -> str:
        """What the text says of a name in apposition, however long ("X, ancien ministre de l'Éducation et maire
        de Pau"), comparable; read once per mention."""
        cached = self._appositions.get(mention.start)
        if cached is not None:
            return cached
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        parts = [] if span is None else [
            self.article.text[child.left_edge.idx : child.right_edge.idx + len(child.right_edge.text)]
            for token in span for child in token.children if child.dep_ == "appos" and child.i >= span.end]
        text = _comparable(" ".join(parts))
        self._appositions[mention.start] = text
        return text

    def antecedent(self, before: int, singular: bool = True, discourse: Discourse | None = None,
                   pronoun: str = "") -> Speaker | None:
        """Who 'il', 'elle' or 'ces derniers' is: a body that was the last subject, of the pronoun's gender
        ("La diplomatie algérienne dénonçait ... Dimanche, elle prévenait"); else this paragraph's speaker,
        else the last person who was a subject, else the last speaker, else the last person named."""
        body = self._agreeing_body(before, pronoun)
        if body is not None:
            return body
        gender = PRONOUN_GENDERS.get(pronoun)
        last = discourse.speaker if discourse is not None else None
        if singular and last is not None and self.type_of(last) not in (None, "PER") \
                and not self._body_just_quoted(last, before, gender):
            last = None
        if last is not None and not self.agrees(last, gender):
            last = None  # "a-t-il dit" after her words: someone else
        if last is not None and discourse is not None and discourse.speaker_paragraph == discourse.paragraph:
            return last
        near = last is not None and discourse is not None and discourse.paragraph - discourse.speaker_paragraph <= 1
        found = self.recent_subject(before, descriptions=singular, gender=gender) or (last if near else None) \
            or self.recent_entity(before, "PER", gender=gender)
        if found is not None and not singular and self.type_of(found) == "PER":
            return None  # "ils", "elles": several, never the one person named last
        return found

    def holder_named_after(self, noun: Token) -> Speaker | None:
        """The person a role phrase names right after its comma, however the parse hung the name ("le secrétaire
        général de l'OTAN, Mark Rutte,")."""
        if role_nouns().get(noun.lower_) != "PER" or "Plur" in noun.morph.get("Number", default=[]) \
                or any(c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children) for c in noun.children):
            return None  # "le président et son homologue, X": X is the second one's
        comma = next((t for t in self.doc[noun.i + 1 : noun.i + 12] if t.text == "," or t.pos_ in ("VERB", "AUX")
                      or t.is_sent_start), None)  # the end of the role's own words ("général de l'ONU")
        if comma is None or comma.text != "," or comma.i + 1 >= len(self.doc):
            return None
        name = self._name_after_comma(comma.i)
        if name is None:
            return None
        found = self.entity_at(name.idx, name.idx + 1)
        closed = found is not None and self.article.text[found.end : found.end + 1] in (",", ".", ")", ";")
        return found if found is not None and closed and self.type_of(found) == "PER" and found.start == name.idx \
            else None

    def _name_after_comma(self, comma: int) -> Token | None:
        """The word where a name in apposition begins after a comma: the next one, or the one after a rank
        ("le commandant des pompiers, le colonel X")."""
        if comma + 1 >= len(self.doc):
            return None
        if self.doc[comma + 1].lower_ in ("le", "la", "l'", "l’") and comma + 3 < len(self.doc) \
                and role_nouns().get(self.doc[comma + 2].lower_) == "PER":
            return self.doc[comma + 3]
        return self.doc[comma + 1]

    def _named_in_order(self, word: Token) -> Speaker | None:
        """'ce dernier', 'celle-ci': the person (or body) named last, not the last subject ("X a reçu Y. Ce
        dernier a dit"); 'le premier', 'la seconde': the first or the second of the last two persons named
        ("X et Y ont réagi. « ... », a dit le premier")."""
        lower = word.lower_
        gender = _LATTER.get(lower) or _RANKS.get(lower, (None, 0))[0]
        if lower in _LATTER:
            found = [self.recent_entity(word.idx, kind, gender=gender if kind == "PER" else None)
                     for kind in ("PER", "ORG")]
            return max((f for f in found if f is not None), key=lambda f: f.start, default=None)
        people: list[Speaker] = []
        for _, entity, mention in reversed(self.by_type.get("PER", [])[: bisect_left(self.type_starts.get("PER", []),
                                                                                      word.idx)]):
            if entity.id not in {p.entity_id for p in people}:
                people.insert(0, Speaker(entity.name, mention.start, mention.end, entity.id))
            if len(people) == 2:
                break
        rank = _RANKS[lower][1]
        if len(people) < 2 or not self.agrees(people[rank], gender):
            return None
        return people[rank]

    def _cataphora(self, pronoun: Token) -> Speaker | None:
        """The person a pronoun of a clause opening the sentence announces: the main clause's named subject after
        it ("Dans le Bureau ovale, où il recevait X, M. Trump n'a pas caché ...")."""
        clause = pronoun.head
        if bare_pronoun(pronoun) not in ("il", "elle") or clause.dep_ not in ("acl:relcl", "advcl") \
                or self._quoted(pronoun, pronoun.sent):
            return None
        root = pronoun.sent.root
        main = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > pronoun.i), None)
        if main is None or clause.i > root.i:
            return None
        found = self.named_by(main)
        return found if found is not None and self.type_of(found) == "PER" else None

    def _body_just_quoted(self, body: Speaker, before: int, gender: str | None) -> bool:
        """'« ... », rapporte le ministère de la Défense. Il précise que ...': a body quoted in the sentence
        before, or in this one, whose noun has the pronoun's gender, is what the pronoun stands for."""
        word = self.doc.char_span(body.start, body.start + 1, alignment_mode="expand")
        here = self.doc.char_span(before, before + 1, alignment_mode="expand")
        if word is None or here is None or gender is None:
            return False
        sentence = here.sent
        first = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        return first <= word.start < here.start and gender in word[0].morph.get("Gender", default=[])

    def _agreeing_body(self, before: int, pronoun: str) -> Speaker | None:
        """The organisation a subject pronoun stands for: the last subject before it, in its sentence or the one
        before, when that subject is a noun of the pronoun's gender naming a body ("Le ministère a publié un
        communiqué. Il affirme ...")."""
        gender = PRONOUN_GENDERS.get(pronoun)
        span = self.doc.char_span(before, before + 1, alignment_mode="expand") if gender else None
        if span is None:
            return None
        sentence = span.sent
        first = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        subjects = [t for t in self.doc[first : span.start] if t.dep_ in SUBJECT_DEPS and not self._quoted(t, t.sent)]
        if not subjects or subjects[-1].pos_ not in ("NOUN", "PROPN"):
            return None
        subject = subjects[-1]
        if gender not in subject.morph.get("Gender", default=[]):
            return None
        found = self.named_by(subject) or self.role_referent(subject)
        return found if found is not None and self.type_of(found) == "ORG" else None

    def subject_speaker(self, subject: Token, discourse: Discourse | None = None) -> Speaker | None:
        """The speaker a grammatical subject names: an entity, an anaphor's antecedent, or a description."""
        named = self.named_by(subject)
        if named is not None:
            return named if self.can_speak(named) else None
        lower = bare_pronoun(subject)
        if lower in _DEMONSTRATIVES and subject.pos_ == "PRON":
            return None  # "cela veut dire que": a fact says nothing
        if lower in _ON:
            return self._on_at_place(subject)
        if lower in ("qui", "lequel", "laquelle") and subject.head.dep_ == "acl:relcl":
            # "Amir Ohana, qui a répété « ... »"; "le Premier ministre, qui a accusé ...": whom the role names
            antecedent = subject.head.head
            named = self.named_by(antecedent)
            if named is None and antecedent.pos_ == "NOUN":
                found = self.subject_speaker(antecedent, discourse)  # an entity, not a mere description
                return found if found is not None and found.entity_id is not None else None
            return named
        if lower in _LATTER or (lower in _RANKS and not any(c.dep_ == "nmod" for c in subject.children)
                                and any(c.dep_ == "det" for c in subject.children)):
            return self._named_in_order(subject)
        if lower in _PRONOUNS or subject.pos_ == "PRON":
            return self._cataphora(subject) or self.antecedent(
                subject.idx, singular=lower in ("il", "elle", "lui"), discourse=discourse, pronoun=lower)
        if subject.pos_ in ("NOUN", "PROPN"):
            found = self._name_before_apposition(subject) or self.role_referent(subject, discourse)
            if found is not None:
                return found
            if role_nouns().get(subject.lower_) == "PER" and self._unnamed_before(subject):
                phrase = noun_phrase(subject)  # the same unnamed person as the sentence before: as described
                return Speaker(self.article.text[phrase.start_char : phrase.end_char], phrase.start_char,
                               phrase.end_char)
            kind = speaker_noun_kind(subject)
            if kind == "document":  # "un communiqué du ministère": its author speaks
                return self.document_source(subject)
            if kind is None and subject.pos_ == "NOUN":
                return None  # "ce choix", "une attaque", "la houle": a thing does not speak
            if kind == "affiliation" and not self._new_person(subject):
                return None  # "a écrit le républicain": someone already named, whom the text does not say
            introduced = self.introduced_as(subject)
            if introduced is not None:
                return introduced
            phrase = noun_phrase(subject)
            epithet = all(t.i == subject.i or t.dep_ == "det" or (t.dep_ == "amod" and t.pos_ == "ADJ")
                          for t in phrase)  # "la syndicaliste", "le jeune homme", "l'éleveur haut-garonnais"
            if kind == "person" and epithet and self._definite_singular(subject) and not self._lui_before_verb(subject):
                # "a insisté la syndicaliste" right after her quoted words: the person just quoted, else the
                # person the sentences before were about ("X, figure de la révolte, assurait ... « ... »,
                # lançait l'éleveur"), else the last person quoted, however far
                gender = phrase_gender(subject)
                last = self.recent_speaker(subject.idx, discourse)
                last = last if self.agrees(last, gender) else None
                if last is not None and discourse is not None and \
                        discourse.paragraph - discourse.speaker_paragraph <= 1:
                    return last
                # (or the person just named, when the parse found no subject: "X, secrétaire de la CGT, est en
                # colère. « ... », dénonce la syndicaliste")
                earlier = self.recent_subject(subject.sent.start_char, sentences=3, gender=gender) or last \
                    or self.recent_mention(subject.idx, gender=gender)
                if earlier is not None:
                    return earlier
            text = self.article.text[phrase.start_char : phrase.end_char]
            return Speaker(self._owned(phrase, discourse) or text, phrase.start_char, phrase.end_char)
        return None

    def _owned(self, phrase: Span, discourse: Discourse | None) -> str | None:
        """'son entourage', 'sa fille', 'ses proches' spelt out with whose they are ("l'entourage de X"): the
        possessive stands for the person the text is about, without whom the description says nothing."""
        determiner = phrase[0].lower_
        if determiner not in _OWNER_ARTICLES or len(phrase) < 2:
            return None
        owner = self.antecedent(phrase.start_char, discourse=discourse)
        if owner is None or owner.entity_id is None:
            return None
        rest = self.article.text[phrase[1].idx : phrase.end_char]
        article = _OWNER_ARTICLES[determiner]
        if article != "les" and fold(rest[:1]) in "aeiouh":
            return f"l'{rest} de {owner.name}"
        return f"{article} {rest} de {owner.name}"

    def _quoted(self, token: Token, sentence: Span) -> bool:
        """Whether a word stands inside quotation marks: opened in its sentence, or a quote of several sentences."""
        before = self.article.text[sentence.start_char : token.idx]
        return before.count("«") + before.count("“") > before.count("»") + before.count("”") \
            or self.in_speech(token.idx)

    def in_speech(self, offset: int) -> bool:
        """Whether an offset lies inside someone's quoted words."""
        index = bisect_right(self.quoted_starts, offset) - 1
        return index >= 0 and offset < self.quoted[index][1]

    @staticmethod
    def _new_person(noun: Token) -> bool:
        """'un ancien ministre', 'une habitante', 'un proche du maire': one unnamed person the text brings in,
        who is then the 'il' or 'elle' of what follows."""
        determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
        common = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.is_lower)  # a rare noun read as a name
        return common and bool(determiners) and determiners[0] in ("un", "une") \
            and speaker_noun_kind(noun) in ("person", "proxy", "affiliation")

    @staticmethod
    def _definite_singular(noun: Token) -> bool:
        """'la syndicaliste', 'le sexagénaire': one person already known to the reader."""
        determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
        return bool(determiners) and determiners[0] in ("le", "la", "l'", "l’") and \
            "Plur" not in noun.morph.get("Number", default=[])

    def introduced_as(self, subject: Token, window: int = 400) -> Speaker | None:
        """'cette source' after 'une source gouvernementale': the description that introduced it, in full."""
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children):
            return None
        lemma = subject.lemma_.casefold()
        for token in reversed(self.doc[max(0, subject.i - window) : subject.i]):
            if token.lemma_.casefold() == lemma and token.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
                phrase = noun_phrase(token)
                if len(phrase) > 2:  # it said more than the noun: "une source gouvernementale"
                    text = self.article.text[phrase.start_char : phrase.end_char]
                    return Speaker(text, phrase.start_char, phrase.end_char)
                return None
        return None

    def document_source(self, document: Token, window: int = 1500) -> Speaker | None:
        """Whose words a document quotes: its author when the text names one ("un communiqué de la préfecture",
        "le rapport publié par X", "X a publié un rapport"); else the document itself when the text says which
        it is ("le projet de loi", "la déclaration de Rio"), as a reader cites a bill or a report. "Le texte" or
        "ce rapport" stand for the last such document before them; a document the text does not identify
        ("affirme le texte publié mardi") is no one."""
        found = self._document_speaker(document)
        if found is not None or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in document.children):
            return found
        lemma = document.lemma_.casefold()
        generic = lemma in _ANY_DOCUMENT
        for token in reversed(self.doc[max(0, document.i - window) : document.i]):
            if token.pos_ == "NOUN" and (token.lemma_.casefold() == lemma or (
                    generic and speaker_noun_kind(token) == "document")):
                found = self._document_speaker(token)
                if found is not None:
                    return found
        return None

    def _document_speaker(self, document: Token) -> Speaker | None:
        """The author a document's own phrase or clause names, else the document if it says which it is."""
        author = self.author_of(document) or self._publisher(document)
        if author is not None or not self._identified(document):
            return author
        phrase = noun_phrase(document)
        return Speaker(self.article.text[phrase.start_char : phrase.end_char], phrase.start_char, phrase.end_char)

    def _publisher(self, document: Token) -> Speaker | None:
        """'X a publié un rapport', 'un communiqué diffusé par X': who issued the document."""
        if document.dep_ == "obj" and document.head.lemma_.casefold() in _PUBLISHING:
            subject = self.clause_subject(document.head)
            if subject is not None:
                return self._speaking(self.named_by(subject))
        for child in document.children:
            if child.dep_ == "acl" and child.lemma_.casefold() in _PUBLISHING:
                agent = passive_agent(child)
                if agent is not None:
                    return self._speaking(self.named_by(agent))
        return None

    def _speaking(self, found: Speaker | None) -> Speaker | None:
        return found if found is not None and self.can_speak(found) else None

    def _identified(self, document: Token) -> bool:
        """Whether a document noun says which document it is: a "de" complement that is not a date ("le projet
        de loi", "la déclaration de Rio", "le rapport de la commission"), or a name."""
        for child in document.children:
            if child.dep_ == "flat:name" or (child.dep_ == "appos" and child.pos_ == "PROPN"):
                return True
            if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN") and not child.like_num and any(
                    c.dep_ == "case" and c.lower_ in _DE for c in child.children) \
                    and not any(d.start <= child.idx < d.end for d in self.article.dates):
                return True
        return False

    def author_of(self, document: Token) -> Speaker | None:
        """The author of a document a text quotes: the entity in its "de" complement, if any."""
        for child in document.children:
            if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in _DE for c in child.children):
                found = self.named_by(child)
                if found is not None and self.can_speak(found):
                    return found
        return None

    def _on_at_place(self, subject: Token) -> Speaker | None:
        """'précise-t-on à l'Élysée': the institution named after 'on'; 'peut-on lire dans le communiqué de la
        préfecture': the document's author; 'explique-t-on dans l'entourage du ministre': that entourage."""
        for token in self.doc[subject.i + 1 : subject.i + 5]:
            found = self.entity_at(token.idx, token.idx + len(token.text))
            if found is not None:
                return found
        for token in self.doc[subject.i + 1 : subject.i + 8]:
            if token.is_punct:
                break
            if token.pos_ != "NOUN" or not any(c.dep_ == "case" for c in token.children):
                continue
            kind = speaker_noun_kind(token)
            if kind == "document":
                return self.document_source(token)
            if kind in ("proxy", "group", "management"):
                phrase = noun_phrase(token)
                return Speaker(self.article.text[phrase.start_char : phrase.end_char], phrase.start_char,
                               phrase.end_char)
            return None
        return None


def resolver_for(article: Article, doc: Doc) -> Resolver:
    """The article's resolver, built on first use and shared by the stages that run after the entities."""
    found = doc.user_data.get(_RESOLVER_KEY)
    if not isinstance(found, Resolver) or found.article is not article:
        found = Resolver(article, doc)
        doc.user_data[_RESOLVER_KEY] = found
    return found


@cache
def speaker_nouns() -> dict[str, str]:
    """Noun → 'person', 'group' or 'document': the heads a speaker's description may have."""
    found = dict(mapping("speaker_nouns", "noun", "kind"))
    for noun, entity_type in role_nouns().items():
        found.setdefault(noun, {"PER": "person", "ORG": "group"}.get(entity_type, "place"))
    return found


def speaker_noun_kind(token: Token) -> str | None:
    """Whether a noun can head a speaker's description, and as what (its singular or lemma counts too)."""
    lower = token.lower_
    for form in (lower, token.lemma_.casefold(), lower[:-1] if lower.endswith(("s", "x")) else lower):
        kind = speaker_nouns().get(form)
        if kind is not None:
            return None if kind == "place" else kind
    return None


_PERCEPTION_VERBS = verbs_of_class("perception")
_FEMININE_ENDINGS = ("trice", "euse", "ière", "ienne", "enne", "esse", "ette", "elle", "ante", "ée", "ffe")
_ARTICLE_GENDERS = {"le": "Masc", "un": "Masc", "ce": "Masc", "cet": "Masc", "la": "Fem", "une": "Fem",
                    "cette": "Fem"}


@cache
def _first_name_genders() -> dict[str, str]:
    """Folded first name → gender, so that a name written without its accents counts ("Celeste", "Helene");
    names that fold alike but differ in gender count as neither."""
    genders: dict[str, str | None] = {}
    for name, gender in mapping("first_names", "name", "gender").items():
        key = fold(name)
        genders[key] = gender if genders.get(key, gender) == gender else None
    return {key: gender for key, gender in genders.items() if gender is not None}


@cache
def _address_genders() -> dict[str, str]:
    return {word: gender for word, gender in mapping("honorifics", "word", "gender").items() if gender}


def phrase_gender(noun: Token) -> str | None:
    """The gender a person noun's phrase says: its article's ("la ministre"), or, elided, the noun's own
    ("l'avocate")."""
    article = next((c.lower_ for c in noun.children if c.dep_ == "det"), "")
    if article in _ARTICLE_GENDERS:
        return _ARTICLE_GENDERS[article]
    if article not in ("l'", "l’"):
        return None
    # elided: an adjective's ending ("l'ancienne ministre"), else the noun's own ("l'avocate", "l'avocat");
    # a noun in -e with no form without it is either ("l'élève", "l'ex-ministre")
    adjectives = {g for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"
                  for g in c.morph.get("Gender", default=[])}
    if len(adjectives) == 1:
        return adjectives.pop()
    lower = noun.lower_
    if not lower.endswith("e"):
        return "Masc"
    return "Fem" if lower[:-1] in speaker_nouns() or lower.endswith(_FEMININE_ENDINGS) else None


def _gender_before(token: Token) -> str | None:
    """The gender the word right before a name gives its person: "Mme", "M.", "la sénatrice", "le juge"."""
    if token.text in _address_genders():
        return _address_genders()[token.text]
    if token.pos_ == "NOUN" and token.is_lower and speaker_noun_kind(token) == "person" \
            and "Plur" not in token.morph.get("Number", default=[]):
        return phrase_gender(token)
    return None


def sentence_before(sentence: Span) -> Span:
    """The sentence before, past any stray mark the parser made a sentence of ("«"); the sentence itself when
    it is the first."""
    previous = sentence
    while previous.start > 0:
        previous = sentence.doc[previous.start - 1].sent
        if not all(t.is_punct or t.is_space for t in previous):
            break
    return previous


def noun_phrase(token: Token) -> Span:
    """The noun phrase a subject heads: determiners, adjectives, names and "de" complements,
    not relative clauses, appositions or other prepositional phrases."""
    keep = {token.i}

    def walk(head: Token) -> None:
        for child in head.children:
            # "de" complements of the noun, or of its adjective ("une source proche du dossier")
            genitive = (child.dep_ == "nmod" or (child.dep_ == "obl:arg" and head.pos_ == "ADJ")) \
                and any(c.dep_ == "case" and c.lower_ in _DE for c in child.children)
            # "le ministre lors de ...": no adjective; nor a verb of saying the tagger took for one ("un conseiller
            # glisse : « ... »")
            no_adjective = child.dep_ == "amod" and (child.pos_ in ("ADV", "PRON") or (
                child.i > token.i and is_reporting_verb(child, incise=True)))  # nor "lui" in "le ministre lui a dit"
            if (child.dep_ in ("det", "amod", "flat:name", "compound", "nummod", "fixed", "flat:foreign")
                    and not no_adjective) or genitive:
                keep.add(child.i)
                walk(child)
            elif child.dep_ == "case" and head.i != token.i:
                keep.add(child.i)
    walk(token)
    left, right = min(keep), max(keep)
    return token.doc[left : right + 1]


def _quoted_words(text: str, min_length: int = 25) -> list[tuple[int, int]]:
    """Spans of reported words (quotes long enough to be someone's speech, not a name in quotation marks)."""
    return [(q.start, q.end) for q in quoted_in_text(text) if q.end - q.start >= min_length]


def _country_of(name: str) -> str | None:
    """The country an institution belongs to, when its name says: a seat of power ("Quai d'Orsay" → France)
    or a nationality word ("ministère algérien des Affaires étrangères" → Algérie)."""
    return seat_countries().get(fold(name)) or next(
        (found for word in name.split() if word[:1].islower() and (found := demonym_country(word)) is not None), None)


@cache
def _seats() -> frozenset[str]:
    """Folded seats of power: "le locataire de Matignon" is who holds the seat, not someone related to it."""
    return frozenset(fold(name) for name in mapping("metonyms", "name", "stands_for"))


def _role_within(role: str, text: str, gap: int = 1) -> bool:
    """Whether a role of several words is written in ``text`` with at most ``gap`` words slipped between two
    of them: "le ministre de la Défense" was introduced as "le ministre russe de la Défense, Andreï B."."""
    wanted, words = role.split(), re.findall(r"[\w'-]+", text)
    if len(wanted) < 2:
        return False
    for first in (i for i, word in enumerate(words) if word == wanted[0]):
        position = first
        for word in wanted[1:]:
            window = words[position + 1 : position + 2 + gap]
            if word not in window:
                break
            position += 1 + window.index(word)
        else:
            return True
    return False


def _comparable(text: str) -> str:
    """Text to compare role words in: case folded, one kind of apostrophe, no brackets ("la ministre (de
    l'Agriculture, X)"), single spaces."""
    return " ".join(text.casefold().replace("’", "'").replace("(", " ").replace(")", " ").split())


def bare_pronoun(token: Token) -> str:
    """'-t-il' → 'il': the pronoun of an inverted incise."""
    return re.sub(r"^(?:-t)?-", "", token.lower_)


@cache
def reporting_forms() -> dict[str, str]:
    """Inflected forms of the reporting verbs → lemma: the tagger often misses them ("martelé" as a noun)."""
    irregular = {form: lemma for form, lemma in mapping("verb_forms", "form", "lemma").items()
                 if lemma in reporting_verbs()}
    return {**er_verb_forms(reporting_verbs()), **irregular}


def is_reporting_verb(token: Token, incise: bool = False) -> bool:
    """A verb of saying ("déclarer", "s'inquiéter", "faire savoir", "faire valoir"), whatever the tagger called
    it; ``incise``: the verb opens an incise after a quote, where verbs like "reprendre" or "s'amuser" report
    speech too."""
    lemma = token.lemma_.casefold()
    if lemma in ("savoir", "valoir"):  # "a fait savoir que", "a fait valoir"
        return any(t.lemma_ == "faire" for t in (token.head, *token.children))
    form_lemma = reporting_forms().get(token.lower_)
    if not incise and (lemma in incise_only_verbs() or (form_lemma in incise_only_verbs()
                                                          and lemma not in reporting_verbs())):
        return False
    if lemma in reporting_verbs() or token.lower_ in reporting_verbs():
        return token.pos_ in ("VERB", "AUX") or form_lemma is not None
    return form_lemma is not None and token.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")


def is_negated(verb: Token) -> bool:
    """'n'a pas signé', 'n'était jamais tombé': a clause that says something did not happen."""
    children = {c.lower_ for c in verb.children}
    return bool(children & {"ne", "n'", "n’"}) and bool(children & _NEGATIONS)


def passive_agent(verb: Token, quoted: list[tuple[int, int]] | None = None) -> Token | None:
    """The agent of a passive participle, who did what it says: "qualifié de « ... » par un dirigeant",
    "il a été décrit comme « ... » par ses pairs" (the subject, if any, is who it was done to)."""
    active = any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in verb.children) and not any(
        c.dep_ == "aux:pass" for c in verb.children)  # "a qualifié", but "a été qualifié" is passive
    if "Part" not in verb.morph.get("VerbForm", []) or active:
        return None
    for child in verb.children:
        by = child.dep_ == "obl:agent" or (child.dep_.startswith("obl") and any(
            c.dep_ == "case" and c.lower_ == "par" for c in child.children))
        if by and child.pos_ in ("NOUN", "PROPN", "PRON") and \
                not any(start <= child.idx < end for start, end in quoted or ()):
            return child
    return None


def _gerund_host(gerund: Token, quoted: list[tuple[int, int]] | None = None) -> Token | None:
    """The verb whose subject a gerund shares ("X a salué ..., tout en déplorant ..."), when the parse hung it
    elsewhere: the last verb before it, in its sentence, that has a subject (outside the ``quoted`` words)."""
    if gerund.morph.get("VerbForm", default=[]) != ["Part"] or gerund.morph.get("Tense", default=[]) != ["Pres"] \
            or gerund.i == 0 or gerund.doc[gerund.i - 1].lower_ != "en":
        return None
    for token in reversed(gerund.doc[gerund.sent.start : gerund.i]):
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in token.children) \
                and not any(start <= token.idx < end for start, end in quoted or ()):
            return token
    return None


def _auxiliary_sharer(participle: Token) -> Token | None:
    """The verb whose auxiliary a bare coordinated past participle shares ("X a dénoncé une attaque « ... »
    relevant du terrorisme et accusé Y"), when the parse hung it on another word: the last participle before it,
    in its sentence, that has an auxiliary of its own."""
    if participle.morph.get("VerbForm", default=[]) != ["Part"] or \
            participle.morph.get("Tense", default=[]) != ["Past"] or any(
            c.dep_.startswith("aux") for c in participle.children):
        return None
    for token in reversed(participle.doc[participle.sent.start : participle.i]):
        if token.pos_ == "VERB" and token.morph.get("VerbForm", default=[]) == ["Part"] and any(
                c.dep_ == "aux:tense" for c in token.children):
            return token
    return None


_IMPERSONAL_VERBS = verbs_of_class("impersonal")


def _takes_impersonal_subject(verb: Token) -> bool:
    """Whether "il" can stand for nobody before this predicate: a verb that takes an impersonal subject ("il
    faut", "il s'agit", "il y a"), a passive ("il a été décidé"), an adjective or noun predicate ("il est
    possible"), or a modal before one of those ("il pourrait s'agir")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in _IMPERSONAL_VERBS:
        return True
    if verb.lemma_ == "avoir" and any(c.lower_ == "y" for c in verb.children):
        return True  # "il y a"
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    return any(c.dep_ == "xcomp" and c.lemma_ in _IMPERSONAL_VERBS for c in verb.children)


def subject_of(verb: Token, quoted: list[tuple[int, int]] | None = None, climb: bool = True) -> Token | None:
    """The verb's subject, never one inside a quote (``quoted``: character ranges);
    of several (a parse that took an apposition for one), the nearest; with ``climb``, for a verb with none of
    its own, that of the verb it depends on."""
    def allowed(token: Token) -> bool:
        return not any(start <= token.idx < end for start, end in quoted or ())

    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS and allowed(child)]
    if subjects:
        nearest = min(subjects, key=lambda child: abs(child.i - verb.i))
        following = nearest.doc[nearest.i + 1] if nearest.i + 1 < len(nearest.doc) else None
        if nearest.lower_ == "-t" and following is not None and bare_pronoun(following) in _ON | _PERSONAL:
            return following  # "raconte-t-il" split as "-t" (the subject) and "-il": the pronoun is "il"
        return nearest
    for child in verb.children:  # "précise-t-on", "a-t-il écrit" are often read as expletives
        # "il s'agit de", "il faut": nobody (but "a-t-il écrit" is read the same way: its pronoun is hyphenated)
        # (a verb of saying is never impersonal: "Il affirme que ..." read as an expletive is still someone)
        # nor is one that never takes an impersonal "il": "il refusait" read as an expletive is someone too
        impersonal = child.dep_ == "expl:subj" and child.i < verb.i and not child.text.startswith("-") \
            and not is_reporting_verb(verb) and _takes_impersonal_subject(verb)
        if impersonal:  # ... unless someone is its dative: "il lui faut « ... »"
            dative = next((c for c in verb.children if c.lower_ in ("lui", "leur") and c.i < verb.i), None)
            if dative is not None and allowed(dative):
                return dative
        elif bare_pronoun(child) in _ON | _PERSONAL and allowed(child):
            return child
    head = verb.head
    if "Inf" in verb.morph.get("VerbForm", []) and head.i != verb.i and not any(
            c.dep_ in ("mark", "case") for c in verb.children):
        # "entendu l'homme crier « ... »", "vu les soldats tirer": the one seen or heard does what a bare
        # infinitive says, whether the parse hangs it on that noun or on the verb of perception
        perceived = head if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") else next(
            (c for c in head.children if c.dep_ == "obj" and c.i < verb.i), None) \
            if verb.dep_ == "xcomp" and head.lemma_ in _PERCEPTION_VERBS else None
        if perceived is not None and allowed(perceived):
            return perceived
    if climb and verb.dep_ in ("conj", "xcomp", "advcl") and head.i != verb.i:
        return subject_of(head, quoted)  # "assurant avoir ...": the subject of the main verb
    return None
