"""Photo captions and their credits ("... le 3 juillet 2025. - Thibaud MORITZ / AFP")."""

from __future__ import annotations

import re
from functools import cache

from vigie.lexicon import words

# The separators that scrapers leave between a caption and its credit.
_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*©\s*")
_MAX_CREDIT_CHARS = 120
_MAX_CREDIT_WORDS = 14


@cache
def _agency_pattern() -> re.Pattern[str]:
    names = sorted(words("agencies"), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def looks_like_credit(candidate: str) -> bool:
    """Whether a short string reads as a photo credit rather than prose."""
    words = candidate.split()
    if not words or len(candidate) > _MAX_CREDIT_CHARS or len(words) > _MAX_CREDIT_WORDS:
        return False
    if candidate.rstrip().endswith((".", ",", ";", ":", "?", "!", "»", '"')):
        return False
    if _agency_pattern().search(candidate):
        return True
    letters = [c for c in candidate if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6
    return "/" in candidate or (shouting and len(words) <= 6)


def split_credit(line: str) -> tuple[str, str, int] | None:
    """Split 'caption - credit' at the last separator: (caption, credit, credit offset), or None."""
    for match in reversed(list(_SEPARATOR.finditer(line))):
        caption = line[: match.start()].rstrip()
        credit = line[match.end():].strip()
        if caption and looks_like_credit(credit):
            return caption, credit, line.index(credit, match.end())
    return None
