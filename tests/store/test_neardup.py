"""MinHash signatures: the vectorised arithmetic gives exactly the integers of the definition, so signatures
stored by earlier versions still match new ones."""

from __future__ import annotations

import pytest

from vigie.store import neardup


def by_definition(hashes: set[int]) -> list[int]:
    return [min(((a * h + b) % neardup._PRIME) & neardup._MASK for h in hashes) for a, b in neardup._COEFFICIENTS]


@pytest.mark.parametrize("text", [
    "", "un", "Le Premier ministre a annoncé mardi un plan de sauvegarde pour les éleveurs de l'Aude.",
    "« Nous ne céderons rien », a déclaré Élisabeth Borne. " * 40,
])
def test_signature_equals_the_definition(text):
    assert neardup.signature(text) == by_definition(neardup.shingles(text))


def test_extreme_hashes_are_reduced_exactly(monkeypatch):
    extremes = {0, 1, 2**32 - 1, 2**32, 2**61 - 2, 2**61 - 1, 2**61, 2**63, 2**64 - 1}
    monkeypatch.setattr(neardup, "shingles", lambda _text: extremes)
    assert neardup.signature("x") == by_definition(extremes)


def test_a_lightly_reworded_copy_is_near_and_another_story_is_not():
    story = ("Les pompiers ont maîtrisé dans la nuit l'incendie qui a parcouru 500 hectares près de Narbonne, "
             "a indiqué la préfecture de l'Aude, qui déplore deux blessés légers parmi les secouristes. ") * 3
    copy = story.replace("dans la nuit", "durant la nuit")
    other = "Le Sénat a adopté mardi le projet de loi sur l'immigration par 210 voix contre 115. " * 3
    sig = neardup.signature(story)
    assert neardup.similarity(sig, neardup.signature(copy)) >= neardup.THRESHOLD
    assert neardup.similarity(sig, neardup.signature(other)) < 0.2
