"""The registry of named extraction stages, each declaring what it requires and what it assigns.

A stage is a function ``(article, doc) -> None`` over one article and its spaCy Doc. Like a spaCy
component registered with ``Language.factory(requires=..., assigns=...)``, it declares the article
fields it reads from earlier stages (``requires``) and the ones it writes (``assigns``); a field is a
key of the article document, or ``key.field`` for a field of each item of a list ("entities.place").
The pipeline refuses a stage list whose requirements no earlier stage assigns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from vigie.model import Article

StageFunction = Callable[[Article, Doc], None]
# Written before any stage runs: the structure step (step 1 of the pipeline).
STRUCTURE_FIELDS = ("id", "text", "blocks", "title", "title_span", "caption", "caption_span", "credit",
                    "credit_span", "published", "url", "source")


@dataclass(frozen=True)
class Stage:
    """A named extraction step and its contract."""

    name: str
    function: StageFunction
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: dict[str, Stage] = {}


def register_stage(name: str, requires: Sequence[str] = (), assigns: Sequence[str] = ()
                   ) -> Callable[[StageFunction], StageFunction]:
    """Make a stage available to pipelines by name, with the fields it reads and writes."""
    if not assigns:
        raise ValueError(f"stage {name!r} must declare what it assigns")

    def decorate(function: StageFunction) -> StageFunction:
        STAGES[name] = Stage(name, function, tuple(requires), tuple(assigns))
        return function

    return decorate


def _satisfies(assigned: str, required: str) -> bool:
    """'entities' satisfies 'entities' and 'entities.mentions'; 'entities.place' satisfies only itself."""
    return required == assigned or required.startswith(assigned + ".")


def check_order(names: Sequence[str]) -> list[Stage]:
    """The stages for ``names``, in order, or a ValueError naming each unknown stage and unmet requirement."""
    unknown = [name for name in names if name not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
    stages = [STAGES[name] for name in names]
    available = list(STRUCTURE_FIELDS)
    unmet = []
    for stage in stages:
        missing = [r for r in stage.requires if not any(_satisfies(a, r) for a in available)]
        unmet += [f"{stage.name} requires {field} (assigned by {_assigner(field)})" for field in missing]
        available += stage.assigns
    if unmet:
        raise ValueError("stage requirements not met: " + "; ".join(unmet))
    return stages


def _assigner(required: str) -> str:
    names = [s.name for s in STAGES.values() if any(_satisfies(a, required) for a in s.assigns)]
    return ", ".join(names) + " first" if names else "no stage"
