"""French words the interface shows for the model's codes (entity types, PLOVER categories, count kinds, how a
quote's speaker was found)."""

from __future__ import annotations

ENTITY_TYPES: dict[str, str] = {"PER": "Personne", "ORG": "Organisation", "LOC": "Lieu"}
EVENT_TYPES: dict[str, str] = {
    "AGREE": "Accord", "CONSULT": "Consultation", "SUPPORT": "Soutien", "COOPERATE": "Coopération",
    "AID": "Aide", "CONCEDE": "Concession", "RETREAT": "Retrait", "REQUEST": "Demande",
    "DEMAND": "Exigence", "ACCUSE": "Accusation", "DISAPPROVE": "Désapprobation", "REJECT": "Rejet",
    "THREATEN": "Menace", "PROTEST": "Manifestation", "SANCTION": "Sanction", "MOBILIZE": "Mobilisation",
    "COERCE": "Coercition", "ASSAULT": "Violence armée",
}
COUNT_KINDS: dict[str, str] = {
    "killed": "morts", "injured": "blessés", "missing": "disparus", "arrested": "interpellés",
    "displaced": "déplacés", "people": "personnes", "other": "autres",
}
QUALIFIERS: dict[str, str] = {"exact": "", "at_least": "au moins", "at_most": "au plus", "about": "environ"}

ATTRIBUTIONS: dict[str, str] = {
    "incise": "incise", "source": "selon / d'après", "colon": "deux-points", "clause": "verbe introducteur",
    "shared_incise": "incise commune", "sentence": "verbe de la phrase", "reported": "discours rapporté",
    "headline_echo": "mêmes mots dans l'article", "carry_over": "locuteur précédent",
    "next_sentence": "phrase suivante", "headline_line": "nom sur la même ligne",
    "introduced": "personne présentée juste avant", "previous_sentence": "verbe de la phrase précédente",
    "embedded": "citation dans une citation",
}
UNSURE = 0.5  # below this measured confidence, a speaker is shown as a guess


def attribution_note(rule: str | None, confidence: float | None) -> str:
    """'incise, juste 93 fois sur 100': how a speaker was found and how often that way is right."""
    if rule is None or confidence is None:
        return ""
    return f"{ATTRIBUTIONS.get(rule, rule)}, juste {round(confidence * 100)} fois sur 100"
