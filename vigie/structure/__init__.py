"""Article structure: headline, caption and credit, paragraphs and sub-headings."""

from vigie.structure.clean import clean_text
from vigie.structure.layout import Layout, layout_from_parts, parse_scraped_text

__all__ = ["Layout", "clean_text", "layout_from_parts", "parse_scraped_text"]
