"""A French temporal grammar: find date expressions and resolve them to ISO values.

Recognition is a set of patterns built from the tables in ``vigie/lexicon``
(months, weekdays, deictic and anaphoric days, modifiers, holidays, number
words); resolution is a pure function of the expression, a reference date
and the tense of the clause, so it can be tested on its own.

Values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``YYYY-Www`` (ISO week).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from vigie.lexicon import TABLES, mapping, rows
from vigie.textnorm import case_sensitive, lowercase_in_place


class Tense(Enum):
    """Where the clause points in time: it decides which 'mardi' is meant."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Expression:
    """A recognised date expression, before resolution."""

    start: int
    end: int
    text: str
    kind: str
    fields: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


# --- the grammar, from the lexicon tables --------------------------------------------------------

def _numbers(table: str) -> dict[str, int]:
    """A two-column table whose second column is a number."""
    key, value = (column.name for column in TABLES[table].columns[:2])
    return {word: int(number) for word, number in mapping(table, key, value).items()}


@cache
def months() -> dict[str, int]:
    return _numbers("months")


@cache
def weekdays() -> dict[str, int]:
    return _numbers("weekdays")


@cache
def deictic_days() -> dict[str, int]:
    return _numbers("deictic_days")


@cache
def anaphoric_days() -> dict[str, int]:
    return _numbers("anaphoric_days")


@cache
def parts_of_day() -> dict[str, str]:
    return mapping("parts_of_day", "word", "label")


@cache
def modifiers() -> dict[str, int]:
    return _numbers("temporal_modifiers")


@cache
def number_words() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in rows("number_words") if row["kind"] == "exact"}


@cache
def holidays() -> dict[str, tuple[str, str]]:
    return {row["name"].casefold(): (row["kind"], row["value"]) for row in rows("holidays")}


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]") for w in ordered)


_DAY_NUMBER = r"1er|premier|[12]\d|3[01]|0?[1-9]"  # a day of the month


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) in priority order; longer matches win over shorter ones."""
    month = _alternation(list(months()))
    weekday = _alternation(list(weekdays()))
    part = _alternation(list(parts_of_day()))
    modifier = _alternation(list(modifiers()))
    number = _alternation(list(number_words())) + r"|\d{1,3}"
    holiday = _alternation([h for h in holidays()])
    part_tail = rf"(?:\s+(?:au\s+|dans\s+la\s+|en\s+(?:début|fin)\s+(?:de\s+|d['’]))?(?P<part>{part}))?"
    day = rf"(?P<day>{_DAY_NUMBER})"
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    flags = re.IGNORECASE
    b = r"(?<![\w-])"
    e = r"(?![\w-])"
    return [
        ("numeric", re.compile(rf"{b}(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)?\d\d){e}")),
        # "les 25/11, 30/11 et 02/12": day and month in two digits each, after an article or in a list of them
        ("numeric_day_month", re.compile(
            # (the cue is looked behind from the digits: tried at every position, the look-behinds were slow)
            r"(?P<day>[0-3]\d)(?:(?<=\ble\s..)|(?<=\bles\s..)|(?<=\bdu\s..)|(?<=\bau\s..)|(?<=\bdès\s..)"
            r"|(?<=,\s..)|(?<=\bet\s..))/(?P<month>[01]\d)(?![/\d.,]\d)(?![\w/-])")),
        ("full", re.compile(
            rf"{b}(?:(?P<det>le|ce|ce\s+même)\s+)?(?:(?P<weekday>{weekday})\s+)?{day}\s+(?P<month>{month})"
            rf"(?:\s+(?:{year}|(?P<year2>\d\d)(?![\d\s]*(?:h|heures?)\b)))?(?:\s+(?P<modifier>{modifier}))?{e}{part_tail}",
            flags)),
        # "le 28, 29 avril", "les 6 et 13 avril", "du 19 au 23 juillet": the first days of a list or a range
        # take the month (and year) written once after the last day
        ("full", re.compile(
            rf"{b}(?:(?P<det>les?)\s+)?{day}(?=(?:\s*(?:,|et|ou|au|à|-|–)\s*(?:le\s+)?(?:{_DAY_NUMBER}){e})+\s+"
            rf"(?P<month>{month})(?:\s+{year})?{e})", flags)),
        ("holiday", re.compile(rf"{b}(?:(?P<det>le|la|l['’])\s*)?(?P<holiday>{holiday})(?:\s+{year})?{e}", flags)),
        ("night_of", re.compile(rf"{b}la\s+nuit\s+de\s+(?P<weekday>{weekday})\s+à\s+(?:{weekday}){e}", flags)),
        ("night_of_dates", re.compile(
            rf"{b}la\s+nuit\s+du\s+(?:{_DAY_NUMBER})(?:\s+(?:{month}))?\s+au\s+{day}\s+"
            rf"(?P<month>{month})"
            rf"(?:\s+{year})?{e}", flags)),
        ("month_year", re.compile(
            rf"{b}(?:(?P<det>l['’]année|le\s+mois\s+de)\s+)?(?:(?P<portion>début|fin|mi-|courant)\s*)?"
            rf"(?P<month>{month})\s+(?:{year}|(?P<year2>\d\d)(?![\d\s]*(?:h|heures?)\b)){e}", flags)),
        ("month_modifier", re.compile(rf"{b}(?P<month>{month})\s+(?P<modifier>{modifier}){e}")),
        # a bare month only after a cue (_MONTH_CUE) or with its portion ("mi-mars"): checked in _bare_months
        ("month", re.compile(rf"(?:(?P<portion>début|fin|mi-)\s*)?(?P<month>{month}){e}")),
        ("season", re.compile(
            rf"{b}(?P<det>l['’]|le\s+|cet\s+|cette\s+)?(?P<season>{'|'.join(_SEASON_STARTS)})"
            rf"(?:\s+{year}|\s+(?P<modifier>{modifier}))?{e}",
            flags)),
        # "la fin de l'année", "début du mois": part of the current period, dated by the period
        ("period_part", re.compile(
            rf"{b}(?:(?:la|le)\s+)?(?P<portion>fin|début|milieu)\s+(?:de\s+l['’]|du\s+|de\s+la\s+)"
            rf"(?P<unit>année|mois|semaine)(?:\s+{year}|\s+(?P<modifier>{modifier}))?{e}", flags)),
        # "la nouvelle année": the year that begins with the New Year's Day nearest the reference
        ("new_year", re.compile(
            rf"{b}(?:la|cette)\s+nouvelle\s+année(?!\s+(?:scolaire|universitaire|fiscale|budgétaire|judiciaire|"
            rf"lunaire|chinoise|juive|musulmane|liturgique)){e}", flags)),
        ("relative_unit", re.compile(
            rf"{b}(?P<det>la|le|l['’]|cette|ce|cet)\s*(?P<unit>semaine|mois|an|année|week-end|weekend)"
            rf"(?:-ci)?(?:\s+(?P<modifier>{modifier}))?{e}", flags)),
        ("ago", re.compile(rf"{b}il\s+y\s+a\s+(?P<number>{number})\s+(?P<unit>jours?|semaines?|mois|ans|années?){e}",
                           flags)),
        ("in", re.compile(rf"{b}(?<=dans\s)(?P<number>{number})\s+(?P<unit>jours?|semaines?|mois|ans|années?){e}",
                          flags)),
        ("deictic", re.compile(
            rf"{b}(?P<deictic>{_alternation(list(deictic_days()))})(?:\s+(?P<weekday>{weekday}))?{e}{part_tail}",
            flags)),
        ("this_part", re.compile(rf"{b}(?:ce|cet|cette)\s+(?P<part>{part}){e}", flags)),
        # "l'an dernier à la même époque": the same time of year, in the year its sentence gives (dates.py)
        ("same_time", re.compile(rf"{b}(?:la\s+même|pareille)\s+(?:époque|période){e}", flags)),
        ("day_after", re.compile(rf"(?<=\bau\s)lendemain{e}", flags)),  # "au lendemain de X": dated in dates.py
        ("anaphoric", re.compile(rf"{b}(?P<anaphor>{_alternation(list(anaphoric_days()))}){e}{part_tail}", flags)),
        ("weekday", re.compile(
            rf"{b}(?:(?P<det>ce|le|ce\s+même)\s+)?(?P<weekday>{weekday})"
            rf"(?:\s+(?P<modifier>{modifier}))?{e}{part_tail}", flags)),
        ("year", re.compile(rf"(?<![\w])(?:(?P<det>l['’]année|l['’]an)\s+)?{year}(?![\w])")),
        ("short_year", re.compile(r"(?<=\ben\s)'?(?P<year2>\d\d)(?=\s*[,.;:()]|$)")),
    ]


# Words after which a four-digit number is a year; elsewhere it must stand before punctuation.
_YEAR_CUES = re.compile(
    r"(?:\b(?:en|depuis|pour|dès|avant|après|jusqu['’]en|d['’]ici|de|à|et|ou|entre|fin|début|mi|l['’]année|l['’]an|année|"
    r"an|été|hiver|automne|printemps|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)\s*|[-(])$", re.IGNORECASE)


@cache
def _year_head() -> re.Pattern[str]:
    """A noun of something of one year, right before the number ("le budget 2026", "les municipales 2026")."""
    heads = _alternation([row["noun"] for row in rows("year_heads")])
    return re.compile(rf"\b(?:{heads})s?\s+$", re.IGNORECASE)


@cache
def _counted_nouns() -> frozenset[str]:
    """Nouns that a number before them counts (people, victims, units)."""
    return frozenset(row["noun"].casefold() for row in rows("count_nouns"))


_WORD_AFTER = re.compile(r"\s+([\w-]+)")
_HEAD_REACH = 30  # characters before a number where the noun of its year stands


def _plausible_year(text: str, match: re.Match[str]) -> bool:
    """A bare four-digit number is a year when a year cue or a year's noun precedes it or punctuation follows it."""
    if match.group("det"):
        return True
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 3]
    if re.search(r"\d[\s.]?$", before):  # "16 2000" is a number
        return False
    counted = _WORD_AFTER.match(text, match.end())
    if counted and re.sub(r"[sx]$", "", counted.group(1).casefold()) in _counted_nouns():
        return False  # "de 2000 blessés", "en 2000 ans": an amount
    return bool(_YEAR_CUES.search(before)) or bool(re.match(r"^\s*(?:[,.;:)!?/-]|et\b|$)", after)) \
        or bool(_year_head().search(text, max(0, match.start() - _HEAD_REACH), match.start()))


# What a bare month name ("en mai", "depuis juin", "fin janvier", "courant de mars") must follow to be a date.
_MONTH_CUE = re.compile(r"(?:\ben\s|\bdepuis\s|\bd['’]ici\s|\bjusqu['’]en\s|\bdès\s|\bmois\sde\s|\bmois\sd['’]|\bfin\s"
                        r"|\bdébut\s|\bmi-|\bde\s|\bd['’]|[a-zé]-)$")
_WORD_START = re.compile(r"(?<![\w-])")
_CUE_REACH = 12  # characters before a month where its cue stands


def _bare_months(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of the bare-month pattern that follow a cue or open with their portion, found as a scan
    would find them (a rejected match lets the next position try). Checking the cue after a match on the
    month's name is several times faster than a pattern opening on a dozen look-behinds."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if _MONTH_CUE.search(text, max(0, start - _CUE_REACH), start) or (
                match.group("portion") and _WORD_START.match(text, start)):
            yield match
            position = max(match.end(), start + 1)
        else:
            position = start + 1


# Words without which a rare kind cannot match: its pattern is not run over a text that lacks them all
_NEEDLES = {"night_of": ("nuit",), "night_of_dates": ("nuit",), "new_year": ("nouvelle",),
            "same_time": ("époque", "période"), "day_after": ("lendemain",), "in": ("dans",)}


@cache
def _scans() -> list[tuple[str, re.Pattern[str], bool]]:
    """The patterns as they are run: (kind, pattern, on the lowercased text). A case-insensitive pattern (its
    source has no capital letter) runs case-sensitively over the lowercased text (`lowercase_in_place`)."""
    scans = []
    for kind, pattern in _patterns():
        folded = bool(pattern.flags & re.IGNORECASE)
        scans.append((kind, case_sensitive(pattern) if folded else pattern, folded))
    return scans


def find_expressions(text: str) -> list[Expression]:
    """Every date expression in a text, longest first where they overlap."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    named: list[tuple[int, int]] = []
    lowered = lowercase_in_place(text)
    scans = _scans() if lowered is not None else [(kind, pattern, False) for kind, pattern in _patterns()]
    needles = lowered if lowered is not None else text.lower()
    for priority, (kind, pattern, folded) in enumerate(scans):
        if kind in _NEEDLES and not any(needle in needles for needle in _NEEDLES[kind]):
            continue
        scanned = lowered if folded and lowered is not None else text
        for match in _bare_months(pattern, text) if kind == "month" else pattern.finditer(scanned):
            if kind == "year" and not _plausible_year(text, match):
                continue
            if kind == "relative_unit" and not _valid_relative_unit(match):
                continue
            if kind == "weekday" and not _one_weekday(text, match):
                continue
            if kind == "holiday" and not match.group("year") \
                    and _NAMED_AFTER.search(text, max(0, match.start() - 30), match.start()):
                named.append((match.start(), match.end()))  # nothing shorter dates it either ("Vendredi")
                continue  # "l'accord du Vendredi saint", "le soulèvement de Pâques": a name from history, not a date
            if kind == "in" and _COMPLEMENT_AFTER.match(text, match.end()):
                continue  # "dans un jour de grande forme", "dans un mois où": a kind of day, not a delay
            if kind == "season" and not match.group("year") and not match.group("modifier") \
                    and not _season_of_one_year(text, match):
                continue  # "de l'été", "cet été": a season without its year dates nothing ("l'été dernier" does)
            found.append((match.start(), match.end(), priority, kind, match))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken = named  # a name from history holds its span against the shorter matches inside it
    expressions = []
    for start, end, _priority, kind, match in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        fields = {k: v for k, v in match.groupdict().items() if v}
        expressions.append(Expression(start, end, text[start:end], kind, fields))
    return sorted(expressions, key=lambda x: x.start)


# What makes a weekday every such day or a rank among them ("uniquement le mercredi", "chaque lundi", "le premier
# dimanche du printemps"), not one date
_HABITUAL_BEFORE = re.compile(r"(?:\bchaque|\bpremiers?|\bpremières?|\bderniers?|\bdernières?|\bsecond|\bseconde"
                              r"|\b\w+ièmes?)\s+$", re.IGNORECASE)
_OF = r"de|d['’]|du|des"
# Nouns that a holiday without its year names after the fact: an agreement, a war, an uprising of history
_NAMED_AFTER = re.compile(r"\b(?:accords?|traités?|guerres?|offensives?|soulèvements?|insurrections?|révolutions?"
                          r"|massacres?|batailles?)\s+(?:du|de\s+la|de\s+l['’]|de|des)\s*$", re.IGNORECASE)
_OF_AFTER = re.compile(rf"\s+(?:{_OF})\b", re.IGNORECASE)  # "au printemps de l'environnement"
_COMPLEMENT_AFTER = re.compile(rf"\s+(?:{_OF}|où|qui|que)\b", re.IGNORECASE)  # "dans un jour de grande forme"


def _one_weekday(text: str, match: re.Match[str]) -> bool:
    """'mercredi', 'ce mercredi', 'le mercredi 5' — not 'le mercredi' alone (every Wednesday) nor a rank."""
    if _HABITUAL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
        return False
    determiner = (match.group("det") or "").casefold()
    return determiner != "le" or bool(match.group("modifier"))


# The prepositions of time before which "l'automne", "le printemps" or "au printemps" name one season: the
# next or the last, as the clause's tense says ("dès l'automne", "à l'automne", "au printemps")
_SEASON_CUE = re.compile(r"(?:\b(?:à|dès|depuis|jusqu['’]à|d['’]ici|avant|après|pour|vers)\s+|\bau\s+)$", re.IGNORECASE)


def _season_of_one_year(text: str, match: re.Match[str]) -> bool:
    """'à l'automne', 'dès le printemps', 'au printemps' — not 'en été' (any summer), 'cet été' (which one?),
    nor a season that names an event ('au printemps de l'environnement')."""
    determiner = (match.group("det") or "").casefold().strip()
    before = text[max(0, match.start() - 12) : match.start()]
    cue = _SEASON_CUE.search(before)
    if cue is None or _OF_AFTER.match(text, match.end()):
        return False
    contracted = cue.group().casefold().startswith("au")
    return (contracted and not determiner) or (not contracted and determiner in ("l'", "l’", "le"))


def _valid_relative_unit(match: re.Match[str]) -> bool:
    """'cette semaine', 'la semaine dernière', 'l'an prochain' — not 'la semaine' alone."""
    det = match.group("det").casefold()
    return bool(match.group("modifier")) or det in ("cette", "ce", "cet")


# --- resolution ----------------------------------------------------------------------------------

def iso_week(day: dt.date) -> str:
    """'2025-W21'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def easter(year: int) -> dt.date:
    """Easter Sunday (Meeus/Jones/Butcher Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def resolve_weekday(weekday: int, ref: dt.date, tense: Tense, determiner: str = "", direction: int = 0) -> dt.date:
    """Which date a weekday names, seen from ``ref``.

    "mardi dernier" / "mardi prochain": strictly before / after. "ce mardi":
    the one in the week of ``ref`` unless the tense says otherwise. A bare
    weekday: today when it is today, else the past one for a past clause, the
    coming one for a future clause; a present clause leans forward
    (announcements), a verbless one to the nearest, leaning back.
    """
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    previous = ref - dt.timedelta(days=back or 7)
    following = ref + dt.timedelta(days=forward or 7)
    if direction < 0:
        return previous
    if direction > 0:
        return following
    if back == 0:
        return ref
    if tense is Tense.PAST:
        return previous
    if tense is Tense.FUTURE:
        return following
    if determiner.startswith("ce"):
        return ref + dt.timedelta(days=weekday - ref.weekday())
    if tense is Tense.PRESENT:
        return following if forward <= back + 3 else previous  # "le comité vous invite dimanche"
    return previous if back <= forward + 1 else following  # no verb: the nearest, news leaning back


def _day_number(text: str) -> int:
    return 1 if text.casefold() in ("1er", "premier") else int(text)


def _nearest_year(month: int, day: int, ref: dt.date, tense: Tense, weekday: int | None = None) -> dt.date | None:
    """The year that puts day/month closest to ``ref`` (or on the named weekday), given the tense."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [d for d in options if d.weekday() == weekday]
        if matching:
            options = matching
    if not options:
        return None
    nearest = min(options, key=lambda d: abs((d - ref).days))
    if abs((nearest - ref).days) <= 62:
        return nearest  # a date within weeks of the article is that one, whatever the tense says
    if tense is Tense.PAST:
        past = [d for d in options if d <= ref + dt.timedelta(days=1)]
        if past and (ref - max(past)).days <= 366:
            return max(past)
    if tense is Tense.FUTURE:
        future = [d for d in options if d >= ref - dt.timedelta(days=1)]
        if future and (min(future) - ref).days <= 366:
            return min(future)
    return nearest


_SEASON_STARTS = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12}  # the month each season begins in


def _season_year(season: str, modifier: str, ref: dt.date) -> int:
    """The year of "le printemps dernier" / "l'été prochain": the last season of that name already over, or
    the next one not yet begun (a winter is dated by its January)."""
    direction = modifiers().get(modifier.casefold(), 0)
    start = _SEASON_STARTS[season]
    if start == 12:
        return ref.year + 1 if direction > 0 else ref.year - 1 if direction < 0 and ref.month < 4 else ref.year
    if direction < 0:
        return ref.year if start + 3 <= ref.month else ref.year - 1
    if direction > 0:
        return ref.year if start > ref.month else ref.year + 1
    return ref.year


def _season_by_tense(season: str, ref: dt.date, tense: Tense) -> int:
    """The year of "à l'automne", "dès le printemps": in a past clause the last such season begun, otherwise
    the next one not yet over (a winter is dated by its January)."""
    start = _SEASON_STARTS[season]
    if start == 12:
        return ref.year if ref.month < 4 or (tense is Tense.PAST and ref.month < 12) else ref.year + 1
    if tense is Tense.PAST:
        return ref.year if start <= ref.month else ref.year - 1
    return ref.year if ref.month < start + 3 else ref.year + 1


def _month_year(month: int, ref: dt.date, tense: Tense) -> int:
    if tense is Tense.PAST and month > ref.month:
        return ref.year - 1
    if tense is Tense.FUTURE and month < ref.month:
        return ref.year + 1
    return ref.year


def _full_year(two_digits: str, ref: dt.date) -> int:
    value = int(two_digits)
    century = ref.year - ref.year % 100
    year = century + value
    return year - 100 if year > ref.year + 20 else year


def _shift_months(day: dt.date, count: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + count
    return index // 12, index % 12 + 1


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return number_words().get(text.casefold())


def resolve(expression: Expression, ref: dt.date, tense: Tense = Tense.UNKNOWN) -> str | None:
    """The ISO value of an expression seen from ``ref``; None when it names no date (or anaphora)."""
    f = expression.fields
    kind = expression.kind
    if kind == "numeric":
        year = int(f["year"]) if len(f["year"]) == 4 else _full_year(f["year"], ref)
        try:
            return dt.date(year, int(f["month"]), int(f["day"])).isoformat()
        except ValueError:
            return None
    if kind == "numeric_day_month":
        if not (1 <= int(f["month"]) <= 12 and 1 <= int(f["day"]) <= 31):
            return None
        found = _nearest_year(int(f["month"]), int(f["day"]), ref, tense)
        return found.isoformat() if found else None
    if kind == "full":
        month, day = months()[f["month"].casefold()], _day_number(f["day"])
        weekday = weekdays().get(f.get("weekday", "").casefold())
        if "year" in f or "year2" in f:
            year = int(f["year"]) if "year" in f else _full_year(f["year2"], ref)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
        direction = modifiers().get(f.get("modifier", "").casefold(), 0)
        found = _nearest_year(month, day, ref,
                              Tense.PAST if direction < 0 else Tense.FUTURE if direction > 0 else tense, weekday)
        return found.isoformat() if found else None
    if kind == "holiday":
        rule, value = holidays()[f["holiday"].casefold()]
        year = int(f["year"]) if "year" in f else ref.year
        if rule == "easter":
            day_ = easter(year) + dt.timedelta(days=int(value))
            if "year" not in f and tense is Tense.PAST and day_ > ref:
                day_ = easter(year - 1) + dt.timedelta(days=int(value))
            elif "year" not in f and tense is Tense.FUTURE and day_ < ref:
                day_ = easter(year + 1) + dt.timedelta(days=int(value))
            return day_.isoformat()
        month_text, day_text = value.split("-")
        if "year" in f:
            return dt.date(year, int(month_text), int(day_text)).isoformat()
        found = _nearest_year(int(month_text), int(day_text), ref, tense)
        return found.isoformat() if found else None
    if kind == "night_of_dates":  # "la nuit du 6 au 7 février" is dated by its first day, the eve of the second
        month, day = months()[f["month"].casefold()], _day_number(f["day"])
        try:
            second = dt.date(int(f["year"]), month, day) if "year" in f else _nearest_year(month, day, ref, tense)
        except ValueError:
            return None
        return (second - dt.timedelta(days=1)).isoformat() if second else None
    if kind == "night_of":  # "la nuit de samedi à dimanche" is dated by its Saturday
        return resolve_weekday(weekdays()[f["weekday"].casefold()], ref, tense).isoformat()
    if kind == "month_year":
        year = int(f["year"]) if "year" in f else _full_year(f["year2"], ref)
        return f"{year}-{months()[f['month'].casefold()]:02d}"
    if kind in ("month_modifier", "month"):
        month = months()[f["month"].casefold()]
        direction = modifiers().get(f.get("modifier", "").casefold(), 0)
        if direction:
            year = ref.year - 1 if direction < 0 and month >= ref.month else \
                ref.year + 1 if direction > 0 and month <= ref.month else ref.year
        else:
            year = _month_year(month, ref, tense)
        return f"{year}-{month:02d}"
    if kind == "season":
        if "year" in f:
            return f["year"]
        season = f["season"].casefold()
        if "modifier" in f:
            return str(_season_year(season, f["modifier"], ref))
        return str(_season_by_tense(season, ref, tense))
    if kind == "new_year":
        return str(ref.year + 1 if ref.month >= 7 else ref.year)
    if kind == "period_part" and "year" in f:
        return f["year"] if f["unit"].casefold() == "année" else None
    if kind in ("relative_unit", "period_part"):
        return _relative_unit(f, ref, tense)
    if kind in ("ago", "in"):
        count = _number(f["number"])
        if count is None:
            return None
        sign = -1 if kind == "ago" else 1
        unit = f["unit"].casefold()
        if unit.startswith("jour"):
            return (ref + dt.timedelta(days=sign * count)).isoformat()
        if unit.startswith("semaine"):
            return (ref + dt.timedelta(weeks=sign * count)).isoformat()
        if unit == "mois":
            year, month = _shift_months(ref, sign * count)
            return f"{year}-{month:02d}"
        return str(ref.year + sign * count)
    if kind == "deictic":
        return (ref + dt.timedelta(days=deictic_days()[_apostrophes(f["deictic"]).casefold()])).isoformat()
    if kind == "this_part":
        return ref.isoformat()
    if kind == "weekday":
        direction = modifiers().get(f.get("modifier", "").casefold(), 0)
        determiner = " ".join(f.get("det", "").casefold().split())
        return resolve_weekday(weekdays()[f["weekday"].casefold()], ref, tense, determiner, direction).isoformat()
    if kind == "year":
        return f["year"]
    if kind == "short_year":
        return str(_full_year(f["year2"], ref))
    return None  # anaphoric: resolved against the event date by the caller


def _relative_unit(f: dict[str, str], ref: dt.date, tense: Tense) -> str:
    unit = f["unit"].casefold()
    direction = modifiers().get(f.get("modifier", "").casefold(), 0)
    if unit in ("an", "année"):
        return str(ref.year + direction)
    if unit == "mois":
        year, month = _shift_months(ref, direction)
        return f"{year}-{month:02d}"
    if unit in ("week-end", "weekend"):
        saturday = ref + dt.timedelta(days=5 - ref.weekday())
        if direction < 0 or (direction == 0 and tense is Tense.PAST and saturday > ref):
            saturday -= dt.timedelta(weeks=1)
        elif direction > 0:
            saturday += dt.timedelta(weeks=1)
        return iso_week(saturday)
    return iso_week(ref + dt.timedelta(weeks=direction))


def anaphoric_offset(expression: Expression) -> int | None:
    """Days from the anchor event for 'la veille', 'le lendemain'...; None for other kinds."""
    if expression.kind != "anaphoric":
        return None
    return anaphoric_days().get(" ".join(_apostrophes(expression.fields["anaphor"]).casefold().split()))


def part_of_day(expression: Expression) -> str | None:
    """'evening' for 'mardi soir', None when no part of the day is said."""
    part = expression.fields.get("part")
    return parts_of_day().get(part.casefold()) if part else None


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")
