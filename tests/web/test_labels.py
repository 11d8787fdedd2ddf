"""Every code of the model has its French label in the interface."""

from __future__ import annotations

from typing import get_args

from vigie.model import CountKind, EntityType, EventType, Qualifier
from vigie.web import labels


def test_every_code_has_a_french_label():
    assert set(labels.ENTITY_TYPES) == set(get_args(EntityType))
    assert set(labels.EVENT_TYPES) == set(get_args(EventType))
    assert set(labels.COUNT_KINDS) == set(get_args(CountKind))
    assert set(labels.QUALIFIERS) == set(get_args(Qualifier))
    assert all(labels.EVENT_TYPES.values()) and all(labels.COUNT_KINDS.values())
