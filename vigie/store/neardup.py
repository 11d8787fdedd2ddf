"""Near-duplicate articles (wire copies of one story) by MinHash over word shingles, with LSH bands.

The bands live in the database (``minhash_bands``), so detection works
across ingest runs and scales with an index lookup per band.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
from dataclasses import dataclass

from vigie.textnorm import fold

SHINGLE_WORDS = 3
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.6  # estimated Jaccard similarity from which two articles tell one story
_PRIME = (1 << 61) - 1
_MASK = (1 << 32) - 1


def _coefficients() -> list[tuple[int, int]]:
    """Fixed, reproducible hash permutations."""
    seeds = hashlib.sha256(b"vigie-minhash").digest() * 40
    values = struct.unpack(f"<{2 * PERMUTATIONS}I", seeds[: 8 * PERMUTATIONS])
    return [(values[2 * i] | 1, values[2 * i + 1]) for i in range(PERMUTATIONS)]


_COEFFICIENTS = _coefficients()


def shingles(text: str) -> set[int]:
    """Hashes of the overlapping word triples of a text (case and accents folded)."""
    words = re.findall(r"\w+", fold(text))
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams}


def signature(text: str) -> list[int]:
    """The MinHash signature of a text."""
    hashes = shingles(text)
    return [min(((a * h + b) % _PRIME) & _MASK for h in hashes) for a, b in _COEFFICIENTS]


def similarity(first: list[int], second: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)


def pack(sig: list[int]) -> bytes:
    """A signature as stored in ``articles.minhash``."""
    return struct.pack(f"<{PERMUTATIONS}I", *sig)


def unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f"<{PERMUTATIONS}I", blob))


def bands(sig: list[int]) -> list[str]:
    """One bucket key per band."""
    return [hashlib.blake2b(struct.pack(f"<{ROWS}I", *sig[b * ROWS : (b + 1) * ROWS]), digest_size=8).hexdigest()
            for b in range(BANDS)]


@dataclass
class Match:
    """The article a new one copies, and how alike they are."""

    canonical_id: str
    similarity: float


def find_near_duplicate(connection: sqlite3.Connection, sig: list[int]) -> Match | None:
    """The canonical article the signature's text copies, if any is similar enough."""
    candidates: set[str] = set()
    for band, bucket in enumerate(bands(sig)):
        rows = connection.execute("SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket))
        candidates.update(row[0] for row in rows)
    best: Match | None = None
    for article_id in candidates:
        row = connection.execute("SELECT minhash, canonical_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            continue
        score = similarity(sig, unpack(row["minhash"]))
        if score >= THRESHOLD and (best is None or score > best.similarity):
            best = Match(row["canonical_id"] or article_id, score)
    return best


def index_signature(connection: sqlite3.Connection, article_id: str, sig: list[int]) -> None:
    """Record an article's bands so later copies find it."""
    connection.executemany("INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)",
                           [(band, bucket, article_id) for band, bucket in enumerate(bands(sig))])
