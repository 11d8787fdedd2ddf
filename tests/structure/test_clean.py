from hypothesis import given
from hypothesis import strategies as st

from vigie.structure.clean import clean_text, collapse_spaces


def test_bom_crlf_and_trailing_blank_lines_are_removed():
    raw = "\ufeffTitre\r\nLigne deux\r\n\r\n\r\n\r\nFin\r\n\n\n   \n"
    assert clean_text(raw) == "Titre\nLigne deux\n\nFin"


def test_french_typographic_spaces_become_plain_spaces():
    raw = "Il a dit\u00a0: «\u202fNon\u202f» ; 16\u202f000 hectares"
    assert clean_text(raw) == "Il a dit : « Non » ; 16 000 hectares"


def test_decomposed_accents_are_composed():
    assert clean_text("E\u0301lyse\u0301e") == "Élysée"


def test_control_and_invisible_characters_are_dropped():
    assert clean_text("a\x00b\u200bc\x07d") == "abcd"


def test_collapse_spaces_makes_one_line():
    assert collapse_spaces("  un\n  deux\t trois ") == "un deux trois"


@given(st.text())
def test_clean_text_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


@given(st.text())
def test_clean_text_leaves_no_carriage_return_or_odd_space(raw):
    cleaned = clean_text(raw)
    assert "\r" not in cleaned
    assert not set(cleaned) & {"\u00a0", "\u202f", "\ufeff", "\t"}
    assert cleaned == cleaned.strip("\n ")
