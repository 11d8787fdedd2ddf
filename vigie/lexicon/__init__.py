"""French linguistic knowledge as data files: one declared, validated, typed view per table.

Each ``.tsv`` file is described in :data:`TABLES`: its columns by name, the values a column allows,
which columns must be filled, and which identify a row. :func:`rows` reads a table once and checks it
against its description, so a typo in a category fails the test suite (which loads every table), not
an article at run time. Stages ask for named columns (:func:`words`, :func:`mapping`), never positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import get_args

from vigie.model import CountKind, EntityType, EventType, Qualifier

Row = dict[str, str]


class LexiconError(ValueError):
    """A table that does not match its description; the message names the file, the line and the cell."""


@dataclass(frozen=True)
class Column:
    """One column of a table: its name and what its cells may hold."""

    name: str
    allowed: frozenset[str] = frozenset()  # when set, a cell (each item of a list) must be one of these
    pattern: str = ""  # when set, a cell must match this regular expression whole
    optional: bool = False
    separator: str = ""  # a cell holding several values ("nationality,proper")


@dataclass(frozen=True)
class Table:
    """A lexicon file: its columns and the columns whose values together identify a row."""

    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()  # default: the first column

    @property
    def key(self) -> tuple[str, ...]:
        return self.unique or (self.columns[0].name,)


def _choice(*values: str) -> frozenset[str]:
    return frozenset(values)


_INT = r"-?\d+"
_WORD = Column("word")
_EVENT_TYPES = frozenset(get_args(EventType))
_COUNT_KINDS = frozenset(get_args(CountKind))
_QUALIFIERS = frozenset(get_args(Qualifier))
_ENTITY_TYPES = frozenset(get_args(EntityType))

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("acronyms", (Column("acronym"), Column("expansion")), unique=("acronym", "expansion")),
    Table("agencies", (Column("name"), Column("kind", _choice("agency", "generic")))),
    Table("anaphoric_days", (Column("expression"), Column("offset", pattern=_INT))),
    Table("boilerplate_lines", (Column("pattern"),)),
    Table("count_nouns", (Column("noun"), Column("kind", _COUNT_KINDS | {"unit", "person"}))),
    Table("count_predicates", (Column("verb"), Column("kind", _COUNT_KINDS))),
    Table("count_states", (Column("preposition"), Column("noun"), Column("kind", _COUNT_KINDS)),
          unique=("preposition", "noun")),
    Table("count_verb_objects", (Column("verb"), Column("object"), Column("kind", _COUNT_KINDS)),
          unique=("verb", "object")),
    Table("count_qualifiers", (Column("words"), Column("qualifier", _QUALIFIERS - {"exact"}))),
    Table("country_names_fr", (Column("name"), Column("code", pattern=r"[A-Z]{2}"))),
    Table("deictic_days", (Column("word"), Column("offset", pattern=_INT))),
    Table("demonyms", (Column("word"), Column("feminine", optional=True), Column("country"))),
    Table("local_demonyms", (Column("word"), Column("feminine", optional=True), Column("place"))),
    Table("event_triggers", (Column("lemma"), Column("pos", _choice("VERB", "NOUN", "any")),
                             Column("type", _EVENT_TYPES), Column("particle", optional=True)),
          unique=("lemma", "pos", "particle")),
    Table("function_words", (Column("word"), Column("class", _choice(
        "personal_pronoun", "impersonal_pronoun", "anaphoric_pronoun", "demonstrative_pronoun", "subject_clitic",
        "definite_article", "demonstrative_determiner", "indefinite_determiner", "possessive_determiner", "de_form",
        "negation", "relative_pronoun", "place_preposition", "target_preposition", "dative_preposition",
        "locative_preposition", "free_choice_determiner", "object_clitic", "avoir_form"))),
          unique=("word", "class")),
    Table("gathering_words", (_WORD,)),
    Table("holidays", (Column("name"), Column("kind", _choice("fixed", "easter")),
                       Column("value", pattern=r"\d\d-\d\d|-?\d+"))),
    Table("honorifics", (_WORD, Column("gender", _choice("Masc", "Fem"), optional=True))),
    Table("first_names", (Column("name"), Column("gender", _choice("Masc", "Fem")))),
    Table("institution_aliases", (Column("description"), Column("seat"))),
    Table("institution_heads", (Column("head"), Column("complements", _choice("nationality", "proper", "common"),
                                                       separator=","))),
    Table("legal_charges", (Column("charge"),)),
    Table("light_verbs", (Column("verb"),)),
    Table("media", (Column("name"), Column("context", _choice("always", "after")))),
    Table("members", (Column("member"), Column("body"))),
    Table("metonyms", (Column("name"), Column("stands_for"), Column("country", optional=True))),
    Table("months", (Column("name"), Column("number", pattern=r"\d{1,2}"))),
    Table("named_by_quotes", (Column("noun"),)),
    Table("naming_words", (Column("word"),)),
    Table("measure_nouns", (Column("noun"),)),
    Table("not_entities", (_WORD,)),
    Table("not_event_phrases", (Column("phrase"),)),
    Table("figurative_objects", (Column("verb"), Column("object")), unique=("verb", "object")),
    Table("number_words", (Column("word"), Column("value", pattern=r"\d+"),
                           Column("kind", _choice("exact", "approximate")),
                           Column("qualifier", _QUALIFIERS, optional=True))),
    Table("parts_of_day", (_WORD, Column("label", _choice("morning", "noon", "afternoon", "evening", "night")))),
    Table("place_heads", (Column("noun"), Column("alone", _choice("yes", "no")),
                          Column("state", _choice("yes", "no")))),
    Table("body_heads", (Column("noun"),)),
    Table("work_nouns", (Column("noun"),)),
    Table("reporting_verbs", (Column("lemma"), Column("construction", _choice("incise"), optional=True))),
    Table("plover_acled", (Column("plover", _EVENT_TYPES), Column("disorder_type"), Column("event_type"),
                           Column("sub_event_type"))),
    Table("plover_cameo", (Column("plover", _EVENT_TYPES), Column("cameo_code", pattern=r"\d{3}"),
                           Column("cameo_root", pattern=r"\d{2}"), Column("quad_class", _choice("1", "2", "3", "4")),
                           Column("goldstein", pattern=r"-?\d+\.\d"), Column("cameo_label"))),
    Table("portfolios", (Column("portfolio"),)),
    Table("role_synonyms", (Column("noun"), Column("role"))),
    Table("role_nouns", (Column("noun"), Column("type", _ENTITY_TYPES))),
    Table("disapproval_words", (Column("word"),)),
    Table("natural_forces", (Column("noun"),)),
    Table("place_designators", (Column("noun"),)),
    Table("seat_holders", (Column("noun"),)),
    Table("settlement_nouns", (Column("noun"),)),
    Table("habitual_markers", (Column("marker"),)),
    Table("year_heads", (Column("noun"),)),
    Table("patient_nouns", (Column("noun"),)),
    Table("undergoing_heads", (Column("word"),)),
    Table("speaker_nouns", (Column("noun"), Column("kind", _choice("person", "group", "document", "proxy",
                                                                     "affiliation", "management")))),
    Table("speech_sources", (Column("cue"), Column("position", _choice("any", "clause_start")))),
    Table("temporal_modifiers", (_WORD, Column("direction", _choice("-1", "1")))),
    Table("time_zones", (Column("code", pattern=r"[A-Z]{2}"), Column("zone", pattern=r"[A-Z][A-Za-z_]+/[A-Za-z_-]+"))),
    Table("verb_classes", (Column("lemma"), Column("class", _choice(
        "etre_auxiliary", "future_auxiliary", "addressing", "impersonal", "undergone", "trip",
        "other_when_reflexive", "population", "place_state", "unrealised", "ending", "perception", "joining",
        "publishing", "role_participle"))),
        unique=("lemma", "class")),
    Table("verb_forms", (Column("form"), Column("lemma"))),
    Table("weekdays", (Column("name"), Column("index", pattern=r"[0-6]"))),
)}


def _read(name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a table file; '#' lines and blank lines skipped."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    return [(number, [cell.strip() for cell in line.split("\t")])
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")]


def check(table: Table, lines: Iterable[tuple[int, list[str]]]) -> list[Row]:
    """The rows of a table as dicts by column name; LexiconError on the first cell that breaks the description."""
    found: list[Row] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in lines:
        where = f"{table.name}.tsv:{number}"
        if len(cells) > len(table.columns):
            raise LexiconError(f"{where}: {len(cells)} cells, the table has {len(table.columns)} columns")
        row = {column.name: cells[i] if i < len(cells) else "" for i, column in enumerate(table.columns)}
        for column in table.columns:
            value = row[column.name]
            if not value:
                if not column.optional:
                    raise LexiconError(f"{where}: empty {column.name}")
                continue
            values = value.split(column.separator) if column.separator else [value]
            for item in values:
                if column.allowed and item not in column.allowed:
                    raise LexiconError(f"{where}: {column.name} {item!r} is not one of "
                                       f"{', '.join(sorted(column.allowed))}")
                if column.pattern and not re.fullmatch(column.pattern, item):
                    raise LexiconError(f"{where}: {column.name} {item!r} does not match {column.pattern}")
        key = tuple(row[c] for c in table.key)
        if key in seen:
            raise LexiconError(f"{where}: duplicate of line {seen[key]} ({', '.join(key)})")
        seen[key] = number
        found.append(row)
    return found


@cache
def rows(name: str) -> tuple[Row, ...]:
    """The checked rows of the table ``name`` (file stem), read once per process."""
    if name not in TABLES:
        raise LexiconError(f"no description for table {name!r}: add it to vigie.lexicon.TABLES")
    return tuple(check(TABLES[name], _read(name)))


@cache
def words(name: str, column: str = "", where: tuple[str, str] | None = None) -> tuple[str, ...]:
    """One column of a table (the first by default), optionally only rows whose ``where[0]`` is ``where[1]``."""
    column = column or TABLES[name].columns[0].name
    return tuple(row[column] for row in rows(name) if where is None or row[where[0]] == where[1])


@cache
def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """A two-column view of a table: key → value (the first row of a key wins)."""
    found: dict[str, str] = {}
    for row in rows(name):
        found.setdefault(row[key], row[value])
    return found


def function_words(word_class: str) -> frozenset[str]:
    """The closed-class words of one class ('negation', 'possessive_determiner', ...)."""
    return frozenset(words("function_words", "word", ("class", word_class)))


def verbs_of_class(verb_class: str) -> frozenset[str]:
    """Lemmas of a class of verbs ('etre_auxiliary', 'addressing', ...)."""
    return frozenset(words("verb_classes", "lemma", ("class", verb_class)))
