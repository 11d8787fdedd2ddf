"""French verb inflection, enough to recognise the forms the tagger mislabels ("réclame" read as a noun)."""

from __future__ import annotations

from collections.abc import Iterable

# Endings of first-group (-er) verbs in the tenses news uses.
ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "era", "eront", "erait", "a", "ant", "er")


def er_verb_forms(lemmas: Iterable[str]) -> dict[str, str]:
    """Inflected form → lemma for the first-group verbs among ``lemmas``."""
    forms: dict[str, str] = {}
    for lemma in lemmas:
        if lemma.endswith("er") and " " not in lemma and not lemma.startswith(("s'", "se ")):
            for ending in ER_ENDINGS:
                forms.setdefault(lemma[:-2] + ending, lemma)
    return forms
