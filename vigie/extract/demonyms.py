"""Nationality words and the countries they stand for, and demonyms of towns and regions, in all their
inflections."""

from __future__ import annotations

from functools import cache

from vigie.lexicon import rows
from vigie.textnorm import fold

# Masculine endings and their feminine, most specific first.
_FEMININE = (("ien", "ienne"), ("éen", "éenne"), ("on", "onne"), ("e", "e"), ("è", "è"))


def feminine(masculine: str) -> str:
    """'ukrainien' → 'ukrainienne', 'russe' → 'russe', 'américain' → 'américaine'."""
    for ending, replacement in _FEMININE:
        if masculine.endswith(ending):
            return masculine[: -len(ending)] + replacement
    return masculine + "e"


def plural(word: str) -> str:
    """'américain' → 'américains', 'français' → 'français', 'national' → 'nationaux'."""
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def inflections(masculine: str, irregular_feminine: str = "") -> set[str]:
    """All four forms of a nationality word."""
    fem = irregular_feminine or feminine(masculine)
    return {masculine, plural(masculine), fem, plural(fem)}


@cache
def demonym_table() -> dict[str, str]:
    """Folded nationality word (any form, any case) → country name."""
    table: dict[str, str] = {}
    for row in rows("demonyms"):
        for form in inflections(row["word"], row["feminine"]):
            table[fold(form)] = row["country"]
    return table


def demonym_country(word: str) -> str | None:
    """The country a nationality word stands for ('Américains' → 'États-Unis'), or None."""
    return demonym_table().get(fold(word))


@cache
def local_demonym_table() -> dict[str, str]:
    """Folded demonym of a town or region (any form) → the place ('Gazaouis' → 'Gaza')."""
    return {fold(form): row["place"] for row in rows("local_demonyms")
            for form in inflections(row["word"], row["feminine"])}


def local_demonym_place(word: str) -> str | None:
    """The town or region a demonym names its people after ('Québécois' → 'Québec'), or None."""
    return local_demonym_table().get(fold(word))
