"""The stage contract: stages declare what they require and assign, and the pipeline holds them to it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from vigie.errors import BadRecord
from vigie.model import Source
from vigie.nlp import pipe_by_line
from vigie.pipeline import DEFAULT_STAGES, STAGES, Pipeline, build_article
from vigie.readers import RawRecord
from vigie.stages import check_order


def test_every_default_stage_declares_its_contract():
    for name in DEFAULT_STAGES:
        assert STAGES[name].assigns, name


def test_a_stage_list_with_unmet_requirements_is_refused_with_names():
    with pytest.raises(ValueError) as raised:
        Pipeline(stages=("quotes",))
    message = str(raised.value)
    assert "quotes requires entities" in message and "assigned by entities first" in message


def test_the_order_matters():
    with pytest.raises(ValueError, match="counts requires events"):
        check_order(("entities", "places", "dates", "quotes", "counts", "events"))
    assert [s.name for s in check_order(DEFAULT_STAGES)] == list(DEFAULT_STAGES)


def test_a_stage_must_say_what_it_assigns():
    from vigie.stages import register_stage

    with pytest.raises(ValueError, match="must declare"):
        register_stage("test_silent")


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """Fields of the article document that differ, as 'key' or 'key.field' for lists of items."""
    changed = set()
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and old \
                and all(isinstance(x, dict) for x in old + new):
            changed |= {f"{key}.{field}" for o, n in zip(old, new, strict=True) for field in o | n
                        if o.get(field) != n.get(field)}
        else:
            changed.add(key)
    return changed


@pytest.mark.slow
def test_each_stage_writes_only_what_it_declares(pipeline):
    text = ("Frappes russes sur Kiev : le maire dénonce « une attaque barbare »\n"
            "Dans la nuit de lundi à mardi, l'armée russe a frappé Kiev, tuant trois personnes, a annoncé "
            "le maire Vitali Klitschko. « C'est une attaque barbare », a-t-il déclaré mardi.\n")
    record = RawRecord(id="contract", source=Source(kind="txt"), text=text)
    article = build_article(record)
    doc = next(pipe_by_line(pipeline.warm_up(), [article.text]))
    for stage in (STAGES[name] for name in DEFAULT_STAGES):
        before = copy.deepcopy(article.to_dict())
        stage.function(article, doc)
        changed = _changed(before, article.to_dict())
        undeclared = {c for c in changed if not any(c == a or c.startswith(a + ".") for a in stage.assigns)}
        assert not undeclared, f"{stage.name} changed {undeclared} without declaring it"
    assert article.events and article.quotes and article.counts


def test_a_document_record_needs_no_analysis():
    record = RawRecord(id="x", source=Source(kind="json"), text="Titre\nCorps.")
    article = build_article(record)
    article.title = "déjà analysé"
    again = build_article(RawRecord(id="x", source=Source(kind="json"), text=article.text, document=article))
    assert again.title == "déjà analysé" and again.source_hash == record.source_hash
    with pytest.raises(BadRecord):
        build_article(RawRecord(id="y", source=Source(kind="txt"), text="   "))
