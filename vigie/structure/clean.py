"""Text clean-up applied before any offset is taken.

Offsets in the output point into the cleaned text, so everything that would
move characters around (BOM, CRLF, odd spaces) is settled here, once.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that French typography puts before « » : ; ! ? or inside numbers.
_ODD_SPACES = str.maketrans({
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\t": " ",
})
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ ]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """Normalise a scraped text: NFC, LF line ends, plain spaces, no BOM, no trailing blanks."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.translate(_ODD_SPACES)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")


def collapse_spaces(text: str) -> str:
    """One line, single spaces: for text that comes from HTML elements."""
    return " ".join(clean_text(text).split())
