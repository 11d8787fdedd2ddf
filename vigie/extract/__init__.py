"""Extraction stages; importing this package registers them."""

from vigie.extract import dates, entities, places

__all__ = ["dates", "entities", "places"]
