"""Every lexicon table loads and matches its description: a bad row fails here, not an article at run time."""

from __future__ import annotations

from importlib import resources
from zoneinfo import ZoneInfo

import pytest

from vigie.lexicon import TABLES, LexiconError, check, function_words, mapping, rows, verbs_of_class, words

FILES = sorted(p.name.removesuffix(".tsv") for p in resources.files("vigie.lexicon").iterdir()
               if p.name.endswith(".tsv"))


def test_every_table_file_is_described():
    assert sorted(TABLES) == FILES


@pytest.mark.parametrize("name", FILES)
def test_every_table_loads_and_validates(name):
    table_rows = rows(name)
    assert table_rows, f"{name} is empty"
    for row in table_rows:
        assert list(row) == [c.name for c in TABLES[name].columns]


@pytest.mark.parametrize(("lines", "message"), [
    ([(3, ["frapper", "VERB", "ASSAULTT"])], "type 'ASSAULTT' is not one of"),
    ([(3, ["frapper", "VERBE", "ASSAULT"])], "pos 'VERBE'"),
    ([(3, ["", "VERB", "ASSAULT"])], "empty lemma"),
    ([(3, ["frapper", "VERB", "ASSAULT"]), (9, ["frapper", "VERB", "ASSAULT"])], "event_triggers.tsv:9: duplicate"),
    ([(3, ["frapper", "VERB", "ASSAULT", "à", "extra"])], "5 cells"),
])
def test_a_bad_row_is_named_with_its_line(lines, message):
    with pytest.raises(LexiconError, match=message):
        check(TABLES["event_triggers"], lines)


def test_the_same_lemma_with_another_particle_is_no_duplicate():
    found = check(TABLES["event_triggers"], [(1, ["appeler", "VERB", "REQUEST", "à"]), (2, ["appeler", "VERB",
                                                                                               "DEMAND", ""])])
    assert [r["particle"] for r in found] == ["à", ""]


def test_named_views():
    assert mapping("role_nouns", "noun", "type")["porte-parole"] == "PER"
    assert "dire" in words("reporting_verbs")
    assert {"il", "elle"} <= function_words("personal_pronoun")
    assert "mourir" in verbs_of_class("etre_auxiliary")
    with pytest.raises(LexiconError, match="no description"):
        rows("no_such_table")


def test_boilerplate_patterns_compile():
    import re

    for pattern in words("boilerplate_lines"):
        re.compile(pattern)


def test_every_plover_category_has_its_cameo_code_root_and_quad_class():
    from typing import get_args

    from vigie.model import EventType

    crosswalk = {row["plover"]: row for row in rows("plover_cameo")}
    assert set(crosswalk) == set(get_args(EventType))
    for plover, row in crosswalk.items():
        root = int(row["cameo_root"])
        assert row["cameo_code"].startswith(row["cameo_root"]), plover
        assert row["quad_class"] == ("1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"), plover


def test_every_newsroom_time_zone_is_known_to_the_time_zone_database():
    for zone in mapping("time_zones", "code", "zone").values():
        assert ZoneInfo(zone).key == zone


# Regular feminines of French role nouns: "-teur" → "-trice"/"-teure", "-ant" → "-ante", "chef" → "cheffe"...
_FEMININES = (("teur", ("trice", "teure")), ("eur", ("euse", "eure")), ("ier", ("ière",)), ("ien", ("ienne",)),
              ("el", ("elle",)), ("ef", ("effe",)), ("et", ("ète", "ette")), ("é", ("ée",)), ("ant", ("ante",)),
              ("ain", ("aine",)), ("at", ("ate",)), ("al", ("ale",)), ("er", ("ère",)), ("on", ("onne",)),
              ("oi", ("eine",)))
# a position on the pitch; loanwords and acronyms; a title held by men only
_NO_FEMININE = {"milieu", "leader", "pdg", "ceo", "pape"}


def test_every_role_noun_of_a_person_has_its_feminine():
    roles = mapping("role_nouns", "noun", "type")
    missing = []
    for noun, kind in roles.items():
        if kind != "PER" or noun.endswith(("e", "s")) or noun in _NO_FEMININE:
            continue  # "ministre", "otages": one form for both
        ending, feminines = next(((e, f) for e, f in _FEMININES if noun.endswith(e)), ("", ("e",)))
        if not any(noun[: len(noun) - len(ending)] + feminine in roles for feminine in feminines):
            missing.append(noun)
    assert missing == []


def test_a_compound_first_name_has_the_gender_of_its_first_part():
    genders = mapping("first_names", "name", "gender")
    disagreeing = [name for name, gender in genders.items()
                   if "-" in name and genders.get(name.split("-")[0], gender) != gender]
    assert disagreeing == []
    assert all(name[:1].isupper() for name in genders)
