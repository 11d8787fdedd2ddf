"""The quotes stage: who said what, direct and reported, with the speaker's span and verb.

Attribution, in order of evidence:

1. an incise after the quote: ``« ... », a déclaré X`` / ``détaille-t-il`` /
   ``précise-t-on à l'Élysée`` / ``», selon X`` / ``d'après X``;
2. the clause around or before it: ``X a déclaré : « ... »``, ``X : « ... »``,
   ``Selon X, « ... »``, ``X a dénoncé « un fiasco »``;
3. the speaker of the previous quote, when nothing new is said (carry-over);
4. headline and sub-heading quotes take the speaker the body gives the same words.

Pronouns ("déclare-t-il", "il a ajouté") and role nouns ("la ministre a
poursuivi", "ces derniers précisent") resolve to the entity they stand for.
Indirect speech with a named speaker ("X a affirmé que ...", "selon X, ...")
gives ``direct: false`` quotes whose text is the reported clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

from vigie.extract.candidates import folded_media
from vigie.extract.quotations import QuotedSpan, find_quoted, is_quotation, quoted_within
from vigie.extract.resolve import (
    ORDER_WORDS,
    PRONOUN_GENDERS,
    SOURCE_OPENING,
    SUBJECT_DEPS,
    Discourse,
    Speaker,
    bare_pronoun,
    is_reporting_verb,
    passive_agent,
    resolver_for,
    sentence_before,
    speaker_noun_kind,
    subject_of,
)
from vigie.lexicon import function_words, rows, words
from vigie.model import Article, AttributionRule, Quote, Reference
from vigie.model import Span as TextSpan
from vigie.stages import register_stage
from vigie.textnorm import fold


def _cues(position: str | None = None) -> str:
    """An alternation of the speech-source cues of ``speech_sources.tsv`` (apostrophes of both kinds)."""
    cues = [row["cue"] for row in rows("speech_sources") if position is None or row["position"] == position]
    return "|".join(re.escape(c).replace("'", "['’]") for c in sorted(cues, key=len, reverse=True))


# "« ... », selon X" (never "pour", which after a quote is a purpose); "Selon X, « ... »"; "pour qui « ... »"
_SOURCE_AFTER = re.compile(rf"^\s*[,]?\s*(?:toujours\s+|encore\s+)?(?:{_cues('any')})\s+", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(rf"(?:^|[.!?;]\s+|\n)(?:{_cues()})\s+(?P<source>[^,«»\"“”]{{2,80}}),\s*$", re.IGNORECASE)
_SOURCE_RELATIVE = re.compile(rf",\s*(?:{_cues()})\s+(?:qui|laquelle|lequel)\s*$", re.IGNORECASE)
_COLON_BEFORE = re.compile(r"(?P<source>[^.!?:;«»\"“”\n]{2,80}?)\s*:\s*$")
_CHARGE_CUE = re.compile(r"(?:\bpour|\bchefs?\s+d['’e]|\bdes\s+faits\s+d['’e])\s*$", re.IGNORECASE)
# how many paragraphs after their speaker's words unattributed quotes still take that speaker: the next one,
# or the one after a paragraph of narration between them ("X souligne « ... ». ¶ Les individus ... ¶ D'où
# « ... »"); never once the narration has named someone else
CARRY_OVER_PARAGRAPHS = 2
# an incise inside the marks: ", souligne-t-elle." / ", a-t-il ajouté," / " – observe-t-il dans un livre : Titre. ",
# its pronoun perhaps followed by a complement, up to the comma, the period or the dash that closes it
_INSIDE_INCISE = re.compile(r"(?:,|\s[–—])\s+(?P<verb>[^\W\d_][\w’']*)(?:-t)?-(?:il|elle|on|ils|elles)"
                            r"(?:\s+(?P<participle>[^\W\d_][\w]*))?(?:\s+[^,.;!?–—«»\"“”\n]{1,80}?)?"
                            r"\s*(?:[,.;]|\s[–—])\s+")
_INVERTED = function_words("subject_clitic")  # "-t-il", "-elle", "-on"
_SAID_DEPS = ("obj", "ccomp", "xcomp", "parataxis")  # how a verb of saying takes the words it introduces
_INCISE_REACH = 150  # characters after a quote within which its incise names the speaker
_MAX_QUOTE_GAP = 40  # characters between two quotes that share one incise: "« A » et « B », a-t-il dit"


@cache
def legal_charges() -> frozenset[str]:
    return frozenset(fold(c) for c in words("legal_charges"))


@dataclass
class Attribution:
    """A quote's speaker, the reporting verb that introduces it when there is one, and the rule that found it."""

    speaker: Speaker | None
    verb: Token | None = None
    rule: AttributionRule | None = None


# How often each rule names the right speaker: (named near the quote, reached through a pronoun, a role noun
# or the discourse). Measured with benchmarks/attribution.py on direct quotes of dev-00 … dev-23 and the 15
# real articles of gold/real (dev-24 … dev-30 kept to check it), as (right + 1) / (attributed + 2) so that a
# rule seen a few times is not called certain. Indirect speech is not annotated: its figure is the clause rule's.
RULE_CONFIDENCE: dict[str, tuple[float, float]] = {
    "incise": (0.94, 0.85), "clause": (0.91, 0.77), "sentence": (0.76, 0.76), "shared_incise": (0.85, 0.85),
    "source": (0.94, 0.94), "colon": (0.80, 0.80), "headline_echo": (0.86, 0.86), "carry_over": (0.86, 0.86),
    "next_sentence": (0.33, 0.33), "headline_line": (0.56, 0.56), "reported": (0.91, 0.77),
    "introduced": (0.5, 0.5), "previous_sentence": (0.89, 0.89), "embedded": (0.67, 0.67),
}


_DEMONSTRATIVES = function_words("demonstrative_pronoun")
_APPOSED = re.compile(r"(?:,\s*(?P<article>la|le|l['’]|les|un|une)?\s*|\s+)[«“\"]$")  # "Marsha, la «", "Marsha «"
_PUBLISHED_ON = re.compile(r"\b(?:sur|dans|à)\b[^,.;:«»]*$", re.IGNORECASE)  # "sur son réseau ", "dans "
# a nominal description opens with an article; "« ne reculera pas »" is a predicate someone says
_DESCRIPTION_START = re.compile(r"(?:la|le|l['’]|les|un|une|des)\b", re.IGNORECASE)
_NAMING_WORDS = frozenset(words("naming_words"))
_SOURCE_CASES = frozenset(c for c in words("speech_sources") if " " not in c and "'" not in c)  # selon, pour
_AVOIR = function_words("avoir_form")
_OBJECT_CLITICS = function_words("object_clitic")  # "», lui a répondu X": whom it was said to, not who said it


class QuoteFinder:
    """Runs attribution over an article's quoted stretches, in reading order."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.text = article.text
        self.resolver = resolver_for(article, doc)
        self.discourse = Discourse()
        self.quoted: list[tuple[int, int]] = []  # the current paragraph's quoted stretches, marks included
        self.said_until = 0  # end of the last quote given a speaker
        self.embedded: set[int] = set()  # starts of the quotes inside quotes
        self.described: dict[int, str] = {}  # quote start → the entity a quote in apposition describes
        self.said_by_gender: dict[int, str] = {}  # quote start → "Masc"/"Fem" of an incise's pronoun left unresolved
        verb = doc.vocab.strings["VERB"]
        self.verbs = [i for i, part in enumerate(doc.to_array(POS).tolist()) if part == verb]  # in reading order

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def sentence_at(self, offset: int) -> Span | None:
        span = self.tokens(offset, offset + 1)
        return span.sent if span is not None else None

    # -- evidence after the quote ------------------------------------------------------------------

    def after(self, quote: QuotedSpan) -> Attribution | None:
        """An incise or a source right after the closing mark: ', détaille X', ', selon X', '! lance X'."""
        end = (quote.close_mark + 1) if quote.close_mark is not None else quote.end
        rest = self.text[end : end + 200].split("\n", 1)[0]
        source = _SOURCE_AFTER.match(rest)
        sentence_ended = self.text[max(0, end - 4) : end].rstrip("»\"” ").endswith((".", "!", "?"))
        if source and not (sentence_ended and "," not in rest[: source.end()]):
            return self._source_at(end + source.end(), "source")
        exclaimed = quote.text.endswith(("!", "?", "…"))
        # the comma of the incise may sit inside the marks: « Je n'ai enfreint aucune règle, » a-t-il dit
        comma_inside = self.text[max(0, end - 4) : end].rstrip("»\"” \u00a0\u202f").endswith(",")
        lowercase_next = re.match(r"^\s+[a-zàâéèêîôûç]", rest)
        punctuated = re.match(r"^\s*,", rest) or ((exclaimed or comma_inside) and lowercase_next)
        # "« ... » insiste X", "» raconte-t-il": the comma left out, as hurried prose does; then only a verb right
        # after the mark with its subject after it is an incise ("le film « La Haine » raconte ..." is not)
        bare = not punctuated and lowercase_next and quote.close_mark is not None
        if not (punctuated or bare):
            return None
        window = self.tokens(end, min(len(self.text), end + 60))
        if window is None:
            return None
        for position, token in enumerate(window):
            if token.text in ".!?;:«»\"“”" or position > 5:
                break
            verb = token.head if token.pos_ == "AUX" and token.head.pos_ == "VERB" else token
            if is_reporting_verb(verb, incise=True) or self._inverted(token, window.start):
                # an incise names its own speaker after it, whatever the parse hung it on ("», a poursuivi le
                # cinéaste, dont plusieurs actrices apparaissent")
                participle = "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])
                subject = subject_of(verb, self.quoted) if participle else (  # "», affirmant que ...": the main
                    subject_of(verb, self.quoted, climb=False) or self._inverted_subject(verb)  # verb's subject
                    or subject_of(verb, self.quoted))
                if subject is not None and subject.i < verb.i and subject.lower_ in _OBJECT_CLITICS:
                    # "», lui a rétorqué le ministre": the clitic is whom it was said to; the subject follows
                    subject = self._inverted_subject(verb)
                if subject is not None and subject.i < verb.i and subject.idx >= end and any(
                        c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children):
                    return None  # "», le milliardaire a invité le président": a clause with its own object
                if bare and (position > 0 or subject is None or subject.i < verb.i):
                    return None
                if subject is not None:
                    speaker = self.resolver.subject_speaker(subject, self.discourse)
                    return Attribution(speaker, verb, "incise") if speaker is not None \
                        else self._source_on(verb) or Attribution(None, verb, "incise")
        return None

    def _inverted(self, word: Token, opening: int) -> bool:
        """« ... », met-il en perspective: a word with its subject pronoun hyphenated after it, first in the
        clause after a quote (behind its clitics), is a verb that reports the quote whatever it means
        elsewhere: French inverts a statement's subject there only, in an incise."""
        if word.pos_ == "PUNCT" or any(t.pos_ not in ("PUNCT", "PRON") or t.text.startswith("-")
                                       for t in self.doc[opening : word.i]):
            return False
        following = [t for t in self.doc[word.i + 1 : word.i + 3] if t.lower_ != "-t"]
        return bool(following) and following[0].text.startswith("-") and bare_pronoun(following[0]) in _INVERTED

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'détaille la présidence française', 'a indiqué à l'AFP le sous-préfet': the subject after the verb."""
        for token in self.doc[verb.i + 1 : verb.i + 12]:
            if token.text in ".!?;«»\"“”":
                break
            entity = self.resolver.entity_at(token.idx, token.idx + 1)  # "Greenpeace" tagged X: a name all the same
            named = entity is not None and entity.start == token.idx and self.doc[token.i - 1].pos_ != "ADP"
            ordered = token.lower_ in ORDER_WORDS and any(c.dep_ == "det" for c in token.children)  # "ce dernier"
            if (token.pos_ not in ("PROPN", "NOUN", "PRON") and not named and not ordered) or token.lower_ == "-t":
                continue  # ("a-t-il")
            # a noun with its preposition, or a date ("lundi soir"), is no subject; a bare one is, whatever the
            # parse calls it ("s'était félicitée mercredi la présidence danoise", read as an oblique)
            prepositional = any(c.dep_ == "case" for c in token.children) or (
                token.dep_.startswith(("obl", "nmod")) and (token.pos_ == "PRON" or self._in_date(token.idx)))
            if not prepositional:  # in an incise, the first bare noun phrase after the verb is its subject
                return token
        return None

    def _in_date(self, offset: int) -> bool:
        return any(date.start <= offset < date.end for date in self.article.dates)

    def _source_at(self, offset: int, rule: AttributionRule) -> Attribution | None:
        """The speaker named right after 'selon' / 'd'après' / 'pour'."""
        window = self.tokens(offset, min(len(self.text), offset + 80))
        if window is None:
            return None
        head = window[0]
        if head.pos_ in ("VERB", "AUX"):
            return None  # "pour sauver la filière": a purpose, not a source
        for token in window:
            if token.text in ",.;:!?":
                break
            if self.resolver.entity_at(token.idx, token.idx + len(token.text)):
                return Attribution(self.resolver.entity_at(token.idx, token.idx + len(token.text)), rule=rule)
            if token.pos_ in ("NOUN", "PROPN"):
                head = token
                break
        return Attribution(self.resolver.subject_speaker(head, self.discourse), rule=rule)

    # -- evidence before or around the quote ---------------------------------------------------------

    def before(self, quote: QuotedSpan) -> Attribution | None:
        """The clause that introduces or embeds the quote: 'X a déclaré : «', 'X : «', 'Selon X, «'."""
        sentence = self.sentence_at(quote.open_mark)
        line_start = self.text.rfind("\n", 0, quote.open_mark) + 1
        start = max(line_start, sentence.start_char if sentence is not None else line_start)
        if sentence is not None and sentence.start > 0 and not self.text[start : quote.open_mark].strip() \
                and self.text[line_start : quote.open_mark].rstrip().endswith(":"):
            # the parser began a sentence at the quote: "X n'a pas tardé à réagir : « ... »" is its lead
            start = max(line_start, self.doc[sentence.start - 1].sent.start_char)
        lead = self.text[start : quote.open_mark]
        source = _SOURCE_BEFORE.search(self.text[line_start : quote.open_mark])
        if source:
            return self._source_at(line_start + source.start("source"), "source")
        relative = _SOURCE_RELATIVE.search(lead)
        if relative:  # "a prédit Marine Le Pen, pour qui « ... »"
            speaker = self.resolver.entity_at(start + relative.start() - 1, start + relative.start())
            if speaker is not None:
                return Attribution(speaker, rule="source")
        # "Selon lui, l'audition « permet de constater » que ...": the source that opens the sentence speaks
        # for it, unless a verb of saying names another
        opening = SOURCE_OPENING.match(lead)
        opened = self._source_at(start + opening.start("source"), "source") if opening else None
        if opened is not None and opened.speaker is None:
            opened = None  # "pour comprendre la crise, ...": a purpose
        inside = self.tokens(quote.start, max(quote.start + 1, quote.end))
        if inside is not None:
            governor = self._governing_verb(inside)
            if opened is not None and governor is not None and governor.dep_ == "acl":
                governor = None  # "Selon une source, citée par l'AFP, « ... »": a participle of the source's own
            if governor is not None and not (opened is not None and not is_reporting_verb(governor)):
                subject = passive_agent(governor, self.quoted) or self.resolver.clause_subject(governor, self.quoted)
                if subject is not None and not (quote.start <= subject.idx < quote.end):
                    speaker = self.resolver.subject_speaker(subject, self.discourse)
                    viewpoint = self._source_on(governor) if speaker is None and is_reporting_verb(governor) else None
                    return viewpoint or Attribution(speaker, governor, "clause")
        if opened is not None:
            return opened
        colon = _COLON_BEFORE.search(lead)
        if colon and lead.rstrip().endswith(":"):
            phrase_end = start + colon.end("source")
            window = self.tokens(start + colon.start("source"), phrase_end)
            # before a colon, a verb that reports speech only in an incise elsewhere does too, even one the tagger
            # took for an adjective ("un conseiller glisse :")
            verbs = [t for t in window if t.pos_ in ("VERB", "ADJ") and is_reporting_verb(t, incise=True)] \
                if window is not None else []
            if verbs:
                return self._said_by_subject(verbs[-1], "colon")
            # "X, la députée Y, défend une autre analyse : « ... »": a named subject the parse left before the verb
            named = [(verb, found) for verb in window if verb.pos_ == "VERB"
                     and (found := self.resolver.subject_before(verb)) is not None] if window is not None else []
            if named:
                verb, subject = named[-1]
                return Attribution(self.resolver.named_by(subject), verb, "colon")
            speaker = self.resolver.entity_at(phrase_end - 1, phrase_end)
            if speaker is not None and speaker.end >= phrase_end - 1:
                return Attribution(speaker, rule="colon")  # "X : « ... »"
            return None
        # "le conseiller lâche « ... »": the quote is the object of the verb of saying just before it, whatever
        # the tagger made of that verb (here an adjective of "conseiller")
        previous = inside.start - 1 if inside is not None else -1
        while previous >= 0 and self.doc[previous].is_quote:
            previous -= 1
        if previous >= 0:
            verb = self.doc[previous]
            if verb.pos_ in ("VERB", "ADJ", "NOUN") and not self._in_quote(verb.idx) \
                    and is_reporting_verb(verb, incise=True):
                return self._said_by_subject(verb, "clause")
        return None

    def _source_on(self, verb: Token) -> Attribution | None:
        """'L'émergence des podcasts confirme pour X que ...', 'Ce chiffre montre, selon X, que ...': a verb of
        saying whose subject is a thing reports the view of the person its "pour" or "selon" names."""
        for child in verb.children:
            if child.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ in _SOURCE_CASES
                                                    for c in child.children):
                found = self.resolver.named_by(child)
                if found is not None and self.resolver.type_of(found) in ("PER", "ORG"):
                    return Attribution(found, verb, "source")
        return None

    def _said_by_subject(self, verb: Token, rule: AttributionRule) -> Attribution:
        """The words a verb of saying right before them introduces are its subject's, or, with none, those of
        whoever the text is telling of ("Avant de lancer : « ... »")."""
        # a verb read as an adjective hangs on its subject, or on the last noun of it: "un conseiller glisse"
        # as "conseiller" + amod, "le conseiller du président lâche" as "président" + amod
        subject = subject_of(verb, self.quoted)
        if subject is None and verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
            subject = verb.head
            while subject.dep_ == "nmod" and subject.head.pos_ == "NOUN" and subject.head.i < subject.i:
                subject = subject.head
        speaker = self.resolver.subject_speaker(subject, self.discourse) if subject is not None else None
        if subject is None and "Inf" in verb.morph.get("VerbForm", []):
            speaker = self.resolver.antecedent(verb.idx, discourse=self.discourse)
        return Attribution(speaker, verb, rule)

    def _governing_verb(self, inside: Span) -> Token | None:
        """The verb outside the quote that the quoted words depend on: the nearest reporting verb
        up the tree ("a fait savoir que ... « ... »"), else the nearest verb. A quote that ends its
        sentence ("... en deuil. »") is governed by nothing after it: that is the next sentence."""
        nearest = None
        closed = inside.text.rstrip(" »\"”").endswith((".", "!", "?", "…"))
        for token in inside:
            head = token
            for _ in range(8):
                if head.head.i == head.i:
                    break
                child, head = head, head.head
                # a verb of saying the tagger took for a noun keeps its subject: "Le mouvement juge X « ... »"
                verbal = head.pos_ == "VERB" or (is_reporting_verb(head) and any(
                    c.dep_ == "nsubj" for c in head.children))
                if inside.start <= head.i < inside.end or not verbal or self._in_quote(head.idx):
                    continue
                if closed and head.i >= inside.end:
                    continue
                if is_reporting_verb(head):
                    # the quote as the verb's own complement is its subject's words ("lui a demandé « ... »");
                    # a fragment deeper in a reported clause is the reporter's
                    direct = inside.start <= child.i < inside.end and child.dep_ in _SAID_DEPS
                    return head if direct else self._reporter_of(head)
                nearest = nearest or head
                if head.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubj:pass") for c in head.children):
                    break  # "..., tandis que X a comparé la séance à « ... »": a clause of its own, not reported
        return nearest

    def _reporter_of(self, verb: Token) -> Token:
        """The outermost verb of saying whose reported clause holds ``verb``: in "X rappelle que le pays avait
        appelé à « ... »" the words are X's, who reports the call."""
        while verb.dep_ == "ccomp" and verb.head.i != verb.i and verb.head.pos_ == "VERB" \
                and is_reporting_verb(verb.head) and not self._in_quote(verb.head.idx):
            verb = verb.head
        return verb

    def in_sentence(self, quote: QuotedSpan) -> Attribution | None:
        """A reporting verb elsewhere in the quote's sentence ('« ... » pour X, a-t-il expliqué'),
        incises first."""
        sentence = self.sentence_at(quote.open_mark)
        if sentence is None:
            return None
        verbs = [t for t in sentence if t.pos_ == "VERB" and is_reporting_verb(t, incise=self._incise(t))
                 and not self._in_quote(t.idx)]
        verbs.sort(key=lambda t: (not self._incise(t), abs(t.idx - quote.open_mark)))
        for verb in verbs:
            subject = subject_of(verb, self.quoted) or (self._inverted_subject(verb) if self._incise(verb) else None)
            if subject is not None:
                return Attribution(self.resolver.subject_speaker(subject, self.discourse), verb, "sentence")
        return None

    def _incise(self, verb: Token) -> bool:
        """A verb that opens an incise: right after a comma, perhaps behind its auxiliary."""
        previous = [t for t in self.doc[max(0, verb.i - 3) : verb.i]
                    if t.pos_ != "AUX" and t.lower_ not in ("s'", "se")]
        return bool(previous) and previous[-1].text == ","

    def _in_quote(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def following_subject(self, quote: QuotedSpan) -> Attribution | None:
        """'« Nous l'avons eu. » C'est par ces mots que X a ouvert ...': the next sentence's person."""
        sentence = self.sentence_at(quote.open_mark)
        if sentence is None or sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        if "\n" in self.text[quote.end : following.start_char]:
            return None  # the next paragraph's person is not this one's speaker
        for token in following:
            if token.dep_ in SUBJECT_DEPS and not self._in_quote(token.idx):
                found = self.resolver.named_by(token)
                if found is not None and self.resolver.type_of(found) == "PER":
                    return Attribution(found, rule="next_sentence")
        return None

    def previous_sentence(self, quote: QuotedSpan) -> Attribution | None:
        """'Le texte énonce les domaines concernés. Il s'agit de « A » et de « B ».': a sentence with no subject
        of its own (an impersonal "il", "c'est", no verb at all) goes on with what the sentence before it, in
        the same paragraph, reported: the words are that verb of saying's subject's."""
        sentence, last = self.sentence_at(quote.open_mark), self.sentence_at(max(quote.start, quote.end - 1))
        if sentence is None or last is None or sentence.start == 0:
            return None
        for token in self.doc[sentence.start : last.end]:  # the parse may make a sentence of the opening mark
            if token.pos_ in ("VERB", "AUX") and not self._in_quote(token.idx):
                subject = subject_of(token, self.quoted, climb=False)
                if subject is not None and bare_pronoun(subject) not in _DEMONSTRATIVES:
                    return None
        previous = sentence_before(sentence)
        verb = previous.root
        if previous.start == sentence.start or "\n" in self.text[previous.end_char : sentence.start_char] \
                or verb.pos_ != "VERB" or not is_reporting_verb(verb) or self._in_quote(verb.idx):
            return None
        subject = subject_of(verb, self.quoted)
        speaker = self.resolver.subject_speaker(subject, self.discourse) if subject is not None else None
        return Attribution(speaker, verb, "previous_sentence") if speaker is not None else None

    def introduced_before(self, quote: QuotedSpan, paragraph: tuple[int, int]) -> Attribution | None:
        """'Zineb habite le quartier depuis dix ans.' then a paragraph that is nothing but a quote: the words of
        the person the paragraph before ended on, as a testimony is laid out."""
        start, end = paragraph
        if self.text[start:end].strip(" \n«»\"“”.!?…") != quote.text.strip(" .!?…") or start == 0:
            return None
        found = self.resolver.recent_subject(start, sentences=2)
        if found is None:  # the parse may have missed the subject: "Zineb Amrani, 41 ans, habite ..."
            named = self.resolver.recent_entity(start, "PER")
            found = named if named is not None and self.text.rfind("\n", 0, start - 1) < named.start else None
        return Attribution(found, rule="introduced") if found is not None else None

    def within(self, inner: QuotedSpan, outer: QuotedSpan) -> Attribution:
        """A quote inside a quote is the words of the subject of the verb it depends on in the outer quote
        (« ... le président se dit “calme et déterminé” »), when that subject names someone."""
        span = self.tokens(inner.start, max(inner.start + 1, inner.end))
        if span is None:
            return Attribution(None)
        for token in span:
            head = token
            while head.head.i != head.i and span.start <= head.i < span.end:
                head = head.head
            if span.start <= head.i < span.end or not outer.start <= head.idx < outer.end:
                continue
            verb = head if head.pos_ in ("VERB", "AUX") else None
            while verb is None and head.head.i != head.i and outer.start <= head.head.idx < outer.end:
                head = head.head
                verb = head if head.pos_ in ("VERB", "AUX") else None
            subject = subject_of(verb) if verb is not None else None
            named = self.resolver.named_by(subject) if subject is not None else None
            if named is not None and outer.start <= named.start < outer.end:
                return Attribution(named, verb, "embedded")
            break
        return Attribution(None)

    # -- the whole article ---------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        for number, (start, end, kind) in enumerate(self._paragraphs()):
            self.discourse.paragraph = number
            every = [q for q in find_quoted(self.text[start:end], start)
                     if not self._is_charge_name(q) and not self._is_title(q)]
            continued: dict[int, QuotedSpan] = {}  # a quote's part after an incise inside its marks → the part before
            every = [part for q in every for part in self._split_at_incise(q, continued)]
            self.quoted = [(q.open_mark if q.open_mark < q.start else q.start,
                            (q.close_mark + 1) if q.close_mark is not None else q.end) for q in every]
            found = [q for q in every if is_quotation(q)]
            if kind in ("title", "subheading"):
                quotes.extend(self._quote(q, Attribution(None)) for q in found)
                continue
            attributions: list[Attribution | None] = []
            by_start: dict[int, Attribution | None] = {}
            for quoted in every:  # in reading order, so pronouns see the speakers before them
                head = continued.get(quoted.start)
                if head is not None:  # the words after an incise inside the marks are the incise's too
                    first = by_start.get(head.start)
                    attribution = Attribution(first.speaker, first.verb, "incise") if first is not None else None
                else:
                    attribution = self.after(quoted) or self.before(quoted) or self.in_sentence(quoted)
                by_start[quoted.start] = attribution
                if attribution is not None and attribution.speaker is not None:
                    self._remember(attribution.speaker)  # a scare quote's speaker counts too
                if is_quotation(quoted):
                    attributions.append(attribution)
            previous = self._carried()
            for index, quoted in enumerate(found):
                attribution = attributions[index]
                if attribution is not None and attribution.rule == "colon" and attribution.verb is None:
                    # "notre consœur Fip : « A », « B » selon X": a name before a colon, with no verb of saying,
                    # gives way to the source the list of quotes closes on
                    attribution = self._next_in_sentence(found, attributions, index, explicit=True) or attribution
                if attribution is None or attribution.speaker is None:
                    carried = previous if previous is not None and previous.speaker is not None and \
                        not self._someone_else_named(previous.speaker, quoted.open_mark) else None
                    # "a-t-elle ajouté" that no one resolved: whoever else is guessed must be a woman
                    gender = self._pronoun_gender(attribution)
                    if gender is not None:
                        self.said_by_gender[quoted.start] = gender
                    attribution = self._guess(found, attributions, index, carried, (start, end), gender)
                described = self._described(quoted)
                if described is not None:
                    self.described[quoted.start] = described
                    if attribution is not None and attribution.speaker is not None and \
                            attribution.speaker.entity_id == described:
                        attribution = None  # "Marsha, la « Rosa Parks du mouvement »": said of her, not by her
                if attribution is not None and attribution.speaker is not None:
                    previous = Attribution(attribution.speaker, rule="carry_over")
                    self._remember(attribution.speaker)
                    self.said_until = quoted.end
                quotes.append(self._quote(quoted, attribution or Attribution(None)))
                for inner in filter(is_quotation, quoted_within(quoted)):
                    self.embedded.add(inner.start)  # its speaker is in the outer quote, or unknown
                    quotes.append(self._quote(inner, self.within(inner, quoted)))
            if kind == "paragraph":
                quotes.extend(self._indirect(start, end))
        self._headline_speakers(quotes)
        return sorted(quotes, key=lambda q: q.start)

    def _guess(self, found: list[QuotedSpan], attributions: list[Attribution | None], index: int,
               carried: Attribution | None, paragraph: tuple[int, int], gender: str | None) -> Attribution | None:
        """A quote no rule attributed: the speaker of the next quote in its sentence, else, for a sentence with no
        subject of its own, the subject of the verb of saying before it, else the one carried over, else the next
        sentence's person, else the person the paragraph before introduced; one of the pronoun's gender, when
        its incise had one."""
        own = attributions[index]  # a verb of its own whose subject no one resolved ("a-t-il dit") says enough
        before = self.previous_sentence(found[index]) if own is None or own.verb is None else None
        guesses = (self._next_in_sentence(found, attributions, index), before, carried,
                   self.following_subject(found[index]), self.introduced_before(found[index], paragraph))
        return next((guess for guess in guesses if guess is not None and self.resolver.agrees(guess.speaker, gender)),
                    None)

    def _pronoun_gender(self, attribution: Attribution | None) -> str | None:
        """The gender of the pronoun that is the subject of a quote's reporting verb ("a-t-elle dit"), if any."""
        if attribution is None or attribution.verb is None:
            return None
        verb = attribution.verb
        subject = subject_of(verb, self.quoted) or (self._inverted_subject(verb) if self._incise(verb) else None)
        return PRONOUN_GENDERS.get(bare_pronoun(subject)) if subject is not None else None

    def _split_at_incise(self, quoted: QuotedSpan, continued: dict[int, QuotedSpan]) -> list[QuotedSpan]:
        """« Là-dessus, notre désaccord est total, souligne-t-elle. La CGT a des solutions. »: two quotes
        around the incise inside the marks (a verb of saying with its subject pronoun after it), both the
        incise's; ``continued`` learns which part follows which."""
        for incise in _INSIDE_INCISE.finditer(self.text, quoted.start, quoted.end):
            # "a-t-il ajouté": the participle reports; "observe-t-il dans ...": the verb itself
            words = [self.tokens(at, at + 1) for at in (incise.start("participle"), incise.start("verb")) if at >= 0]
            rest_start = incise.end()
            if not any(word is not None and is_reporting_verb(word[0], incise=True) for word in words) \
                    or rest_start >= quoted.end - 2:
                continue
            first_end = incise.start()
            first = QuotedSpan(quoted.open_mark, None, quoted.start, first_end, self.text[quoted.start : first_end])
            second = QuotedSpan(rest_start, quoted.close_mark, rest_start, quoted.end,
                                self.text[rest_start : quoted.end])
            continued[second.start] = first
            return [first, *self._split_at_incise(second, continued)]
        named = self._named_incise(quoted)
        if named is not None:
            first_end, rest_start = named
            first = QuotedSpan(quoted.open_mark, None, quoted.start, first_end, self.text[quoted.start : first_end])
            second = QuotedSpan(rest_start, quoted.close_mark, rest_start, quoted.end,
                                self.text[rest_start : quoted.end])
            continued[second.start] = first
            return [first, *self._split_at_incise(second, continued)]
        return [quoted]

    def _named_incise(self, quoted: QuotedSpan) -> tuple[int, int] | None:
        """« ..., rappelle Ana Martín, professeure à Barcelone. Dans certains cas ... »; « Ce que l'on sait, a
        expliqué Paul Lemaire, c'est que ... »: a verb of saying and a named speaker inside the marks. Returns
        where the first part ends and the words resume: after the sentence that holds the name and its
        apposition, or after the comma that closes the name."""
        inside = self.tokens(quoted.start, quoted.end)
        if inside is None:
            return None
        for comma in (t for t in inside if t.text == ","):
            following = [t for t in inside.doc[comma.i + 1 : comma.i + 4] if t.idx < quoted.end]
            verb = next((t for t in following if t.pos_ != "AUX"), None)
            if verb is None or not is_reporting_verb(verb, incise=True) or verb.i + 1 >= len(inside.doc):
                continue
            name = self.resolver.entity_at(verb.doc[verb.i + 1].idx, verb.doc[verb.i + 1].idx + 1)
            if name is None or self.resolver.type_of(name) not in ("PER", "ORG") or name.end >= quoted.end - 2:
                continue
            after = self.text[name.end : quoted.end]
            resumed = re.match(r"\s*,\s+(?=[a-zàâçéèêëîïôûù])", after)
            closing = re.search(r"[.;]\s+(?=\S)", after)
            word = inside.doc.char_span(name.end + resumed.end(), name.end + resumed.end() + 1,
                                        alignment_mode="expand") if resumed else None
            apposition = word is not None and (speaker_noun_kind(word[0]) is not None or word[0].like_num)
            if resumed and not apposition:
                return comma.idx, name.end + resumed.end()
            if closing is not None:
                return comma.idx, name.end + closing.end()
        return None

    def _remember(self, speaker: Speaker) -> None:
        self.discourse.speaker = speaker
        self.discourse.speaker_paragraph = self.discourse.paragraph

    def _next_in_sentence(self, found: list[QuotedSpan], attributions: list[Attribution | None],
                          index: int, explicit: bool = False) -> Attribution | None:
        """'« A » et « B », a-t-il écrit': A takes the speaker of B, when only a few words lie between
        them and A does not end a sentence (then B's speaker is introduced for B alone); with ``explicit``,
        only a speaker B's incise or source names."""
        sentence = self.sentence_at(found[index].open_mark)
        previous = found[index]
        for later, attribution in zip(found[index + 1 :], attributions[index + 1 :], strict=True):
            if sentence is None or later.open_mark >= sentence.end_char:
                break
            gap = self.text[previous.end : later.open_mark]
            if previous.text.rstrip().endswith((".", "!", "?", "…")) or len(gap) > _MAX_QUOTE_GAP:
                break
            if attribution is not None and attribution.speaker is not None:
                if explicit and attribution.rule not in ("incise", "source"):
                    return None
                return Attribution(attribution.speaker, attribution.verb, "shared_incise")
            previous = later
        return None

    def _someone_else_named(self, speaker: Speaker, before: int) -> bool:
        """Whether the narration names another person between the last attributed quote and ``before``: the
        discourse has moved on, so the previous speaker is not carried over."""
        return any(entity.id != speaker.entity_id and entity.name != speaker.name
                   for entity, _mention in self.resolver.people_between(self.said_until, before))

    def _carried(self) -> Attribution | None:
        """The previous quote's speaker, when no new one is named (within a paragraph or the next)."""
        carried = self.discourse.speaker
        if carried is not None and self.discourse.paragraph - self.discourse.speaker_paragraph <= CARRY_OVER_PARAGRAPHS:
            return Attribution(carried, rule="carry_over")
        return None

    def _paragraphs(self) -> list[tuple[int, int, str]]:
        parts = []
        if self.article.title_span is not None:
            parts.append((self.article.title_span.start, self.article.title_span.end, "title"))
        for block in self.article.blocks:
            parts.append((block.start, block.end, block.kind))
        return parts

    def _described(self, quoted: QuotedSpan) -> str | None:
        """The person a quote stands in apposition to, which it describes ("Marsha, la « Rosa Parks du
        mouvement »", "Marsha « la prostituée, l'actrice »"): a name right before the mark, with at most a comma
        and an article between, and words that open with an article, as a description does ("Macron « ne
        reculera pas »" is what he says)."""
        before = _APPOSED.search(self.text, max(0, quoted.open_mark - 12), quoted.open_mark + 1)
        if before is None or not (before.group("article") or _DESCRIPTION_START.match(quoted.text)):
            return None
        name_end = before.start()
        found = self.resolver.entity_at(name_end - 1, name_end)
        if found is None or found.end != name_end or self.resolver.type_of(found) != "PER":
            return None
        return found.entity_id

    def _is_title(self, quoted: QuotedSpan) -> bool:
        """'un rapport intitulé « L'ordre et la force »': a title or a name, which no one says."""
        before = self.text[max(0, quoted.open_mark - 40) : quoted.open_mark].casefold().split()
        # (with its auxiliary the verb acts on the words: "a appelé « toutes les parties à ... »")
        return len(before) > 1 and before[-1] in _NAMING_WORDS and before[-2] not in _AVOIR

    def _is_charge_name(self, quoted: QuotedSpan) -> bool:
        before = self.text[max(0, quoted.open_mark - 25) : quoted.open_mark]
        words = fold(quoted.text)
        return bool(_CHARGE_CUE.search(before)) and any(
            words == charge or words.startswith(charge + " ") for charge in legal_charges())

    def _quote(self, quoted: QuotedSpan, attribution: Attribution, direct: bool = True) -> Quote:
        speaker = attribution.speaker
        verb = attribution.verb
        rule = attribution.rule if speaker is not None else None
        return Quote(
            text=quoted.text, start=quoted.start, end=quoted.end, direct=direct,
            speaker=None if speaker is None else Reference(name=speaker.name, entity_id=speaker.entity_id,
                                                           start=speaker.start, end=speaker.end),
            verb=None if verb is None else TextSpan(start=verb.idx, end=verb.idx + len(verb.text)),
            verb_lemma=None if verb is None else verb.lemma_,
            attribution=rule, confidence=None if rule is None else self._confidence(rule, quoted, speaker),
        )

    def _confidence(self, rule: AttributionRule, quoted: QuotedSpan, speaker: Speaker | None) -> float:
        """The rule's measured rate of right speakers, for a speaker named between the start of the quote's
        sentence and its incise, or one reached through a pronoun, a role noun or the discourse."""
        sentence = self.sentence_at(quoted.open_mark)
        named_here = speaker is not None and sentence is not None and \
            sentence.start_char <= speaker.start < quoted.end + _INCISE_REACH
        near, reached = RULE_CONFIDENCE[rule]
        return near if named_here else reached

    def _headline_speakers(self, quotes: list[Quote]) -> None:
        """Quotes without a speaker take that of the same words said elsewhere in the body, else the person
        their line names (a guess: see its confidence)."""
        body = [q for q in quotes if q.speaker is not None and q.direct]
        index = _WordIndex([q.text for q in body])
        for quote in quotes:
            if quote.speaker is not None or not quote.direct or quote.start in self.embedded:
                continue
            scored = [(_similarity(body[i].text, quote.text, _ECHO_SIMILARITY), -i)
                      for i in index.candidates(quote.text)]
            best = max(scored, default=None)
            if best is not None and best[0] >= _ECHO_SIMILARITY:
                quote.speaker = body[-best[1]].speaker
                quote.attribution, quote.confidence = "headline_echo", RULE_CONFIDENCE["headline_echo"][0]
                continue
            quote.speaker = self._speaker_in_line(quote)
            if quote.speaker is not None:
                quote.attribution, quote.confidence = "headline_line", RULE_CONFIDENCE["headline_line"][0]

    def _speaker_in_line(self, quote: Quote) -> Reference | None:
        """A headline's own speaker: 'Trump salue « ... »', '« ... » selon Bayrou'."""
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        line_end = self.text.find("\n", quote.end)
        line_end = len(self.text) if line_end == -1 else line_end
        mentions = [self.resolver.entity_at(o, o + 1) for o in range(line_start, line_end)
                    if not (quote.start <= o < quote.end) and not self.resolver.in_speech(o)]
        # no town, no bay; in the body, where no rule found a speaker, not even a country
        wanted = ("PER", "ORG", "LOC") if self.article.in_heading(quote.start) else ("PER", "ORG")
        gender = self.said_by_gender.get(quote.start)
        described = self.described.get(quote.start)
        people = [m for m in mentions if m is not None and self.resolver.can_speak(m) and m.entity_id != described
                  and self.resolver.type_of(m) in wanted and self.resolver.agrees(m, gender)
                  and not self._medium_of_publication(m)]
        if not people:
            return None
        subject = self._subject_around(quote.start, quote.end, line_end)
        if subject is not None:  # "Sophie Binet met en garde Emmanuel Macron sur la « ... »": who warns
            return Reference(name=subject.name, entity_id=subject.entity_id, start=subject.start, end=subject.end)
        entity_types = {e.id: e.type for e in self.article.entities}
        ranked = sorted(people, key=lambda s: (entity_types.get(s.entity_id or "") != "PER",
                                               abs(s.start - quote.start)))
        chosen = ranked[0]
        return Reference(name=chosen.name, entity_id=chosen.entity_id, start=chosen.start, end=chosen.end)

    def _medium_of_publication(self, mention: Speaker) -> bool:
        """'a écrit X sur son réseau Truth Social', 'a-t-il dit sur BFMTV': where the words appeared, not who
        said them."""
        before = self.text[max(0, mention.start - 30) : mention.start]
        return fold(mention.name) in folded_media() and _PUBLISHED_ON.search(before) is not None

    def _subject_around(self, start: int, end: int, line_end: int) -> Speaker | None:
        """The named subject of the verb the quoted words [start, end) depend on, in their line."""
        inside = self.tokens(start, max(start + 1, end))
        if inside is None:
            return None
        for token in inside:
            head = token
            while head.head.i != head.i and inside.start <= head.i < inside.end:
                head = head.head
            if head.pos_ == "VERB" and not (inside.start <= head.i < inside.end) and head.idx < line_end:
                subject = subject_of(head)
                named = self.resolver.named_by(subject) if subject is not None else None
                if named is not None and self.resolver.can_speak(named) and named.end <= line_end:
                    return named
                return None
        return None

    # -- reported speech -----------------------------------------------------------------------------

    def _indirect(self, start: int, end: int) -> list[Quote]:
        """'X a affirmé que ...' and 'selon X, ...' with a named speaker."""
        found: list[Quote] = []
        span = self.tokens(start, end)
        if span is None:
            return found
        for i in self.verbs[bisect_left(self.verbs, span.start) : bisect_left(self.verbs, span.end)]:
            token = self.doc[i]
            if not is_reporting_verb(token) or self._in_quote(token.idx):
                continue  # a verb of saying inside quoted words is the speaker's, who already has the words
            clause = next((c for c in token.children if c.dep_ in ("ccomp",) and any(
                g.lower_ in ("que", "qu'", "qu’") for g in c.children if g.dep_ == "mark")), None)
            subject = subject_of(token)
            if clause is None or subject is None:
                continue
            speaker = self.resolver.subject_speaker(subject, self.discourse)
            if speaker is None or speaker.entity_id is None:
                continue
            words = [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
            first, last = words[0], words[-1]
            while last.is_punct and last.i > first.i:
                last = self.doc[last.i - 1]
            text = self.text[first.idx : last.idx + len(last.text)]
            quoted = QuotedSpan(first.idx, None, first.idx, last.idx + len(last.text), text)
            found.append(self._quote(quoted, Attribution(speaker, token, "reported"), direct=False))
        return found


class _WordIndex:
    """Which texts share a distinctive word with a given one: the only ones that can be alike, found
    without comparing every pair (an article with many quotes stays linear)."""

    MIN_LENGTH = 4
    MAX_POSTINGS = 25  # a word in more texts than this tells nothing

    def __init__(self, texts: list[str]) -> None:
        self.postings: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            for word in self._words(text):
                self.postings.setdefault(word, []).append(number)

    def _words(self, text: str) -> set[str]:
        return {w for w in fold(text).split() if len(w) >= self.MIN_LENGTH}

    def candidates(self, text: str) -> set[int]:
        found: set[int] = set()
        for word in self._words(text):
            posting = self.postings.get(word, [])
            if len(posting) <= self.MAX_POSTINGS:
                found.update(posting)
        return found


_ECHO_SIMILARITY = 0.6  # a headline's quote this alike to a body quote is the same words


def _similarity(a: str, b: str, at_least: float) -> float:
    """How alike two quotes are (difflib's ratio), or 0 when below ``at_least``: the cheap upper bounds of
    the ratio rule out most pairs before the costly one."""
    x, y = fold(a), fold(b)
    if x in y or y in x:
        return 1.0
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= at_least else 0.0


@register_stage("quotes", requires=("entities",), assigns=("quotes",))
def extract_quotes(article: Article, doc: Doc) -> None:
    """Every quotation of the article with its speaker, direct and reported."""
    article.quotes = QuoteFinder(article, doc).run()
