"""Web pages to text: declared charsets, detected ones, and a UTF-8 page with a stray byte."""

from __future__ import annotations

import logging

from vigie.readers.decode import decode_html

BODY = ("<p>Le conseil municipal a adopté mardi soir le budget primitif après quatre heures de débat animé "
        "entre la majorité et l'opposition, sous les huées du public.</p>")


def page(charset: str | None, comment: bytes = b"") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    head = f"<html><head>{meta}<title>Budget</title></head><body>".encode("ascii")
    return head + b"<!-- " + comment + b" -->" + BODY.encode("utf-8") + b"</body></html>"


def test_a_stray_byte_in_a_utf8_page_is_replaced_and_reported(caplog):
    with caplog.at_level(logging.WARNING, logger="vigie.readers"):
        text = decode_html(page("utf-8", comment=b"caf\xe9"), 1_000_000, name="budget.html")
    assert "adopté mardi soir" in text and "après quatre heures" in text
    assert "budget.html: 1 byte(s) not valid UTF-8, replaced" in caplog.text


def test_a_page_in_another_charset_is_still_read_in_it(caplog):
    latin = page(None).replace(BODY.encode("utf-8"), BODY.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="vigie.readers"):
        text = decode_html(latin, 1_000_000)
    assert "adopté mardi soir" in text and "après quatre heures" in text
    assert caplog.text == ""
