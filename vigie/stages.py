"""The registry of named extraction stages.

A stage is a function ``(article, doc) -> None`` that reads the article and
its spaCy Doc and writes its own keys of the article, never another stage's.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from vigie.model import Article

Stage = Callable[[Article, Doc], None]
STAGES: dict[str, Stage] = {}


def register_stage(name: str) -> Callable[[Stage], Stage]:
    """Make a stage available to pipelines by name."""

    def decorate(function: Stage) -> Stage:
        STAGES[name] = function
        return function

    return decorate
