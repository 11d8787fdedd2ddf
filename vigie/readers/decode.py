"""Bytes to text, refusing what is not text: empty, binary, undecodable or too large.

Text is UTF-8 (or UTF-16 with a BOM). A web page may be in another charset: the one it declares
(HTTP or WARC header, ``<meta charset>``) is honoured, and an undeclared one is detected; a page that
is mostly UTF-8 with a stray byte (in a comment, say) keeps its text, the byte replaced.
"""

from __future__ import annotations

import codecs
import logging
import re

from vigie.errors import BadRecord

log = logging.getLogger("vigie.readers")
_STRAY_BYTES = 16  # invalid bytes a UTF-8 page may hold (or one per 1,000 bytes) and still be read as UTF-8

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


def check_size(size: int, max_bytes: int) -> None:
    """Refuse inputs over the size limit before reading them whole."""
    if size > max_bytes:
        raise BadRecord(f"too large: {size} bytes (limit {max_bytes}; raise it with --max-bytes)")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


def header_charset(content_type: str) -> str | None:
    """The charset an HTTP or WARC Content-Type header declares ('text/html; charset=iso-8859-1')."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>`` or http-equiv), if known."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, max_bytes: int, charset: str | None = None, name: str = "page") -> str:
    """Decode a web page: UTF-8, else its declared charset (header, then meta), else UTF-8 with a few stray
    bytes replaced (reported under ``name``), else a detected charset."""
    try:
        return decode_bytes(data, max_bytes)
    except BadRecord as exc:
        if "not valid UTF-8" not in str(exc):
            raise
    declared = [found for found in (charset, declared_charset(data)) if found]
    for encoding in declared:
        try:
            return _checked(data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    if all(_is_utf8(encoding) for encoding in declared):
        text = data.decode("utf-8", errors="replace")
        stray = text.count("\ufffd") - data.count("\ufffd".encode())
        decoded = sum(1 for c in text if ord(c) > 0x7F) - text.count("\ufffd")  # well-formed UTF-8 letters
        # a byte in a comment of a UTF-8 page, not a page in another charset (whose letters are all invalid)
        if stray <= max(_STRAY_BYTES, len(data) // 1000) and decoded > stray:
            log.warning("%s: %d byte(s) not valid UTF-8, replaced", name, stray)
            return _checked(text)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return _checked(data.decode(best.encoding, errors="replace"))
    return _checked(data.decode("utf-8", errors="replace"))


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return True  # an unknown name says nothing against UTF-8


def _checked(text: str) -> str:
    check_text(text)
    return text


def decode_bytes(data: bytes, max_bytes: int) -> str:
    """Decode UTF-8 (or UTF-16 with a BOM) text; raise BadRecord for anything else."""
    check_size(len(data), max_bytes)
    if not data.strip():
        raise BadRecord("empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadRecord(f"invalid UTF-16 text: {exc.reason} at byte {exc.start}") from None
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise BadRecord("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRecord(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8"
        ) from None
    check_text(text)
    return text


def check_text(text: str) -> None:
    """Refuse strings that are empty, mostly control characters, or not valid Unicode (lone surrogates)."""
    if not text.strip():
        raise BadRecord("empty input")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise BadRecord(f"not valid Unicode: lone surrogate U+{ord(surrogate.group()):04X} at character "
                        f"{surrogate.start()}")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if controls / len(sample) > 0.05:
        raise BadRecord("binary data, not text")
