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

import numpy as np
from numpy.typing import NDArray

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


_A = np.array([a for a, _ in _COEFFICIENTS], dtype=np.uint64)[:, None]
_B = np.array([b for _, b in _COEFFICIENTS], dtype=np.uint64)[:, None]
_LOW_29 = np.uint64((1 << 29) - 1)
_LOW_32 = np.uint64(_MASK)
_P = np.uint64(_PRIME)


def _mod_prime(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """``values`` mod 2^61 - 1 for values below 2^64 (2^61 ≡ 1: fold the high bits onto the low ones)."""
    values = (values & _P) + (values >> np.uint64(61))
    return np.where(values >= _P, values - _P, values)


def signature(text: str) -> list[int]:
    """The MinHash signature of a text: for each permutation (a, b), the least ((a·h + b) mod 2^61 - 1) & 2^32 - 1
    over the shingle hashes h, computed exactly in 64-bit integers for all of them at once."""
    h = _mod_prime(np.fromiter(shingles(text), dtype=np.uint64))[None, :]
    low = _mod_prime(_A * (h & _LOW_32))  # a · (h mod 2^32) < 2^64
    high = _A * (h >> np.uint64(32))  # a · (h div 2^32) < 2^61, to be shifted by 32 bits mod p:
    high = ((high & _LOW_29) << np.uint64(32)) + (high >> np.uint64(29))  # 2^61 ≡ 1
    values = _mod_prime(_mod_prime(low + _mod_prime(high) + _B))
    return [int(v) for v in (values & _LOW_32).min(axis=1)]


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
