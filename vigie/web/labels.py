"""French words the interface shows for the model's codes (entity types, PLOVER categories, count kinds)."""

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

