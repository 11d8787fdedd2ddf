"""Bytes to text, refusing what is not text: empty, binary, undecodable or too large."""

from __future__ import annotations

import codecs

from vigie.errors import BadRecord

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


def check_size(size: int, max_bytes: int) -> None:
    """Refuse inputs over the size limit before reading them whole."""
    if size > max_bytes:
        raise BadRecord(f"too large: {size} bytes (limit {max_bytes}; raise it with --max-bytes)")


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
    """Refuse strings that are empty or mostly control characters."""
    if not text.strip():
        raise BadRecord("empty input")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if controls / len(sample) > 0.05:
        raise BadRecord("binary data, not text")
