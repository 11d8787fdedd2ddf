"""Extraction stages; importing this package registers them."""

from vigie.extract import counts, dates, entities, events, places, quotes

__all__ = ["counts", "dates", "entities", "events", "places", "quotes"]
