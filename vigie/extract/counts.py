"""The counts stage: how many were killed, injured, missing, arrested, displaced or gathered.

A count is a number (digits, French number words, "une dizaine", "un
millier", "des centaines") with the noun it quantifies. The noun says what
is counted ("192 blessés", "473 interpellations"); the predicate of the
clause can say more ("559 personnes ont été interpellées", "tuant neuf
passagers", "une femme a été retrouvée morte"). Subtotals ("dont 203 à
Paris", "contre 194") count what the number before them counted. Ages,
durations, money, percentages, dates and ordinals are not counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from vigie.extract.demonyms import demonym_country
from vigie.extract.inflection import er_verb_forms
from vigie.extract.resolve import speaker_noun_kind
from vigie.lexicon import mapping, rows, verbs_of_class
from vigie.lexicon import words as lexicon_words
from vigie.model import Article, Count, Entity, Mention, Reference
from vigie.stages import register_stage
from vigie.textnorm import case_sensitive, lowercase_in_place, uncontracted

# thousands grouped by a space (narrow or not), a dot or, in Switzerland, an apostrophe: "160'000"
_DIGITS = r"\d{1,3}(?:[ \u202f\u00a0.'’]\d{3})+(?!\d)|\d+"
_SCALES = {"milliers": 1_000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
           "milliards": 1_000_000_000}
_ORDINAL_OR_SCORE = re.compile(r"^(?:e|er|ème|eme|ᵉ|-\d|/\d|,\d|\.\d)")
_CLOCK_BEFORE = re.compile(r"\d\s?h\s?$")
_SUBTOTAL_CUES = re.compile(r"\b(?:dont|contre|soit)\b[^.;,]{0,15}$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"[\s,]*(?:et|ainsi que)?\s*(?:de|d['’]|des)?\s*")
_DEFINITE_BEFORE = re.compile(r"\b(?:les|ces)\s+$", re.IGNORECASE)
_GROUP_PRONOUNS = {"eux", "elles", "lesquels", "lesquelles"}
_SMALL_GENERIC = 3  # "deux camps", "trois agences": small amounts of things no event affected
_INDEFINITE = {"un", "une"}
_CASUALTY = {"killed", "injured", "missing"}


@dataclass
class Number:
    """A number found in the text, before we know what it counts."""

    start: int
    end: int
    value: int
    qualifier: str | None
    approximate: bool = False
    indefinite: bool = False


@cache
def count_nouns() -> dict[str, str]:
    return mapping("count_nouns", "noun", "kind")


@cache
def count_predicates() -> dict[str, str]:
    return mapping("count_predicates", "verb", "kind")


@cache
def count_states() -> dict[tuple[str, str], str]:
    """(preposition, noun) → what being there says: "en garde à vue", "à l'hôpital"."""
    return {(row["preposition"], row["noun"]): row["kind"] for row in rows("count_states")}


@cache
def count_verb_objects() -> dict[tuple[str, str], str]:
    """(verb, object) → what the phrase says happened: "perdre la vie", "coûter la vie à"."""
    return {(row["verb"], row["object"]): row["kind"] for row in rows("count_verb_objects")}


@cache
def qualifier_words() -> dict[str, str]:
    """Words → qualifier, longest first."""
    return dict(sorted(((row["words"], row["qualifier"]) for row in rows("count_qualifiers")),
                       key=lambda r: -len(r[0])))


@cache
def cardinal_words() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in rows("number_words")
            if row["kind"] == "exact" and row["word"] != "premier"}


@cache
def approximate_words() -> dict[str, tuple[int, str]]:
    return {row["word"]: (int(row["value"]), row["qualifier"]) for row in rows("number_words")
            if row["kind"] == "approximate"}


@cache
def _number_pattern() -> re.Pattern[str]:
    words = sorted(cardinal_words(), key=len, reverse=True)
    approx = sorted(approximate_words(), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    approximate = "|".join(re.escape(w) for w in approx)
    return re.compile(
        rf"(?<![\w-])(?:(?P<approx_det>une?|des)\s+(?P<approx>{approximate})s?\s+(?:de\b|d['’])"
        rf"(?:\s*(?P<approx_scale>milliers|millions|milliards)\s+(?:de\b|d['’]))?"
        rf"|(?P<scaled>\d+(?:[,.]\d+)?|{alternation})\s+(?P<scale>millions?|milliards?)(?![\w-])"
        rf"|(?P<digits>{_DIGITS})(?![\w-])|(?P<word>{alternation})(?![\w-]))",
        re.IGNORECASE)


@cache
def _lowercase_number_pattern() -> re.Pattern[str]:
    return case_sensitive(_number_pattern())


@cache
def _qualifier_pattern() -> re.Pattern[str]:
    """The qualifier words ending a stretch of text; the earliest start is the longest words."""
    alternation = "|".join(re.escape(words) for words in qualifier_words())
    return re.compile(rf"(?:^|\W)(?P<words>{alternation})\s*$")


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 25) : start].casefold().replace("’", "'")
    match = _qualifier_pattern().search(before)
    return qualifier_words()[match.group("words")] if match else None


def find_numbers(text: str) -> list[Number]:
    """Candidate numbers with their qualifiers, in reading order."""
    found = []
    lowered = lowercase_in_place(text)
    matches = _number_pattern().finditer(text) if lowered is None else _lowercase_number_pattern().finditer(lowered)
    for match in matches:
        qualifier = _qualifier(text, match.start())
        if match.group("approx"):
            value, implied = approximate_words()[match.group("approx").casefold()]
            if match.group("approx_det").casefold() == "des":
                if value >= 1000:
                    continue  # "des milliers": too vague to count
                value, implied = 2 * value, "at_least"  # "des centaines" → at least 200
            if match.group("approx_scale"):  # "des dizaines de milliers de manifestants": at least 20 000
                value *= _SCALES[match.group("approx_scale").casefold()]
            found.append(Number(match.start(), match.end(), value, qualifier or implied, approximate=True))
            continue
        if match.group("scaled"):  # "1,5 million de bêtes", "un million de personnes"
            scaled = match.group("scaled").casefold()
            number = float(cardinal_words().get(scaled) or scaled.replace(",", "."))
            found.append(Number(match.start(), match.end(), round(number * _SCALES[match.group("scale").casefold()]),
                                qualifier))
            continue
        if match.group("digits"):
            glued = match.start() > 0 and text[match.start() - 1] in "-/,"  # "5-0", "12/09", "3,5"
            glued = glued or bool(_CLOCK_BEFORE.search(text[max(0, match.start() - 6) : match.start()]))  # "23 h 30"
            if glued or _ORDINAL_OR_SCORE.match(text[match.end() : match.end() + 3]):
                continue
            value = int(re.sub(r"\D", "", match.group("digits")))
            found.append(Number(match.start(), match.end(), value, qualifier))
            continue
        word = match.group("word").casefold()
        if word == "cent" and re.search(r"\bpour\s+$", text[max(0, match.start() - 6) : match.start()], re.IGNORECASE):
            continue  # "30 pour cent": a percentage
        found.append(Number(match.start(), match.end(), cardinal_words()[word], qualifier,
                            indefinite=word in _INDEFINITE))
    return found


def _counted_noun(doc: Doc, number: Number) -> Token | None:
    """The noun a number quantifies: its head, or the next noun a few words on."""
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1]
    if number.approximate:
        following = [t for t in doc[last.i + 1 : last.i + 4] if t.pos_ in ("NOUN", "PROPN")]
        return following[0] if following else None
    if last.dep_ == "nummod" and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return last.head
    for token in doc[last.i + 1 : last.i + 4]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        if token.pos_ not in ("ADJ", "NUM") and token.lower_ not in ("de", "d'", "d’"):
            break
    return None


def _population(noun: Token, number: Span) -> bool:
    """'La ville compte 45 000 habitants', 'peuplée de 2 millions d'âmes': how many live there, not a count.
    The verb is the word before the number (or its "de"), whatever the tagger made of it ("compte" as a noun)."""
    if _noun_kind(noun) in _CASUALTY:
        return False  # "le bilan compte 12 morts"
    before = [t for t in noun.doc[max(0, number.start - 4) : number.start]
              if t.lower_ not in ("de", "d'", "d’") and t.pos_ != "ADV"]  # "comptait plus de 2000 habitants"
    return bool(before) and (before[-1].lemma_.casefold() in verbs_of_class("population")
                             or before[-1].lower_ in _population_forms()
                             or (before[-1].lemma_.casefold() in _settlements()
                                 and _noun_kind(noun) == "person"))  # "une commune de 12 000 habitants"


@cache
def _settlements() -> frozenset[str]:
    return frozenset(lexicon_words("settlement_nouns"))


@cache
def _population_forms() -> frozenset[str]:
    return frozenset(er_verb_forms(verbs_of_class("population")))


def _text_from(token: Token, length: int) -> str:
    """The next ``length`` characters of the text from a token, read from the article's text that
    `extract_counts` leaves with the Doc (``Doc.text`` would join the whole document on every call)."""
    text: str = token.doc.user_data[_TEXT]
    return text[token.idx : token.idx + length]


_TEXT = "vigie.text"


def _noun_kind(noun: Token) -> str | None:
    """What a noun counts, from the lexicon ('unit' for ages, money, durations)."""
    text = _text_from(noun, 12).casefold()
    if text.startswith(("garde à vue", "gardes à vue")):
        return "arrested"
    for form in (noun.lemma_.casefold(), noun.lower_, noun.lower_.rstrip("s")):
        if form in count_nouns():
            return count_nouns()[form]
    return None


def _predicate_kind(noun: Token, verbs_only: bool = False) -> str | None:
    """What the clause says happened to the counted ones: 'ont été tués', 'tuant', 'le meurtre de',
    'mortellement percuté', 'placées en garde à vue', '192 blessés, 22 policiers ...'."""
    head = noun.head
    candidates = [head] if head.i != noun.i else []
    if head.pos_ in ("VERB", "AUX") and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        candidates.append(head.head)
    if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        candidates = []  # "23 arrestations et 271 appartements": each conjunct counts its own
    for predicate in candidates:
        verbal = predicate.pos_ in ("VERB", "AUX", "ADJ")
        if noun.dep_ == "nsubj" and predicate.i == head.i and any(c.dep_ == "obj" for c in predicate.children) \
                and count_predicates().get(predicate.lemma_.casefold()) in (*_CASUALTY, "arrested", "other"):
            continue  # "trois hommes ont tué deux policiers": who did it ("2000 personnes ont fui les combats" fled)
        # "la mort d'un soldat" names a casualty as surely as "un soldat a été tué"; "la visite d'un ministre"
        # names none, and only the lexicon's casualty nouns reach the kinds that make "un" a count
        if verbs_only and not verbal and not (predicate.i == head.i and noun.dep_ == "nmod"):
            continue
        related = [c for c in predicate.children if c.dep_ in ("xcomp", "conj", "advmod")] \
            if verbal else []  # a noun head counts only itself: "le meurtre de"
        # an adverb first: "mortellement blessé" is killed
        for token in (*[t for t in related if t.dep_ == "advmod"], predicate,
                      *[t for t in related if t.dep_ != "advmod"]):
            kind = count_predicates().get(token.lemma_.casefold()) or count_predicates().get(token.lower_)
            if kind and token.i != noun.i:
                return kind
            kind = _state_kind(token) if verbal or token.i == predicate.i else None
            if kind and token.i != noun.i:
                return kind
    for child in noun.children:  # "des civils tués", "personnes interpellées", "sept pompiers blessés"
        if child.dep_ in ("acl", "amod", "acl:relcl"):
            kind = count_predicates().get(child.lemma_.casefold()) or count_predicates().get(child.lower_) \
                or _state_kind(child)
            if kind:
                return kind
    following = _text_from(noun, 60).casefold()
    if "garde à vue" in following and "placé" in following:
        return "arrested"
    after = re.match(r"^(?:-\w+)?\s+(bless|tué|tues|mort)", _text_from(noun, 40)[len(noun.text) :])
    if after:  # "sept sapeurs-pompiers blessés"
        return {"bless": "injured"}.get(after.group(1), "killed")
    return None


def _infinitive_after(number: Span) -> str | None:
    """'Ils étaient plus de 3000 samedi à manifester': what the people counted did, in the infinitive after
    'à' a few words on."""
    following = number.doc[number.end : min(number.end + 5, number.sent.end)]
    for marker, verb in pairwise(following):
        if marker.lower_ == "à" and "Inf" in verb.morph.get("VerbForm", []):
            return count_predicates().get(verb.lemma_.casefold())
    return None


def _participle_before(doc: Doc, start: int) -> str | None:
    """A present participle just before the number says what it did to them ("blessant quatre membres"),
    whatever the parse made of it."""
    for token in doc[max(0, start - 2) : start]:
        morph = token.morph
        if token.pos_ == "VERB" and "Part" in morph.get("VerbForm", []) and "Pres" in morph.get("Tense", []):
            return count_predicates().get(token.lemma_.casefold())
    return None


def _state_kind(token: Token) -> str | None:
    """What a predicate says through where it puts people ("placés en détention", "étaient en garde à vue")
    or through its object ("ont perdu la vie", "a coûté la vie à")."""
    for word in (token, *token.children):
        if word.i != token.i and word.dep_ == "obj":
            kind = count_verb_objects().get((token.lemma_.casefold(), word.lemma_.casefold()))
        elif word.i == token.i or word.dep_.startswith("obl"):
            cases = [c.lower_.replace("’", "'") for c in word.children if c.dep_ == "case"]
            kind = next((found for case in cases
                         if (found := count_states().get((uncontracted(case), word.lemma_.casefold())))),
                        None)
        else:
            kind = None
        if kind:
            return kind
    return None


PlaceMentions = list[tuple[int, Entity, Mention]]


def _place_mentions(article: Article) -> tuple[PlaceMentions, list[int]]:
    """The LOC mentions of an article in reading order, and their starts (for binary search)."""
    places = sorted(((m.start, e, m) for e in article.entities if e.type == "LOC" for m in e.mentions),
                    key=lambda item: item[0])
    return places, [item[0] for item in places]


def _takes_part(noun: Token) -> bool:
    """People who act ("un millier de personnes ont tenté", "se trouvaient") or watch ("devant 3000
    personnes") take part; people something happens to ("impacter 500 000 personnes") do not."""
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "aux:pass" for c in noun.head.children):
        return True
    cases = [c.lower_.replace("’", "'") for c in noun.children if c.dep_ == "case"]
    if cases and set(cases) <= {"jusqu'", "à"} and noun.head.pos_ == "VERB" and not any(
            c.dep_.startswith("nsubj") or c.dep_ == "aux:pass" for c in noun.head.children):
        return True  # "jusqu'à 400 agriculteurs se relayaient": the subject, read as a complement
    return "devant" in cases


def _among_kind(noun: Token, quantity: Token | None, previous: tuple[str, int] | None) -> str | None:
    """The casualties a group of people is drawn from: "une quinzaine d'Italiens parmi les blessés" (the
    noun says), "on compte parmi eux 71 Suisses" (the count before says)."""
    anchors = {noun.i, noun.head.i, *((quantity.i, quantity.head.i) if quantity is not None else ())}
    for token in noun.sent:
        group = token.head
        if token.lower_ != "parmi" or token.dep_ != "case" or group.head.i not in anchors or group.i == noun.i:
            continue
        if group.lower_ in _GROUP_PRONOUNS:
            return previous[0] if previous is not None and previous[0] in _CASUALTY else None
        kind = _noun_kind(group)
        return kind if kind in _CASUALTY else None
    return None


def _tells_of_gathering(sentence: Span) -> bool:
    """Whether a sentence tells of a gathering, a vote or a deployment ("ont manifesté", "le cortège")."""
    gathering = gathering_words()
    return any(t.lemma_.casefold() in gathering or t.lower_ in gathering for t in sentence)


@cache
def gathering_words() -> frozenset[str]:
    return frozenset(lexicon_words("gathering_words"))


def _location(places_in_order: PlaceMentions, starts: list[int], doc: Doc, start: int) -> Reference | None:
    """A place named in the count's sentence: after the number first, else before it."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    places = [(mention.start < start, abs(mention.start - start), entity, mention) for _, entity, mention in
              places_in_order[bisect_left(starts, sentence.start_char) : bisect_left(starts, sentence.end_char)]]
    if not places:
        return None
    _, _, entity, mention = min(places, key=lambda p: (p[0], p[1]))
    return Reference(name=entity.name, entity_id=entity.id, start=mention.start, end=mention.end)


def _overlaps_dates(article: Article, date_starts: list[int], start: int, end: int) -> bool:
    """Whether a number is part of a date expression (dates are in reading order and do not overlap)."""
    index = bisect_left(date_starts, end)
    return any(d.start < end and start < d.end for d in article.dates[max(0, index - 2) : index])


def extract_counts(article: Article, doc: Doc) -> list[Count]:
    """Every count of an article, with kind, value, qualifier, place and supporting span."""
    counts: list[Count] = []
    previous_kind: tuple[str, int] | None = None  # (kind, sentence start) of the last count
    previous_end = 0
    date_starts = [d.start for d in article.dates]
    places, place_starts = _place_mentions(article)
    told: set[tuple[str, int]] = set()
    doc.user_data[_TEXT] = article.text
    for number in find_numbers(article.text):
        if _overlaps_dates(article, date_starts, number.start, number.end) or number.value == 0:
            continue
        span = doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None:
            continue
        sentence_start = span.sent.start_char
        noun = _counted_noun(doc, number)
        if noun is not None and _overlaps_dates(article, date_starts, noun.idx, noun.idx + len(noun.text)):
            noun = None  # "ils étaient plus de 3000 samedi à manifester": a day counts nothing
        kind = _noun_kind(noun) if noun is not None else None
        if kind == "unit" or (noun is not None and _population(noun, span)):
            continue
        quantity = next((t for t in span if t.lower_.rstrip("s") in approximate_words()), None)
        if noun is not None and kind in (None, "people", "person"):
            # the lexicon's casualties and things stand as they are; "un"/"une" needs a verb ("a été tué")
            kind = _predicate_kind(noun, verbs_only=number.indefinite) \
                or (_predicate_kind(quantity) if quantity is not None else None) \
                or _participle_before(doc, span.start) or kind  # "une dizaine ... ont été", "blessant quatre"
            if kind is None and noun.pos_ == "NOUN" and not number.indefinite and noun.lower_ != "autres":
                kind = "other"
        if kind == "person":  # anyone: attendance in a sentence about a gathering, else just people counted
            acting = noun is not None and (_takes_part(noun) or (quantity is not None and _takes_part(quantity)))
            kind = "people" if acting or _tells_of_gathering(span.sent) else "other"
        if number.indefinite and (kind not in _CASUALTY or noun is None or (
                _noun_kind(noun) not in ("people", "person", *_CASUALTY) and speaker_noun_kind(noun) != "person")):
            continue  # "un bus", "une réunion": only a person who is a casualty makes "un" a count
        human = noun is not None and (_noun_kind(noun) in ("people", "person") or demonym_country(noun.text))
        if human and kind in ("people", "other") and previous_kind is not None and previous_kind[0] in _CASUALTY \
                and previous_kind[1] == sentence_start and (
                    _LIST_SEPARATOR.fullmatch(article.text[previous_end:number.start])
                    or _SUBTOTAL_CUES.search(article.text[max(0, number.start - 25) : number.start])):
            kind = previous_kind[0]  # "192 blessés, 22 policiers et sept pompiers"; "119 blessés, dont 71 Suisses"
        if human and kind in ("people", "other") and noun is not None:
            kind = _among_kind(noun, quantity, previous_kind) or kind  # "parmi les blessés, 71 Suisses"
        if kind in ("other", "people") and number.value <= _SMALL_GENERIC and noun is not None \
                and _predicate_kind(noun) is None:
            continue
        if kind is None and noun is None:  # "et 40 sont portés disparus", "ils étaient 400 à défiler"
            kind = _predicate_kind(span[-1]) or _infinitive_after(span)
        if kind is None and (noun is None or noun.lower_ == "autres"):  # "en blessant quatre autres"
            kind = next((found for t in reversed(doc[max(0, span.start - 3) : span.start])
                         if (found := count_predicates().get(t.lemma_.casefold()))), None)
        if kind is None:
            before = article.text[max(0, number.start - 25) : number.start]
            autres = article.text[number.end : number.end + 12].strip().startswith(("autres", "d'entre", "d’entre"))
            if previous_kind is not None and (autres or (previous_kind[1] == sentence_start
                                                         and _SUBTOTAL_CUES.search(before))):
                kind = previous_kind[0]  # "dont 203 à Paris", "contre 194", "Douze d'entre eux"
            else:
                continue
        before = article.text[max(0, number.start - 8) : number.start]
        if (kind, number.value) in told and _DEFINITE_BEFORE.search(before):
            continue  # "sur les 119 blessés": the ones already counted
        told.add((kind, number.value))
        end = noun.idx + len(noun.text) if noun is not None and noun.idx > number.start else number.end
        counts.append(Count(kind=kind, value=number.value,
                            qualifier=number.qualifier or "exact",
                            text=article.text[number.start : end], start=number.start, end=end,
                            location=_location(places, place_starts, doc, number.start)))
        previous_kind = (kind, sentence_start)
        previous_end = end
    return counts


def _without_headline_repeats(article: Article, counts: list[Count]) -> list[Count]:
    """A headline or sub-heading count that the body gives again is one count, the body's."""
    body = {(c.kind, c.value) for c in counts if not article.in_heading(c.start)}
    return [c for c in counts if not article.in_heading(c.start) or (c.kind, c.value) not in body]


@register_stage("counts", requires=("entities", "dates", "events"), assigns=("counts",))
def count_stage(article: Article, doc: Doc) -> None:
    """Counts of people and things, linked to the event their sentence reports."""
    counts = _without_headline_repeats(article, extract_counts(article, doc))
    for count in counts:
        for index, event in enumerate(article.events):
            if event.start <= count.start < event.end or (count.start <= event.start < count.end):
                count.event_index = index
                break
    article.counts = counts
