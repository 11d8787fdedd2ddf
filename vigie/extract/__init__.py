"""Extraction stages; importing this package registers them."""

from vigie.extract import dates, entities, places, quotes

__all__ = ["dates", "entities", "places", "quotes"]
