"""Helpers for stage tests: run the pipeline on a short French text of our own."""

from __future__ import annotations

import pytest

from vigie.model import Article, Entity
from vigie.pipeline import Pipeline, extract_text


@pytest.fixture(scope="session")
def analyse(pipeline: Pipeline):
    """Run the whole pipeline on a text (headline first line) and return the article."""

    def run(text: str, published: str = "2026-01-05") -> Article:
        return extract_text(text, published=published, pipeline=pipeline)

    return run


def entity(article: Article, name: str) -> Entity:
    """The entity whose canonical name or one of whose mentions is ``name``."""
    for candidate in article.entities:
        if candidate.name == name or any(m.text == name for m in candidate.mentions):
            return candidate
    names = [(e.name, e.type) for e in article.entities]
    raise AssertionError(f"no entity {name!r} in {names}")


def names(article: Article) -> set[str]:
    return {e.name for e in article.entities}


def all_mentions(article: Article) -> set[str]:
    return {m.text for e in article.entities for m in e.mentions}
