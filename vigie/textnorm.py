"""Normalising names for comparison: case, accents, apostrophes, articles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_LEADING_ARTICLE = re.compile(r"^(?:l'|d'|le |la |les |du |de la |de l'|des |de )", re.IGNORECASE)


def unify_apostrophes(text: str) -> str:
    """Typographic apostrophes to ASCII ones."""
    return text.translate(_APOSTROPHES)


def strip_accents(text: str) -> str:
    """'Élysée' → 'Elysee'."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Comparison form of a name: no case, accents, hyphens, leading article or outer punctuation."""
    folded = strip_accents(unify_apostrophes(text)).casefold()
    folded = _LEADING_ARTICLE.sub("", folded.strip())
    folded = re.sub(r"[-‐–—_]", " ", folded)
    folded = re.sub(r"[^\w' &.]", "", folded)
    return " ".join(folded.split()).strip(" .'")


_CONTRACTED = {"au": "à", "aux": "à"}  # "appeler au calme", "conduits aux urgences" ("du", "des" may be articles)


def uncontracted(word: str) -> str:
    """The preposition a contracted article stands for ("au" → "à"), else the word itself."""
    return _CONTRACTED.get(word, word)


def lowercase_in_place(text: str) -> str | None:
    """The text in lowercase when every character stays at its offset, else None ("İ" lowercases to two).

    A case-insensitive pattern whose source is in lowercase runs case-sensitively over it, a third faster,
    and its matches' offsets are the text's own.
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern (its source in lowercase) made case-sensitive, for lowercased text."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
