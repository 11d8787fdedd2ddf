"""Extraction stages; importing this package registers them."""

from vigie.extract import entities, places

__all__ = ["entities", "places"]
