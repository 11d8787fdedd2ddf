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


# "... au premier semestre. (Fred Scheiber/SIPA)"
_PARENTHESISED_TAIL = re.compile(r"\s*\(([^()]{2,100})\)\s*$")
# "... près de chez vous ? REUTERS/Susana Vera", "... par la mairie. Photo VM /Eric NURDIN"
_AFTER_LAST_SENTENCE = re.compile(r"(?<=[.!?…»])\s+(?=\S)")
_PHOTO_PREFIX = re.compile(r"^(?:photos?|crédits?(?:\s+photos?)?|source)\s*:?\s+", re.IGNORECASE)


def clean_credit(credit: str) -> str:
    """The credit without its 'Photo:' / 'Crédit :' label."""
    return _PHOTO_PREFIX.sub("", credit).strip()


def split_credit(line: str) -> tuple[str, str, int] | None:
    """Split a caption from the credit at its end: after a separator ('caption - credit'), in parentheses
    ('caption. (X/Agency)'), or after the caption's last sentence ('caption ? AGENCY/Name'):
    (caption, credit, credit offset), or None."""
    for match in reversed(list(_SEPARATOR.finditer(line))):
        caption = line[: match.start()].rstrip()
        credit = line[match.end():].strip()
        if caption and looks_like_credit(credit):
            return caption, credit, line.index(credit, match.end())
    tail = _PARENTHESISED_TAIL.search(line)
    if tail and line[: tail.start()].strip() and looks_like_credit(tail.group(1)):
        return line[: tail.start()].rstrip(), tail.group(1).strip(), tail.start(1)
    ends = list(_AFTER_LAST_SENTENCE.finditer(line))
    if ends:
        caption, credit = line[: ends[-1].start()].rstrip(), line[ends[-1].end():].strip()
        if caption and (looks_like_credit(credit) or (_PHOTO_PREFIX.match(credit) and len(credit.split()) <= 8)):
            return caption, credit, ends[-1].end()
    return None
