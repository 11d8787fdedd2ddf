"""The dates stage: every date expression of an article, resolved like an editor would.

The reference is the publication date (inferred from the text when it is
not given), or the day of speaking for words inside a quote when the
sentence says when they were said. The tense of the governing verb picks
which "mardi" is meant; "la veille" and "le lendemain" count from the date
of the event just mentioned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from vigie.extract.quotations import find_quoted
from vigie.extract.temporal import (
    Expression,
    Tense,
    anaphoric_offset,
    find_expressions,
    part_of_day,
    resolve,
    weekdays,
)
from vigie.lexicon import verbs_of_class, words
from vigie.model import Article, TimeExpression
from vigie.model import Span as TextSpan
from vigie.stages import register_stage

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LEAD_WINDOW_DAYS = 7  # the reported event happened within the week before publication
_FUTURE_AUXILIARIES = verbs_of_class("future_auxiliary")
# Verbs whose compound past takes "être" ("est rentré"): not passives.
_ETRE_VERBS = verbs_of_class("etre_auxiliary")
# Future and conditional endings, which the tagger often labels present or imperfect ("remettra").
_FUTURE_ENDING = re.compile(r"r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")
_FORWARD_CUES = re.compile(r"(?:\bjusqu['’]à|\bà\s+partir\s+de|\bavant)\s*$", re.IGNORECASE)
_DEADLINE_CUES = re.compile(r"(?:\bd['’]ici(?:\s+à)?|\bpour)\s*$", re.IGNORECASE)  # always ahead of the speaker
_BACKWARD_CUES = re.compile(r"\bdepuis\b[^.;:!?«»\"]{0,40}$", re.IGNORECASE)


def clause_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb that governs the characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return Tense.UNKNOWN
    token: Token | None = span.root
    for _ in range(6):
        if token is None:
            break
        copula = next((c for c in token.children if c.dep_ == "cop"), None)
        if copula is not None and token.pos_ != "VERB":
            return verb_tense(copula)  # "sont incertains pour samedi": the predicate's tense is its copula's
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.dep_ == "ROOT"):
            tense = verb_tense(token)
            if tense is not Tense.UNKNOWN or "Inf" not in token.morph.get("VerbForm", []) or token.head.i == token.i:
                return tense  # an infinitive takes its tense from the verb above ("peuvent rêver")
        if token.head.i == token.i:
            break
        token = token.head
    return Tense.UNKNOWN


def verb_tense(verb: Token) -> Tense:
    """Past, present or future, from the verb's morphology and its auxiliaries."""
    auxiliaries = [child for child in verb.children if child.dep_.startswith("aux")]
    participle = "Part" in verb.morph.get("VerbForm", [])
    compound_past = verb.lemma_ in _ETRE_VERBS or any(c.dep_ == "expl:comp" for c in verb.children)
    # "est attendu mercredi": a passive the parser took for a compound past ("est arrivé")
    passive = not compound_past and "Pass" in verb.morph.get("Voice", [])
    for aux in auxiliaries:
        tense = aux.morph.get("Tense", [])
        if aux.lemma_ in _FUTURE_AUXILIARIES and "Pres" in tense:
            return Tense.FUTURE
        if participle and ((aux.dep_ == "aux:tense" and not (aux.lemma_ == "être" and passive))
                           or (aux.lemma_ == "être" and compound_past)):
            return Tense.FUTURE if "Fut" in tense or _FUTURE_ENDING.search(aux.lower_) else Tense.PAST
    for aux in auxiliaries:  # a passive without a tense auxiliary: "est fixé", "sera renouvelée", "est attendu"
        if participle and (aux.dep_ == "aux:pass" or (aux.lemma_ == "être" and passive)):
            return verb_tense(aux)
    if participle and not auxiliaries and verb.head.i != verb.i and verb.dep_ in ("acl", "acl:relcl", "amod") \
            and not any(c.dep_ == "obl:agent" for c in verb.children):
        return Tense.UNKNOWN  # "prévue le 15 septembre" is an adjective; "renversé lundi par X" an event
    if verb.lemma_ in _FUTURE_AUXILIARIES and any(c.morph.get("VerbForm", []) == ["Inf"] for c in verb.children):
        # "doit pointer samedi" is ahead; "devait pointer ce samedi" was ahead of a past moment: either side of now
        return Tense.UNKNOWN if "Imp" in verb.morph.get("Tense", []) else Tense.FUTURE
    tense = verb.morph.get("Tense", [])
    mood = verb.morph.get("Mood", [])
    finite = "Fin" in verb.morph.get("VerbForm", [])
    if "Fut" in tense or "Cnd" in mood or (finite and _FUTURE_ENDING.search(verb.lower_)):
        return Tense.FUTURE
    if "Past" in tense or "Imp" in tense:
        return Tense.PAST
    if participle:
        return Tense.PAST
    if "Pres" in tense:
        return Tense.PRESENT
    return Tense.UNKNOWN


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches, marks included, as the quotes stage reads them (one paragraph at a time)."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        for quoted in find_quoted(line.group(), line.start()):
            spans.append((quoted.open_mark, quoted.close_mark if quoted.close_mark is not None else quoted.end))
    return spans


def _sentence_of(doc: Doc, offset: int) -> Span | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def _since(resolved: list[tuple[Expression, str]], start: int) -> list[tuple[Expression, str]]:
    """The resolved expressions (in reading order) from offset ``start`` on, found from the end."""
    first = len(resolved)
    while first > 0 and resolved[first - 1][0].start >= start:
        first -= 1
    return resolved[first:]


def _speech_reference(expression: Expression, resolved: list[tuple[Expression, str]],
                      following: Iterator[Expression], quotes: list[tuple[int, int]], doc: Doc, ref: dt.date,
                      lead: dt.date | None) -> dt.date | None:
    """The day quoted words were said: a date outside the quote in the same sentence (``following``: the
    expressions after this one, in order), or, when the reporting verb is in the past, the day of the event the article
    reports (its lead date)."""
    inside = next(((s, e) for s, e in quotes if s < expression.start < e), None)
    if inside is None:
        return None
    sentence = _sentence_of(doc, expression.start)
    if sentence is None:
        return None
    earlier = [(other, value) for other, value in _since(resolved, sentence.start_char)]
    for other, value in earlier:
        outside = not (inside[0] < other.start < inside[1])
        if outside and other.start < sentence.end_char and _DAY_VALUE.match(value):
            return dt.date.fromisoformat(value)
    if expression.kind not in ("deictic", "this_part"):
        return None  # a weekday or a calendar date does not move with the day of speaking
    # "« ... annoncer ce soir ... », a déclaré lundi soir X": the day the reporting clause gives after the quote
    for _, said in _days_later_in_sentence(following, sentence, quotes, doc, ref):
        return said
    clause = list(sentence)
    if sentence.end < len(doc) and doc[sentence.end].text == ",":
        clause += doc[sentence.end].sent  # the parser ended the sentence at the quote: its incise comes next
    reporting = [t for t in clause if t.pos_ in ("VERB", "AUX") and not inside[0] <= t.idx < inside[1]]
    verb = reporting[0].head if reporting and reporting[0].pos_ == "AUX" else reporting[0] if reporting else None
    if lead is not None and lead < ref and verb is not None and verb_tense(verb) is Tense.PAST:
        return lead
    return None


def _anchor(expression: Expression, resolved: list[tuple[Expression, str]], text: str,
            lead: dt.date | None, pointed: bool) -> dt.date | None:
    """The date of the event "la veille" or "le même jour" counts from.

    The last day-precise date (not itself anaphoric) earlier in the same
    paragraph, or anywhere before for a day pointed at with "-là" ("ce
    soir-là" is the last day the text gave); otherwise the article's lead
    date (its first day-precise date in the body in the week before
    publication), the day of the main event. An article with no lead date
    (an announcement of what is to come) counts from the last day it gave,
    whatever its paragraph.
    """
    paragraph_start = 0 if pointed or lead is None else text.rfind("\n", 0, expression.start) + 1
    for other, value in reversed(resolved):  # reading order: stop at the paragraph's start
        if other.start < paragraph_start:
            break
        if other.start < expression.start and _DAY_VALUE.match(value) and other.kind != "anaphoric":
            return dt.date.fromisoformat(value)
    return lead


def _sentence_year(expression: Expression, resolved: list[tuple[Expression, str]], doc: Doc) -> str | None:
    """A year said earlier in the same sentence ("en 97 (en janvier...)") dates a bare month."""
    sentence = _sentence_of(doc, expression.start)
    if sentence is None:
        return None
    for other, value in reversed(resolved):  # reading order: stop at the sentence's start
        if other.start < sentence.start_char:
            break
        if other.start < expression.start and re.fullmatch(r"\d{4}", value):
            return value
    return None


def _year_later_in_sentence(following: Iterator[Expression], doc: Doc, offset: int, ref: dt.date) -> str | None:
    """A year said after ``offset`` in its sentence ("à la même époque l'an dernier")."""
    sentence = _sentence_of(doc, offset)
    if sentence is None:
        return None
    for other in following:
        if other.start >= sentence.end_char:
            return None
        value = resolve(other, ref, clause_tense(doc, other.start, other.end))
        if value is not None and re.fullmatch(r"\d{4}", value):
            return value
    return None


def _after(ordered: list[Expression], index: int) -> Iterator[Expression]:
    """The expressions after the one at ``index``, in reading order, without copying the list."""
    return (ordered[i] for i in range(index + 1, len(ordered)))


def _day_after_anchor(expression: Expression, resolved: list[tuple[Expression, str]],
                      following: Iterator[Expression], quotes: list[tuple[int, int]], doc: Doc, text: str,
                      ref: dt.date) -> tuple[dt.date | None, int]:
    """What "au lendemain de X" counts from, and by how many days: the day after X when its complement dates
    X ("au lendemain de l'attaque de samedi"); else the day its own clause gives ("a affirmé vendredi, au
    lendemain d'un discours", "hier, au lendemain de"); else, with no date in its sentence, the day of
    writing (None)."""
    sentence = _sentence_of(doc, expression.start)
    if sentence is None:
        return None, 0
    comma = text.find(",", expression.end, sentence.end_char)
    complement_end = comma if comma >= 0 else sentence.end_char
    later = next(_days_later_in_sentence(following, sentence, quotes, doc, ref), None)
    if later is not None and later[0].start < complement_end:
        return later[1], 1
    earlier = [dt.date.fromisoformat(value) for other, value in _since(resolved, sentence.start_char)
               if not _quoted(other.start, quotes) and _DAY_VALUE.match(value)]
    return (earlier[-1] if earlier else later[1] if later else None), 0


def _quoted(offset: int, quotes: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in quotes)


def _days_later_in_sentence(following: Iterator[Expression], sentence: Span, quotes: list[tuple[int, int]],
                            doc: Doc, ref: dt.date) -> Iterator[tuple[Expression, dt.date]]:
    """The day-precise expressions after one, outside quotes and before its sentence ends, with their days."""
    for other in following:
        if other.start >= sentence.end_char:
            return
        value = None if _quoted(other.start, quotes) else resolve(other, ref, clause_tense(doc, other.start, other.end))
        if value is not None and _DAY_VALUE.match(value):
            yield other, dt.date.fromisoformat(value)


def resolve_all(expressions: Iterable[Expression], ref: dt.date, doc: Doc, text: str,
                body_start: int = 0) -> list[TimeExpression]:
    """Resolve expressions in reading order; anaphora and quotes see what came before."""
    quotes = quote_spans(text)
    resolved: list[tuple[Expression, str]] = []
    lead: dt.date | None = None
    dates = []
    ordered = list(expressions)
    for index, expression in enumerate(ordered):
        tense = clause_tense(doc, expression.start, expression.end)
        before = text[max(0, expression.start - 50) : expression.start]
        if _DEADLINE_CUES.search(before) or (_FORWARD_CUES.search(before) and tense is not Tense.PAST):
            tense = Tense.FUTURE  # "jusqu'à dimanche soir"
        elif _BACKWARD_CUES.search(before):
            tense = Tense.PAST
        reference = _speech_reference(expression, resolved, _after(ordered, index), quotes, doc, ref, lead) or ref
        offset = anaphoric_offset(expression)
        anchor_note = None
        value: str | None
        if expression.kind == "day_after":
            day_of, shift = _day_after_anchor(expression, resolved, _after(ordered, index), quotes, doc, text, ref)
            value = ((day_of or reference) + dt.timedelta(days=shift)).isoformat()
            anchor_note = f"event of {day_of.isoformat()}" if day_of is not None else None
        elif offset is not None:
            anchor = _anchor(expression, resolved, text, lead, pointed=expression.text.endswith("-là")) or reference
            value = (anchor + dt.timedelta(days=offset)).isoformat()
            anchor_note = f"event of {anchor.isoformat()}"
        elif expression.kind == "month" and (year := _sentence_year(expression, resolved, doc)):
            value = f"{year}-{resolve(expression, reference, tense)[5:]}"  # type: ignore[index]
        elif expression.kind == "same_time":
            year = _sentence_year(expression, resolved, doc) or _year_later_in_sentence(
                _after(ordered, index), doc, expression.start, reference)
            value = f"{year}-{reference.month:02d}" if year else None  # no year said: which time is unknown
        else:
            value = resolve(expression, reference, tense)
            if reference != ref:
                anchor_note = f"speech of {reference.isoformat()}"
        if value is None:
            continue
        resolved.append((expression, value))
        if lead is None and expression.start >= body_start and _DAY_VALUE.match(value) \
                and 0 <= (ref - dt.date.fromisoformat(value)).days <= _LEAD_WINDOW_DAYS:
            lead = dt.date.fromisoformat(value)
        dates.append(TimeExpression(text=expression.text, value=value, start=expression.start, end=expression.end,
                                    time_of_day=part_of_day(expression), anchor=anchor_note))
    return dates


def _headings_as_body(dates: list[TimeExpression], expressions: list[Expression], article: Article,
                      doc: Doc) -> list[TimeExpression]:
    """A weekday in a headline or sub-heading with no verb to tense it ("Réunion Otan-Ukraine mardi à
    Bruxelles") is the one the text after it tells of with a tense ("se retrouveront mardi")."""
    weekday_spans = {(e.start, e.end) for e in expressions if e.kind == "weekday"}
    bare = [d for d in dates if (d.start, d.end) in weekday_spans]
    for index, date in enumerate(bare):
        if not article.in_heading(date.start) or clause_tense(doc, date.start, date.end) is not Tense.UNKNOWN:
            continue
        told = next((later for later in bare[index + 1 :] if later.text.casefold() == date.text.casefold()
                     and not article.in_heading(later.start)
                     and clause_tense(doc, later.start, later.end) is not Tense.UNKNOWN), None)
        if told is not None:
            date.value = told.value
    return dates


def _calendar_date(expression: Expression, near_year: int) -> dt.date | None:
    """The date a 'full' expression fixes on its own: with its year, or with a weekday that pins the
    year ("mardi 6 janvier" → the year, nearest ``near_year``, in which 6 January is a Tuesday)."""
    if expression.kind != "full":
        return None
    if "year" in expression.fields or "year2" in expression.fields:
        value = resolve(expression, dt.date(near_year, 7, 1), Tense.UNKNOWN)
        return dt.date.fromisoformat(value) if value else None
    weekday = expression.fields.get("weekday")
    if not weekday:
        return None
    matching = []
    for year in range(near_year - 14, near_year + 15):  # weekday and day-month repeat within 11 years
        value = resolve(expression, dt.date(year, 7, 1), Tense.UNKNOWN)
        if value and (day := dt.date.fromisoformat(value)).weekday() == weekdays()[weekday.casefold()]:
            matching.append(day)
    return min(matching, key=lambda day: (abs(day.year - near_year), -day.year), default=None)


def _agreement(candidate: dt.date, expression: Expression, day: dt.date, tense: Tense, caption: bool) -> int:
    """How well a publication on ``candidate`` fits one dated expression (+ fits, - contradicts)."""
    this_week = " ".join(expression.fields.get("det", "").casefold().split()) == "ce"
    score = 0
    if this_week:
        score += 1 if day.isocalendar()[:2] == candidate.isocalendar()[:2] else -2
    if tense is Tense.PAST:
        score += 1 if day <= candidate else -2
    elif tense is Tense.FUTURE:
        score += 1 if day > candidate else -2
    elif this_week and tense is Tense.PRESENT:
        score += 1 if day == candidate else 0
    if caption:
        score += 1 if 0 <= (candidate - day).days <= 1 else 0  # a photo of the day, or of the day before
    return score


def infer_publication(expressions: list[Expression], doc: Doc,
                      caption: tuple[int, int] | None = None) -> tuple[dt.date, list[Expression]] | None:
    """The publication date a text implies, and the expressions that show it.

    Dates that fix the calendar ("ce mardi 6 janvier", "le 29 septembre
    2025") give candidate days; each candidate is scored by how well every
    such date fits it: "ce <jour>" is in the same week, a past clause is
    before, a future clause after ("seront ... ce mardi 6 janvier" → before
    Tuesday), a caption's photo is of the day or the day before. With
    "ce <jour>" expressions the week is pinned and their tenses decide the day.
    """
    # a year the text gives anchors the weekday-pinned dates; with none, today is the only guide
    years = [int(e.fields["year"]) for e in expressions if e.kind == "full" and "year" in e.fields]
    near_year = max(years) if years else dt.date.today().year
    anchors = [(day, e) for e in expressions if (day := _calendar_date(e, near_year)) is not None]
    if not anchors:
        return None
    this_week = [e for e in expressions if e.kind == "weekday"
                 and " ".join(e.fields.get("det", "").casefold().split()) == "ce"]
    tenses = {e: clause_tense(doc, e.start, e.end) for e in [e for _, e in anchors] + this_week}
    candidates = sorted({day + dt.timedelta(days=shift) for day, _ in anchors for shift in range(-6, 8)})
    best: tuple[int, dt.date] | None = None
    for candidate in candidates:
        score = 0
        for day, expression in anchors:
            in_caption = caption is not None and caption[0] <= expression.start < caption[1]
            score += _agreement(candidate, expression, day, tenses[expression], in_caption)
        for expression in this_week:
            weekday = weekdays()[expression.fields["weekday"].casefold()]
            day = candidate + dt.timedelta(days=weekday - candidate.weekday())
            score += _agreement(candidate, expression, day, tenses[expression], False)
        if best is None or score > best[0]:
            best = (score, candidate)
    assert best is not None
    evidence = sorted({e for _, e in anchors} | set(this_week), key=lambda e: e.start)
    return best[1], evidence


@register_stage("dates", assigns=("dates", "published", "published_inferred", "published_evidence"))
def extract_dates(article: Article, doc: Doc) -> None:
    """Find and resolve the article's dates; infer the publication date if it was not given."""
    expressions = find_expressions(article.text)
    if article.published is None:
        caption = (article.caption_span.start, article.caption_span.end) if article.caption_span else None
        inferred = infer_publication(expressions, doc, caption)
        if inferred is None:  # only dates that carry their year can be given
            dated = [e for e in expressions if _self_contained(e)]
            article.dates = resolve_all(dated, dt.date(2000, 1, 1), doc, article.text)
            return
        day, evidence = inferred
        article.published = day.isoformat()
        article.published_inferred = True
        article.published_evidence = [TextSpan(start=e.start, end=e.end) for e in evidence]
    ref = dt.date.fromisoformat(article.published)
    body_start = article.blocks[0].start if article.blocks else 0
    kept = _without_habits(_without_counts(expressions, doc), article.text)
    article.dates = _headings_as_body(resolve_all(kept, ref, doc, article.text, body_start), expressions, article, doc)


def _self_contained(expression: Expression) -> bool:
    """Whether an expression's value follows from its words alone (it carries its full year)."""
    return "year" in expression.fields


@cache
def _habitual() -> re.Pattern[str]:
    markers = sorted((re.escape(m).replace("'", "['’]") for m in words("habitual_markers")), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(markers)})(?![\w-])", re.IGNORECASE)


def _without_habits(expressions: list[Expression], text: str) -> list[Expression]:
    """Drop days and months without their year in a sentence that tells of what happens every year or as a
    rule ("Chaque année, le 14 juillet, ..."): they name no single date."""
    kept = []
    for expression in expressions:
        if expression.kind in ("full", "numeric_day_month", "month") and not {"year", "year2"} & set(expression.fields):
            # the sentence by its punctuation: the parser cuts "D'habitude, la foire ouvre en septembre" after
            # "D'habitude"
            start = max(text.rfind(".", 0, expression.start), text.rfind("\n", 0, expression.start)) + 1
            ends = [i for i in (text.find(".", expression.end), text.find("\n", expression.end)) if i != -1]
            if _habitual().search(text, start, min(ends, default=len(text))):
                continue
        kept.append(expression)
    return kept


def _without_counts(expressions: list[Expression], doc: Doc) -> list[Expression]:
    """Drop four-digit numbers that count things ("2000 pompiers"): the parser calls them nummod."""
    kept = []
    for expression in expressions:
        if expression.kind == "year":
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            number = span[-1] if span is not None else None
            if number is not None and number.dep_ == "nummod" and number.head.i > number.i \
                    and not expression.fields.get("det"):
                continue
        kept.append(expression)
    return kept
