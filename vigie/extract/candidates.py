"""Entity candidates: spaCy's NER plus correction layers, each a named function.

A layer takes the candidate list and the document and returns a new list.
They run in the order of ``CORRECTIONS``; each one fixes one known weakness
of the statistical NER on French news (nationality words taken for places,
"État" in titles of office, agencies typed MISC, institutions it misses...).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from vigie.extract.demonyms import demonym_country, local_demonym_place
from vigie.extract.gazetteer import lookup
from vigie.lexicon import function_words, mapping, rows, words
from vigie.model import Article
from vigie.nlp import positions_of, string_ids
from vigie.textnorm import fold, unify_apostrophes

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
LOCATIVE_PREPOSITIONS = function_words("locative_preposition")
_DE_FORMS = function_words("de_form")
_ARTICLES = function_words("definite_article")
_INDEFINITES = function_words("indefinite_determiner")
_OPENING_MARKS = {"«", "“", "\"", "—", "–", "-"}
_CAPITAL_ARTICLES = {"La", "Le", "Les", "L'", "L’"}
_CREDIT_BODY = re.compile(r"(?i)\b(ministry|minist[eè]re|office|service|government|army)\b")
_US_STATE_SUFFIX = re.compile(r"^,?[ \u00a0]?(?:D\.?C\.?|[A-Z]\.?[A-Z]\.?)\b")  # on the same line


@dataclass(frozen=True)
class Candidate:
    """A stretch of text that names an entity, with a provisional type."""

    start: int
    end: int
    label: str
    origin: str = "ner"
    fixed: bool = False  # type settled by a lexicon: votes do not change it


@dataclass
class Context:
    """What the layers may read: the article and its parsed text."""

    article: Article
    doc: Doc
    _spans: dict[tuple[int, int], Span | None] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, candidate: Candidate) -> Span | None:
        """The tokens of a candidate; each of a dozen layers asks for most candidates, found once."""
        key = (candidate.start, candidate.end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return self._spans[key]

    def surface(self, candidate: Candidate) -> str:
        return self.text[candidate.start : candidate.end]


Correction = Callable[[list[Candidate], Context], list[Candidate]]
CORRECTIONS: list[tuple[str, Correction]] = []


def correction(name: str) -> Callable[[Correction], Correction]:
    """Register a correction layer; layers run in registration order."""

    def decorate(function: Correction) -> Correction:
        CORRECTIONS.append((name, function))
        return function

    return decorate


# --- lexicon views -------------------------------------------------------------------------------

@cache
def agency_names() -> dict[str, str]:
    """Folded agency or credit word → kind ('agency' or 'generic')."""
    return {fold(name): kind for name, kind in mapping("agencies", "name", "kind").items()}


@cache
def media_names() -> dict[str, str]:
    """Media and social network name → context rule ('always' or 'after')."""
    return mapping("media", "name", "context")


@cache
def folded_media() -> frozenset[str]:
    """Media names, folded for comparison: where words are published, never who said them."""
    return frozenset(fold(name) for name in media_names())


@cache
def non_entities() -> frozenset[str]:
    return frozenset(fold(word) for word in words("not_entities"))


@cache
def place_heads() -> frozenset[str]:
    return frozenset(words("place_heads", "noun", ("alone", "yes")))


@cache
def modified_place_heads() -> frozenset[str]:
    """Place heads, those that start a name only with a modifier included ("centre hospitalier de")."""
    return frozenset(words("place_heads"))


@cache
def state_place_heads() -> frozenset[str]:
    """Place heads that may name a whole country with its name ("l'État d'Israël", "les îles Fidji")."""
    return frozenset(words("place_heads", "noun", ("state", "yes")))


@cache
def institution_heads() -> dict[str, frozenset[str]]:
    """Head noun → the complement kinds that may name the body (nationality, proper, common)."""
    return {row["head"]: frozenset(row["complements"].split(",")) for row in rows("institution_heads")}


@cache
def _institution_head_words() -> frozenset[str]:
    return frozenset(institution_heads())


@cache
def honorifics() -> frozenset[str]:
    return frozenset(words("honorifics"))


ALL_COMPLEMENTS = frozenset({"nationality", "proper", "common"})


# --- helpers -------------------------------------------------------------------------------------

def _starts_upper(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _without_overlaps(kept: list[Candidate], new: list[Candidate]) -> list[Candidate]:
    """``new`` candidates replace any kept candidate they overlap (a sweep over sorted starts, not all pairs)."""
    ordered = sorted(new, key=lambda n: n.start)
    starts = [n.start for n in ordered]
    reach = list(accumulate((n.end for n in ordered), max))  # the furthest end among the first i new ones

    def overlapped(candidate: Candidate) -> bool:
        before_end = bisect_left(starts, candidate.end)  # new ones that start before the candidate ends
        return before_end > 0 and reach[before_end - 1] > candidate.start

    survivors = [c for c in kept if not overlapped(c)]
    return sorted(survivors + new, key=lambda c: (c.start, -c.end))


def in_credit(candidate: Candidate, article: Article) -> bool:
    span = article.credit_span
    return span is not None and candidate.start < span.end and span.start < candidate.end


@lru_cache(maxsize=1 << 14)
def is_acronym(surface: str) -> bool:
    """'FSR', 'USAC-CGT', 'S&P': two or more capitals and nothing but letters."""
    letters = re.sub(r"[.&-]", "", surface)
    return 2 <= len(letters) <= 10 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and surface.upper() == surface


# --- candidate sources ---------------------------------------------------------------------------

def ner_candidates(context: Context) -> list[Candidate]:
    """spaCy's entities, outside the photo credit (parsed on its own), each within one line: a name never runs
    on from one paragraph or caption into the next ("AFP" + newline + "LE POINT")."""
    found = []
    for ent in context.doc.ents:
        label = LABELS.get(ent.label_)
        if not label:
            continue
        start = ent.start_char
        for line in context.text[ent.start_char : ent.end_char].split("\n"):
            stripped = line.strip()
            if stripped:
                offset = start + line.index(stripped)
                candidate = Candidate(offset, offset + len(stripped), label)
                if not in_credit(candidate, context.article):
                    found.append(candidate)
            start += len(line) + 1
    return found


_CREDIT_LEAD = re.compile(r"(?i)^(?:(?:crédits?\s+photos?|crédits?|photos?|illustration|image)\s*:?\s+|©\s*)")


def credit_candidates(article: Article) -> list[Candidate]:
    """Agencies (ORG) and photographers (PER) named in the photo credit."""
    span = article.credit_span
    if span is None:
        return []
    found = []
    credit = article.text[span.start : span.end]
    for match in re.finditer(r"[^/]+", credit):
        for part in re.split(r"\s+via\s+|\s*,\s*", match.group()):
            name = part.strip()
            name = _CREDIT_LEAD.sub("", name, count=1)  # "PHOTO RAMIL SITDIKOV": the photographer
            if not name:
                continue
            offset = span.start + match.start() + match.group().index(name)
            kind = agency_names().get(fold(name))
            if kind == "agency" or (kind is None and _CREDIT_BODY.search(name)):
                found.append(Candidate(offset, offset + len(name), "ORG", "credit", fixed=True))
            elif kind is None and 2 <= len(name.split()) <= 4 and all(_starts_upper(w) for w in name.split()):
                found.append(Candidate(offset, offset + len(name), "PER", "credit", fixed=True))
    return found


# --- correction layers, in order -----------------------------------------------------------------

def _is_head(token: Token) -> bool:
    return token.lower_ in place_heads() or token.lower_ in institution_heads()


def _opens_sentence(token: Token) -> bool:
    """The first word of a sentence, perhaps behind an opening quotation mark or dash ("«Croyez-vous")."""
    return bool(token.is_sent_start) or (token.i > 0 and bool(token.doc[token.i - 1].is_sent_start)
                                         and token.doc[token.i - 1].text in _OPENING_MARKS)


def _article_opening_quote(candidate: Candidate, tokens: list[Token], context: Context) -> bool:
    """'« La France condamne ...': an article capitalised because it opens someone's quoted words, before a
    country, whose name never holds its article (unlike "« La Haye »", "« Le Pen »")."""
    first = tokens[0]
    if candidate.label == "PER" or first.i == 0 or first.doc[first.i - 1].text not in _OPENING_MARKS \
            or len(tokens) < 2:
        return False
    place = lookup(context.text[tokens[1].idx : tokens[-1].idx + len(tokens[-1].text)])
    return place is not None and place.feature == "country"


def _common_word_opening_sentence(tokens: list[Token]) -> bool:
    """A capitalised common word ("Attisé", "Nouveau") that opens a sentence before no other name.

    A common word is one the model's vocabulary knows in lowercase and that
    is not a place, an agency, or a word the text capitalises mid-sentence too.
    """
    first = tokens[0]
    if not _opens_sentence(first) or first.pos_ in ("PROPN", "X") or _is_head(first):
        return False
    if not first.vocab.has_vector(first.lower_):
        return False
    if any(_is_capitalised(t) for t in tokens[1:]) and not (len(tokens) > 2 and tokens[1].lower_ in _DE_FORMS):
        return False  # "Casse du Louvre" opens with a common word; "Steve Witkoff" does not
    if lookup(first.text) is not None or agency_names().get(fold(first.text)) is not None:
        return False
    return first.orth not in _mid_sentence_words(first.doc)


def _mid_sentence_words(doc: Doc) -> frozenset[int]:
    """The words (ids of their exact forms) the text writes somewhere other than where a sentence opens, as
    `_opens_sentence` reads it; computed once per Doc, from its arrays."""
    found = doc.user_data.get("vigie.mid_sentence_words")
    if not isinstance(found, frozenset):
        forms = doc.to_array(ORTH).tolist()
        starts = [start == 1 for start in doc.to_array(SENT_START).tolist()]
        marks = string_ids(frozenset(_OPENING_MARKS))
        found = frozenset(form for i, form in enumerate(forms) if not starts[i]
                          and not (i > 0 and starts[i - 1] and forms[i - 1] in marks))
        doc.user_data["vigie.mid_sentence_words"] = found
    return found


@cache
def _calendar_words() -> frozenset[str]:
    return frozenset(words("weekdays")) | frozenset(words("months"))


@cache
def _day_words() -> frozenset[str]:
    """Words that name a day: weekdays, and those relative to today ("hier", "demain")."""
    return frozenset(words("weekdays")) | frozenset(words("deictic_days"))


_SCORE_REST = re.compile(r"\s?[-–]\s?\d")


def _end_of(token: Token) -> int:
    return token.idx + len(token.text)


_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_]", re.DOTALL)  # two letters at least


@correction("trim_to_name")
def trim_to_name(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Cut what is not the name: articles, honorifics ("M. Cox"), common words before it
    ("locataire de Matignon"), a capitalised common word opening a sentence ("Attisé par le vent").

    A lowercase place or institution head ("bande de Gaza", "armée russe") is
    part of the name and stays.
    """
    result = []
    for candidate in candidates:
        span = context.span(candidate)
        if span is None:
            continue
        tokens = list(span)
        while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].text in honorifics() or (
                tokens[0].lower_ in _ARTICLES and (tokens[0].is_lower or tokens[0].is_sent_start
                                                   or _article_opening_quote(candidate, tokens, context)))):
            tokens.pop(0)
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in ".)":
            tokens.pop()
        while candidate.label == "PER" and len(tokens) > 1 and _opens_sentence(tokens[0]) \
                and tokens[0].lower_ in _day_words():
            tokens.pop(0)  # "Hier Dupont a parlé", "Mardi Lecornu a reçu": a person's name opens with no day
        if tokens and _common_word_opening_sentence(tokens):
            tokens.pop(0)
            while tokens and not _is_capitalised(tokens[0]):
                tokens.pop(0)
        if tokens and not _is_capitalised(tokens[0]) and not _is_head(tokens[0]):
            while tokens and not _is_capitalised(tokens[0]):
                tokens.pop(0)
        while candidate.label == "PER" and len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].is_alpha:
            tokens.pop()  # "Bruno Retailleau lundi": a person's name ends with a capitalised word
        while len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].lower_ in _calendar_words():
            tokens.pop()  # "l'Assemblée mardi": no name ends with a day or a month
        # "a battu Crystal Palace 3-0", "Real Madrid 2 – 1": the score is no part of the club's name
        while len(tokens) > 1 and tokens[-1].is_digit and _SCORE_REST.match(context.text, _end_of(tokens[-1])):
            tokens.pop()
        if len(tokens) > 3 and tokens[-1].is_digit and tokens[-2].text in ("-", "–") and tokens[-3].is_digit:
            del tokens[-3:]
        if len(tokens) > 2 and is_acronym(tokens[0].text) and all(t.is_title for t in tokens[1:]) \
                and _after_person_role(tokens[0]):
            # "le député RN Éric Ciotti": the party's initials between a role and a name are the party
            result.append(replace(candidate, start=tokens[0].idx, end=tokens[0].idx + len(tokens[0].text),
                                  label="ORG"))
            tokens = tokens[1:]
        if candidate.label == "PER" and len(tokens) > 2 and tokens[1].lower_ in ("du", "des"):
            tokens = tokens[2:]  # "Casse du Louvre": no person name has "du" in it
            candidate = replace(candidate, label="MISC")
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        written = context.text[start:end]
        if _LETTERS.search(written) is None or not any(map(str.isupper, written)):
            continue
        if context.text[end - 1 : end] in "'’" and context.text[end : end + 1] == "s":
            end += 1  # "Moody's"
        result.append(replace(candidate, start=start, end=end))
    return result


def _after_person_role(token: Token) -> bool:
    """Whether a word follows a person's role noun ("député", "maire", "sénatrice")."""
    return token.i > 0 and _is_person_role(token.doc[token.i - 1])


def _is_person_role(token: Token) -> bool:
    return token.is_lower and mapping("role_nouns", "noun", "type").get(token.lower_) == "PER"


@correction("article_names")
def article_names(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A capitalised article in mid-sentence opens a name that runs on past the noun:
    "La France insoumise" is a party, not "France". Known places ("Le Caire") stay places."""
    result = []
    for candidate in candidates:
        span = context.span(candidate)
        if span is not None and span.start > 0:
            before = span[0] if span[0].text in _CAPITAL_ARTICLES else context.doc[span.start - 1]
            after = context.doc[span.end] if span.end < len(context.doc) else None
            if before.text in _CAPITAL_ARTICLES and not before.is_sent_start and after is not None \
                    and after.pos_ == "ADJ" and after.is_lower and demonym_country(after.text) is None:
                name = context.text[before.idx : after.idx + len(after.text)]
                label = "LOC" if lookup(name) is not None else "ORG"
                candidate = replace(candidate, start=before.idx, end=after.idx + len(after.text), label=label,
                                    fixed=label == "ORG")
        result.append(candidate)
    return result


@cache
def _quoted_name_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in words("named_by_quotes"))
    return re.compile(rf"\b(?:{nouns})\s+[«\"“]\s*(?P<name>[A-ZÀ-Ý][^«»\"“”\n]{{1,40}}?)\s*[»\"”]")


@correction("quoted_names")
def quoted_names(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """'le mouvement « Bloquons tout »': a quoted name after a movement noun is an organisation,
    wherever else the same words are quoted."""
    names = {m.group("name") for m in _quoted_name_pattern().finditer(context.text)}
    found = []
    for name in names:
        for match in re.finditer(rf"(?<=[«\"“])\s*{re.escape(name)}(?=\s*[»\"”])", context.text):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            found.append(Candidate(start, match.end(), "ORG", "quoted", fixed=True))
    return _without_overlaps(candidates, found)


@correction("join_split_names")
def join_split_names(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Re-join names NER cut in two: "Bruno" + "Le Maire", "USAC-" + "CGT"."""
    result: list[Candidate] = []
    starts = {c.start for c in candidates}
    for candidate in candidates:
        if result:
            previous = result[-1]
            between = context.text[previous.end : candidate.start]
            same_person = previous.label == candidate.label == "PER" and between == " "
            if same_person or (between == "-" and previous.label in ("ORG", "MISC", "PER")):
                result[-1] = replace(previous, end=candidate.end, label=candidate.label)
                continue
            if between in ("", " ") and _ends_with_de(context.text[previous.start : previous.end]):
                # "l'Hôpital universitaire d'" + "Ostrava": a name does not end on "de"; the place is its complement
                result[-1] = replace(previous, end=candidate.end)
                continue
        if candidate.label == "PER":
            candidate = _with_rest_of_name(candidate, context, starts)
        elif candidate.label == "ORG":
            candidate = _with_rest_of_body_name(candidate, context, starts)
        candidate = _with_unknown_word_before(candidate, context, result[-1].end if result else 0)
        hyphenated = re.search(r"([A-ZÀ-Ý][\w]*-)+$", context.text[max(0, candidate.start - 30) : candidate.start])
        if hyphenated and candidate.label in ("ORG", "MISC"):
            candidate = replace(candidate, start=candidate.start - len(hyphenated.group()))
        result.append(candidate)
    return result


def _with_unknown_word_before(candidate: Candidate, context: Context, free_from: int) -> Candidate:
    """A name with the capitalised word NER left out before it when French does not know that word ("Pouria" +
    "Amirshahi"): a first name the model never met, not a common word opening the sentence ("Hier Dupont")."""
    span = context.span(candidate)
    if span is None or span.start == 0:
        return candidate
    word = context.doc[span.start - 1]
    if word.idx < free_from or word.whitespace_ != " " or not word.is_alpha or not word.is_title \
            or len(word.text) < 3 or word.vocab.has_vector(word.lower_) or word.lower_ in _calendar_words():
        return candidate
    return replace(candidate, start=word.idx)


def _ends_with_de(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and words[-1].casefold() in _DE_FORMS


def _with_rest_of_name(candidate: Candidate, context: Context, taken: set[int]) -> Candidate:
    """A person's name NER stopped short of, with the proper nouns that follow it straight on ("Ricardin" +
    "St Jean"), at most two."""
    return _with_words_after(candidate, context, taken, 2,
                             lambda token: token.pos_ == "PROPN" and _is_capitalised(token))


def _with_rest_of_body_name(candidate: Candidate, context: Context, taken: set[int]) -> Candidate:
    """An organisation's name NER stopped short of, with the capitalised common words that follow it straight on
    in running text ("France Nature" + "Environnement", "Force ouvrière" + "Police"), at most three: never a
    proper noun ("le patron d'Airbus Guillaume Faury"), a day or a month, or the Title Case of a headline."""
    if context.article.in_heading(candidate.start):
        return candidate
    return _with_words_after(candidate, context, taken, 3, lambda token: (
        token.is_title and token.is_alpha and token.pos_ in ("NOUN", "ADJ") and token.lower_ not in _calendar_words()))


def _with_words_after(candidate: Candidate, context: Context, taken: set[int], most: int,
                      belongs: Callable[[Token], bool]) -> Candidate:
    """A candidate with the words right after it that ``belongs`` accepts, at most ``most``, never into another
    candidate (``taken``: where they start). The parser may open a sentence there: no punctuation says one
    ends."""
    span = context.span(candidate)
    if span is None:
        return candidate
    end = span.end
    while end < min(span.end + most, len(context.doc)):
        token = context.doc[end]
        if not belongs(token) or context.doc[end - 1].whitespace_ != " " or token.idx in taken:
            break
        end += 1
    if end == span.end:
        return candidate
    last = context.doc[end - 1]
    return replace(candidate, end=last.idx + len(last.text))


@correction("drop_non_entities")
def drop_non_entities(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Titles, regimes and day names ("État" in "secrétaire d'État", "Ve République", "Mardi")
    name nobody; "République de Paris" (a prosecutor's title) keeps only "Paris"."""
    result = []
    for candidate in candidates:
        surface = context.surface(candidate)
        if fold(surface) in non_entities() or _INVERTED_SUBJECT.match(context.text, candidate.end):
            continue  # ... and a word with its subject pronoun hyphenated after it is a verb: "Croyez-vous"
        prefix = re.match(r"^(.+?)\s+(?:de la |de l['’]|du |des |de |d['’])", surface)
        if prefix and fold(prefix.group(1)) in non_entities():
            candidate = replace(candidate, start=candidate.start + prefix.end())
        result.append(candidate)
    return result


@correction("drop_common_words")
def drop_common_words(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """'Glyphosate : radiographie ...', 'Retraites : ...' as a headline: a word capitalised only because it opens
    its line or sentence, which the text writes in lowercase elsewhere, is a common word, not a name; unless it
    acts there ("Total a annoncé ...", "Orange relève ses tarifs"), and never a person ("Pierre")."""
    lowercase: set[str] | None = None
    result = []
    for candidate in candidates:
        surface = context.surface(candidate)
        span = context.span(candidate) if candidate.label != "PER" and surface.istitle() else None
        if span is not None and len(span) == 1 and not span[0].dep_.startswith("nsubj") and (
                span[0].is_sent_start or span.start == 0 or "\n" in context.doc[span.start - 1].text):
            if lowercase is None:
                lowercase = {t.text for t in context.doc if t.is_lower}
            if surface.lower() in lowercase:
                continue
        result.append(candidate)
    return result


@correction("drop_works")
def drop_works(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A title after the noun of a work ("la série Alphonse Président", "le film « Sirât »") names no entity,
    there or wherever the text repeats it."""
    doc = context.doc
    # where a title may start: after a work's noun ("série", "jeu vidéo"), past an opening mark
    nouns = work_nouns()
    openings = set()
    for i in positions_of(doc, _work_noun_starts()):
        if doc[i].lower_ in nouns:
            after = i + 1
        elif i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in nouns:
            after = i + 2
        else:
            continue
        while after < len(doc) and doc[after].text in _OPENING_MARKS:
            after += 1
        if after < len(doc):
            openings.add(doc[after].idx)
    titles = {fold(context.surface(c)) for c in candidates if c.start in openings}
    return [c for c in candidates if fold(context.surface(c)) not in titles] if titles else candidates


@cache
def work_nouns() -> frozenset[str]:
    """Nouns of works, lowercase ("film", "bd", "jeu vidéo")."""
    return frozenset(noun.lower() for noun in words("work_nouns"))


@cache
def _work_noun_starts() -> frozenset[str]:
    return frozenset(noun.split()[0] for noun in work_nouns())


_INVERTED_SUBJECT = re.compile(rf"(?:-t)?-(?:{'|'.join(sorted(function_words('subject_clitic')))})\b", re.IGNORECASE)
_OF = r"(?:de la |de l['’]|du |des |de |à la |aux? )"
# "ministre de l'Intérieur", "ministre délégué chargé des Transports", and the portfolios that follow in a
# list: "ministre du Travail, de la Santé, des Solidarités et des Familles"
_PORTFOLIO_BEFORE = re.compile(
    rf"(?i)\b(?:ministres?|secrétaires?\s+d['’][ée]tat|portefeuilles?)(?:\s+délégu[ée]e?s?)?(?:\s+chargée?s?)?"
    rf"\s+(?:{_OF}[^,.;:«»()]{{1,40}}?\s*(?:,|\bet)\s+)*{_OF}$")


@cache
def portfolio_names() -> frozenset[str]:
    return frozenset(fold(p) for p in words("portfolios"))


_PORTFOLIO_LIST = re.compile(r"\s*(?:,|\bet\b)\s*(?:(?:les|la|le|l'|l’|des|du|de la|de l'|de l’)\s*)?")


_DEFINED_ACRONYM = re.compile(r"(?P<words>(?:[a-zà-ÿ'’-]+\s+){1,9})\((?P<acronym>[A-Z]{2,8})\)")
_ACRONYM_GLUE = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en"})


_BRACKETED_ACRONYM = re.compile(r"\([A-Z]{2,8}\)")
_DEFINING_REACH = 400  # characters before "(ACRONYM)" that nine words of a definition fit in


def _defined_acronyms(text: str) -> Iterator[re.Match[str]]:
    """The matches of _DEFINED_ACRONYM, found from each bracketed acronym back: a scan of the whole text would
    try the nine-word pattern at every lowercase word."""
    position = 0
    for bracket in _BRACKETED_ACRONYM.finditer(text):
        match = _DEFINED_ACRONYM.search(text, max(position, bracket.start() - _DEFINING_REACH), bracket.end())
        if match is not None:
            yield match
            position = match.end()


@correction("common_term_acronyms")
def common_term_acronyms(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """An acronym the text defines as a common noun phrase names no entity, wherever it is used: "obligation de
    quitter le territoire français (OQTF)", "gaz naturel liquéfié (GNL)"; a body ("parquet national financier
    (PNF)") is one."""
    terms = set()
    for match in _defined_acronyms(context.text):
        words_before = re.findall(r"[a-zà-ÿ-]+|['’]", match.group("words"))
        acronym = match.group("acronym").casefold()
        for start in range(len(words_before)):  # the longest tail of the words whose initials spell it
            content = [w for w in words_before[start:] if w not in _ACRONYM_GLUE and w not in "'’"]
            if "".join(w[0] for w in content) == acronym:
                if words_before[start] not in institution_heads():
                    terms.add(match.group("acronym"))
                break
    return [c for c in candidates if context.surface(c) not in terms]


@correction("drop_portfolios")
def drop_portfolios(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """"ministre de l'Intérieur": the portfolio is not an entity (the ministère is, see institutions);
    "ministre de la Défense Roustem Oumerov" keeps the person."""
    result = []
    for candidate in candidates:
        before = context.text[max(0, candidate.start - 160) : candidate.start]
        surface = fold(context.text[candidate.start : candidate.end])
        parts = [part for part in _PORTFOLIO_LIST.split(surface) if part]
        if all(part in portfolio_names() for part in parts) \
                and not re.search(r"(?i)\bminist[èe]re\s+\S+\s*$", before):
            continue  # "Gérald Darmanin à la Justice", "les Solidarités et les Familles": jobs, not entities
        if _PORTFOLIO_BEFORE.search(before):
            span = context.span(candidate)
            if span is None or len(span) == 1:
                continue
            rest = span[1:]
            if not _is_capitalised(rest[0]):
                continue
            candidate = replace(candidate, start=rest[0].idx)
        result.append(candidate)
    return result


@correction("drop_demonyms")
def drop_demonyms(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Nationality words ("les Américains", "Européens") and demonyms of towns and regions ("les Parisiens",
    "le Québécois X") are not entities; a newspaper named after its readers ("Le Parisien") is."""
    return [c for c in candidates if demonym_country(surface := context.surface(c)) is None and (
        local_demonym_place(surface) is None or fold(surface) in folded_media())]


_CONTRACTIONS = {"Le": "au|du", "Les": "aux|des"}


@cache
def _contracted_media() -> tuple[tuple[str, str], ...]:
    """Media titles that open with "Le" or "Les", always named so: the contractions that hold their article
    and the rest of the title ("Le Parisien" → "au|du", "Parisien"); French writes "au Parisien"."""
    return tuple((_CONTRACTIONS[article], rest) for name, rule in media_names().items()
                 if rule == "always" and " " in name and (article := name.split(" ", 1)[0]) in _CONTRACTIONS
                 and (rest := name.split(" ", 1)[1]))


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _words_of(name: str) -> tuple[str, ...]:
    """The words of a name as ``_WORD`` cuts the text ("Ouest", "France" of "Ouest-France")."""
    return tuple(_WORD.findall(name)) or (name,)


@correction("agencies_and_media")
def agencies_and_media(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """News and photo agencies, media and social networks are ORG, whatever NER said."""
    result = []
    for candidate in candidates:
        name = context.surface(candidate)
        # a name that is also a common word or a first name ("Marianne", "Signal") only after its cue, below
        if agency_names().get(fold(name)) == "agency" or media_names().get(name) == "always":
            candidate = replace(candidate, label="ORG", fixed=True)
        result.append(candidate)
    found = []
    present = frozenset(_WORD.findall(context.text))
    for name, rule in media_names().items():
        if not present.issuperset(_words_of(name)):
            continue  # most names are absent: set look-ups spare compiling and running their pattern
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        if rule == "after":
            pattern = rf"(?:\b(?i:sur|compte|réseau social|plateforme)\s+){pattern}"
        for match in re.finditer(pattern, context.text):
            start = match.end() - len(name)
            found.append(Candidate(start, match.end(), "ORG", "media", fixed=True))
    for contractions, bare in _contracted_media():
        # "un entretien au Parisien", "selon des sources du Monde": "au", "du" hold the title's "Le"
        if not present.issuperset(_words_of(bare)):
            continue  # as above
        for match in re.finditer(rf"\b(?:{contractions})\s+({re.escape(bare)})(?![\w-])", context.text):
            found.append(Candidate(match.start(1), match.end(1), "ORG", "media", fixed=True))
    found += credit_candidates(context.article)
    return _without_overlaps(result, found)


@correction("institutions")
def institutions(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Named bodies built on a head noun: "ministère russe de la Défense", "armée soudanaise",
    "préfecture de l'Aude", "coalition des volontaires", "Conseil des ministres"."""
    found = []
    doc = context.doc
    after_last = 0  # a head inside a body already found starts nothing
    for i in positions_of(doc, _institution_head_words()):
        if i < after_last:
            continue
        token = doc[i]
        allowed = institution_heads()[token.lower_]
        if token.text[0].isupper() and not token.is_sent_start:
            allowed = ALL_COMPLEMENTS
        end, kinds = _institution_end(doc, i, allowed)
        if kinds == {"common"} and token.is_lower and i > 0 and doc[i - 1].lower_ in _INDEFINITES:
            end = i + 1  # "la commission des lois" names a body; "une commission d'enquête", any
        if not kinds:  # "la Commission nationale informatique et libertés (CNIL)": up to its acronym
            end = max(end, _acronym_defined_end(doc, i))
        candidate = Candidate(token.idx, doc[end - 1].idx + len(doc[end - 1].text), "ORG", "institution", fixed=True)
        if end > i + 1 and not in_credit(candidate, context.article):
            found.append(candidate)
            after_last = end
    return _without_overlaps(candidates, found)


SHORT_FORM = re.compile(r"[A-Z][A-Za-z]{1,9}")  # an acronym written as a word: "Pnat", "Sdis"


def _acronym_defined_end(doc: Doc, head: int) -> int:
    """One past a lowercase body name that the text abbreviates right after it, else head + 1: "parquet national
    antiterroriste (Pnat)", "service départemental d'incendie et de secours (Sdis)". The acronym is what says
    the words are a name, not a description."""
    position = head + 1
    while position < len(doc):
        token = doc[position]
        adjective = token.pos_ == "ADJ" and token.is_lower and not demonym_country(token.text)
        following = doc[position + 1] if position + 1 < len(doc) else None
        joined = token.lower_ == "et" and following is not None and following.lower_ in _DE_FORMS
        if adjective or joined:
            position += 1
        elif token.lower_ == "et" and following is not None and following.is_lower and following.pos_ == "NOUN":
            position += 2  # "Commission nationale informatique et libertés (CNIL)"
        elif (found := _complement(doc, position)) is not None and found[1] == "common":
            position = found[0]
        else:
            break
    if position > head + 1 and position + 2 < len(doc) and doc[position].text == "(" \
            and SHORT_FORM.fullmatch(doc[position + 1].text) and doc[position + 2].text == ")":
        return position
    return head + 1


def _complement(doc: Doc, start: int) -> tuple[int, str] | None:
    """The complement that starts at ``start``: (end, kind), or None."""
    token = doc[start]
    if token.pos_ == "ADJ" and demonym_country(token.text):
        return start + 1, "nationality"
    if token.lower_ not in _DE_FORMS:
        return None
    j = start + 1
    while j < len(doc) and doc[j].lower_ in _ARTICLES:
        j += 1
    if j >= len(doc) or doc[j].is_sent_start:
        return None
    if _is_capitalised(doc[j]):
        k = j
        while k < len(doc) and (_is_capitalised(doc[k]) or (doc[k].text in "-" and k + 1 < len(doc))):
            k += 1
        return k, "proper"
    for k in (3, 2, 1):  # a portfolio in lowercase names the body too: "ministère qatari des affaires étrangères"
        words_after = doc[j : j + k]
        if j + k <= len(doc) and all(t.is_alpha for t in words_after) and fold(words_after.text) in portfolio_names():
            return j + k, "proper"
    if doc[j].pos_ == "NOUN":
        return j + 1, "common"
    return None


def _institution_end(doc: Doc, head: int, allowed: frozenset[str]) -> tuple[int, set[str]]:
    """Token index one past the institution name that starts at ``head`` (head + 1 if none), and the kinds of
    complement the name takes.

    Plain adjectives ("police nationale ukrainienne") and plain noun complements
    ("armée de l'air ukrainienne") are taken only when an allowed complement follows.
    """
    end = head + 1
    kinds: set[str] = set()
    position = head + 1
    named = doc[head].is_title and not doc[head].is_sent_start  # "le Conseil constitutionnel": a proper name
    while position < len(doc):
        if doc[position].pos_ == "ADJ" and not demonym_country(doc[position].text) and doc[position].is_lower:
            position += 1
            if named and end == position - 1:
                end = position
            continue
        found = _complement(doc, position)
        if found is None:
            break
        position, kind = found
        if kind in allowed:
            while position < len(doc) and doc[position].pos_ == "ADJ" and doc[position].is_lower:
                position += 1  # "de l'aviation civile"
            end = position
            kinds.add(kind)
        elif kind != "common":
            break
    return end, kinds


def _indefinite(head: Token) -> bool:
    """'un château des Pays de la Loire', 'une rue de Paris': one of many, not the one a name designates."""
    return head.i > 0 and head.doc[head.i - 1].lower_ in _INDEFINITES


def _instead_of(head: Token) -> bool:
    """'à la place de X', 'en lieu et place de X': instead of X, no square."""
    before = " ".join(t.lower_ for t in head.doc[max(0, head.i - 3) : head.i])
    return head.lower_ == "place" and before.endswith(("à la", "lieu et"))


@cache
def place_designators() -> frozenset[str]:
    """Nouns that make the name after them a place without being part of it ("le lieu-dit Mouriscou")."""
    return frozenset(words("place_designators"))


def _word_before(doc: Doc, i: int) -> Span | None:
    """The tokens of the space-delimited word that ends right before token ``i`` ("lieu-dit": three tokens)."""
    if i == 0 or doc[i - 1].whitespace_ == "":
        return None
    start = i - 1
    while start > 0 and doc[start - 1].whitespace_ == "" and "-" in (doc[start - 1].text, doc[start].text):
        start -= 1
    return doc[start:i]


@cache
def body_heads() -> frozenset[str]:
    return frozenset(words("body_heads"))


@cache
def _all_heads() -> frozenset[str]:
    return modified_place_heads() | body_heads()


_MAX_MODIFIERS = 3


def _modified_head(doc: Doc, i: int) -> tuple[Token, str] | None:
    """The head noun of a place or a body whose modifiers end right before token ``i``: lowercase adjectives
    and "de" + a common noun ("centre hospitalier", "centre des congrès", "section de recherches"), with its
    type (LOC for a place head, ORG for a body head); a body head needs no modifier ("institut Ramazzini")."""
    k, modifiers = i - 1, 0
    while k > 0 and modifiers <= _MAX_MODIFIERS:
        word = doc[k]
        if word.lower_ in body_heads() and word.is_lower:
            return (word, "ORG") if not _indefinite(word) else None
        if modifiers and word.lower_ in modified_place_heads() and word.is_lower and not _instead_of(word):
            return (word, "LOC") if not _indefinite(word) else None
        if word.is_lower and word.is_alpha and (word.pos_ == "ADJ" or (
                word.pos_ == "NOUN" and doc[k - 1].lower_ in _all_heads())):
            k -= 1  # "centre hospitalier", and "centre pénitentiaire" that the tagger calls a noun
        elif word.is_lower and word.is_alpha and word.pos_ == "NOUN" and doc[k - 1].lower_ in _DE_FORMS:
            k -= 2
        else:
            return None
        modifiers += 1
    return None


@correction("place_heads")
def place_heads_layer(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Keep the head of a place name: "région de Soumy", "bande de Gaza", "massif des Corbières"."""
    result = []
    doc = context.doc
    for candidate in candidates:
        span = context.span(candidate)
        if span is not None and span.start >= 2 and candidate.label in ("LOC", "MISC", "ORG", "PER"):
            j = span.start - 1
            while j > 0 and doc[j].lower_ in _ARTICLES:
                j -= 1
            # a person's full name after the head is whose it is: "la bande d'Edouard Baer", "le camp de Marine Le Pen"
            full_name = candidate.label == "PER" and len(span) > 1 and all(_is_capitalised(t) for t in span)
            if doc[j].lower_ in _DE_FORMS and j >= 1 and doc[j - 1].lower_ in place_heads() \
                    and not _instead_of(doc[j - 1]) and not _indefinite(doc[j - 1]) and not full_name:
                head = doc[j - 1]
                candidate = replace(candidate, start=head.idx, label="LOC", fixed=True)
            elif doc[span.start - 1].lower_ in place_heads() and candidate.label in ("LOC", "PER", "MISC") \
                    and not _indefinite(doc[span.start - 1]):
                head = doc[span.start - 1]  # "place Beauvau", "université Utah Valley"
                candidate = replace(candidate, start=head.idx, label="LOC", fixed=True)
            elif not full_name and (headed := _modified_head(doc, j if doc[j].lower_ in _DE_FORMS else span.start)):
                # "centre hospitalier de Colmar", "station de métro Clemenceau", "groupement militaire Sever"
                head, label = headed
                candidate = replace(candidate, start=head.idx, label=label, fixed=True)
            elif (word := _word_before(doc, span.start)) is not None and word.text in place_designators():
                candidate = replace(candidate, label="LOC", fixed=True)  # "le lieu-dit Mouriscou", "le village de X"
            elif doc[j].lower_ in _DE_FORMS and (word := _word_before(doc, j)) is not None \
                    and word.text in place_designators():
                candidate = replace(candidate, label="LOC", fixed=True)
        if span is not None and span[0].lower_ in place_heads() and not candidate.fixed:
            candidate = replace(candidate, label="LOC")
        result.append(candidate)
    return result


@correction("qualified_places")
def qualified_places(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """'Washington, DC' is one place, not a city and a stray 'DC'."""
    result: list[Candidate] = []
    skip_until = -1
    for candidate in candidates:
        if candidate.start < skip_until:
            continue
        if candidate.label in ("LOC", "ORG", "MISC") and not candidate.fixed:
            match = _US_STATE_SUFFIX.match(context.text[candidate.end : candidate.end + 8])
            if match and match.group().strip(", ."):
                candidate = replace(candidate, end=candidate.end + match.end(), label="LOC")
                skip_until = candidate.end
        result.append(candidate)
    return result


def _introduced_as_person(span: Span | None) -> bool:
    """A name of two or more capitalised words right after a person's role noun, adjectives between ("le
    président turc Recep Tayyip Erdogan", "la ministre Anne Dupont")."""
    if span is None or len(span) < 2 or not all(_is_capitalised(t) or t.is_punct for t in span):
        return False
    for token in reversed(span.doc[max(0, span.start - 3) : span.start]):
        if _is_person_role(token):
            return True
        if not (token.is_lower and token.pos_ == "ADJ"):
            return False
    return False


_REGION_DEMONYM = re.compile(r"(?<![\w-])(?i:région)\s+(?P<demonym>[a-zà-ÿ]+)(?![\w-])")


@correction("demonym_regions")
def demonym_regions(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """'la région parisienne', 'la région bruxelloise': a region named by its town's demonym is a place."""
    found = [Candidate(match.start(), match.end(), "LOC", "demonym_region", fixed=True)
             for match in _REGION_DEMONYM.finditer(context.text)
             if local_demonym_place(match.group("demonym")) is not None]
    return _without_overlaps(candidates, found) if found else candidates


@correction("resolve_misc")
def resolve_misc(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """MISC is not a type we keep: acronyms become ORG, known places LOC, the rest goes."""
    result = []
    for candidate in candidates:
        if candidate.label == "MISC" and is_acronym(context.surface(candidate)):
            candidate = replace(candidate, label="ORG")  # "(FSR)", "USAC-CGT"
        if candidate.label == "MISC" and _introduced_as_person(context.span(candidate)):
            candidate = replace(candidate, label="PER")  # "son homologue turc Recep Tayyip Erdogan"
        if candidate.label == "MISC":
            span = context.span(candidate)
            if lookup(context.surface(candidate)) is None or span is None or span[0].is_sent_start:
                continue
            candidate = replace(candidate, label="LOC")
        result.append(candidate)
    return result


_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w-]{3,}(?![\w-])")


_AGED_NAME = re.compile(r"(?<![\w-])(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)?),\s+"
                        r"(?:âgée?s?\s+de\s+)?\d{1,3}\s+ans\b")


@correction("aged_names")
def aged_names(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A name followed by an age is a person, however NER read it: "Cloé, 27 ans", "Simon Petit, 34 ans"
    (news writes interviewees so)."""
    found = []
    for match in _AGED_NAME.finditer(context.text):
        candidate = Candidate(match.start("name"), match.end("name"), "PER", "age")
        span = context.span(candidate)
        if span is None or (span[0].is_sent_start and span[0].pos_ != "PROPN") \
                or lookup(match.group("name")) is not None:
            # "Paris, 27 ans de mandat": a place; "Hier, 34 ans après": a word that opens its sentence with a
            # capital ("Julie, 34 ans, habite ..." opens hers with a name)
            continue
        if not any(_overlaps(candidate, c) for c in candidates):
            found.append(candidate)
    return sorted(candidates + found, key=lambda c: (c.start, -c.end))


_ROMAN = re.compile(r"[IVX]{1,5}")  # "Charles III", "Léon XIV"


@correction("titled_names")
def titled_names(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """The capitalised words right after a person's role noun are that person's name, however NER read them:
    "le pape François" (a town's name too), "la juge Morel", "le roi Charles III". An acronym there is a party
    or a body ("le député LFI")."""
    doc = context.doc
    found = []
    for role in positions_of(doc, _person_roles()):
        if not _is_person_role(doc[role]):
            continue
        end = role + 1
        while end < len(doc) and end < role + 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and (not doc[end].text.isupper() or (end > role + 1 and _ROMAN.fullmatch(doc[end].text))):
            end += 1
        if end == role + 1:
            continue
        candidate = Candidate(doc[role + 1].idx, doc[end - 1].idx + len(doc[end - 1].text), "PER", "titled", fixed=True)
        if not any(_overlaps(candidate, c) for c in candidates):
            found.append(candidate)
    return sorted(candidates + found, key=lambda c: (c.start, -c.end))


@correction("first_named")
def first_named(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A first name given to men or to women nearly always (`first_names.tsv`), with a capitalised surname
    after it or alone mid-sentence or before a comma, is a person, however NER read it ("La police a arrêté
    Mohamed Amra", tagged as a noun and a stray name; "Zineb, elle, a quitté le métier"). The surname must
    be no place the gazetteer knows ("Marie France" stays for NER)."""
    doc = context.doc
    candidates = [_person_if_first_name(c, context) for c in candidates]
    found = []
    for first in positions_of(doc, _first_names()):
        token = doc[first]
        if not token.text[:1].isupper() or first + 1 >= len(doc):
            continue
        end = first + 1
        while end < len(doc) and end < first + 3 and doc[end].text[:1].isupper() and doc[end].is_alpha \
                and doc[end].whitespace_ != "\n" and lookup(doc[end].text) is None:
            end += 1
        if end == first + 1 and token.is_sent_start and doc[end].text != ",":
            continue  # a first name alone is a person mid-sentence ("a confié Zineb") or before a comma
        candidate = Candidate(token.idx, doc[end - 1].idx + len(doc[end - 1].text), "PER", "first_name")
        if not any(_overlaps(candidate, c) for c in candidates) and not in_credit(candidate, context.article):
            found.append(candidate)
    return sorted(candidates + found, key=lambda c: (c.start, -c.end))


_KNOWN_PLACE_POPULATION = 50_000  # a first name that is also a city this large ("Florence", "Nancy") stays a place


def person_first_name(surface: str) -> bool:
    """'Nadia', 'Paul': a first name written alone, which names a person unless it is the very name of a country,
    of a French region ("Aude", "Savoie") or of a large city ("Florence"); a place that has it among its other
    names ("Nadia" for Navadwīp) or a district abroad does not count."""
    if " " in surface or surface.casefold() not in _first_names():
        return False
    place = lookup(surface)
    return place is None or fold(place.name) != fold(surface) or not (
        place.feature == "country" or (place.feature == "region" and place.country_code == "FR")
        or place.population >= _KNOWN_PLACE_POPULATION)


def _person_if_first_name(candidate: Candidate, context: Context) -> Candidate:
    """'Sa voisine, Nadia, renchérit': a first name alone that NER took for a place or a body is a person."""
    if candidate.label == "PER" or candidate.fixed or not person_first_name(context.surface(candidate)):
        return candidate
    return replace(candidate, label="PER")


@cache
def _first_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in mapping("first_names", "name", "gender"))


@cache
def _person_roles() -> frozenset[str]:
    return frozenset(noun for noun, kind in mapping("role_nouns", "noun", "type").items() if kind == "PER")


@correction("missed_countries")
def missed_countries(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Country names NER did not tag ("Guerre en Ukraine" read as one MISC)."""
    found = []
    for word in _CAPITALISED_WORD.finditer(context.text):  # a scan of the text: no Token built per word
        place = lookup(unify_apostrophes(word.group()))
        if place is None or place.feature != "country":
            continue
        candidate = Candidate(word.start(), word.end(), "LOC", "gazetteer")
        if not any(_overlaps(candidate, c) for c in candidates) and not in_credit(candidate, context.article):
            found.append(candidate)
    return sorted(candidates + found, key=lambda c: (c.start, -c.end))


_LIST_SEPARATOR = re.compile(r",\s*|\s+(?:et|ou)\s+|,\s+(?:et|ou)\s+")


@correction("listed_people")
def listed_people(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A name in a list of people is a person: "Eitan Mor, Matan Angrest, Omri Miran et Alon Ohel" (NER took
    unfamiliar names for places). The list is names joined by commas and "et"; most of it are persons, the
    rest are names no gazetteer knows as places, and nothing in it is a body or a known place."""
    lists: list[list[int]] = []
    for index, candidate in enumerate(candidates):
        previous = candidates[index - 1] if index else None
        if previous is not None and _LIST_SEPARATOR.fullmatch(context.text[previous.end : candidate.start]):
            lists[-1].append(index)
        else:
            lists.append([index])
    def unknown(candidate: Candidate) -> bool:  # a place or a thing to NER, but no place the gazetteer knows
        return candidate.label in ("LOC", "MISC") and not candidate.fixed \
            and lookup(context.surface(candidate)) is None

    result = list(candidates)
    for members in lists:
        opening = candidates[members[0]].start
        head = re.search(r"(\w+)\s+$", context.text[max(0, opening - 30) : opening])
        if head is not None and head.group(1).lower().removesuffix("s") in place_heads():
            continue  # "les tunnels Annie Cordy, Botanique et Rogier": places named after people
        people = sum(candidates[i].label == "PER" for i in members)
        strangers = [i for i in members if unknown(candidates[i])]
        if people >= 2 and people > len(strangers) and people + len(strangers) == len(members):
            for index in strangers:
                result[index] = replace(candidates[index], label="PER")
    return result


def find_candidates(article: Article, doc: Doc) -> list[Candidate]:
    """All entity mentions of an article, after every correction layer."""
    context = Context(article, doc)
    candidates = ner_candidates(context)
    for _name, layer in CORRECTIONS:
        candidates = layer(candidates, context)
    return candidates
