"""Random bytes, text and JSON through the readers and the whole pipeline: errors are records, never raised."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigie.errors import RecordError
from vigie.model import Article, Source
from vigie.readers.files import _parse_json_lines, read_stdin, record_from_json

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(), st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
    "text": st.one_of(st.text(), st.integers(), st.none()),
    "html": st.one_of(st.text(), st.none()),
    "published": st.one_of(st.text(max_size=30), st.integers(), st.none(),
                           st.dates().map(lambda d: d.isoformat())),
    "url": st.one_of(st.text(), st.integers(), st.none()),
})


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=2000))
def test_stdin_bytes_never_raise(data):
    for outcome in read_stdin(io.BytesIO(data), 10_000):
        assert outcome is not None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200)), max_size=5))
def test_json_lines_never_raise(lines):
    for outcome in _parse_json_lines(lines, "fuzz.jsonl", 10_000):
        assert outcome is not None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(records, json_values))
def test_any_json_value_is_a_record_or_an_error(value):
    outcome = record_from_json(value, Source(kind="json", path="fuzz.json"), "fuzz", 10_000)
    assert isinstance(outcome, RecordError) or outcome.text is not None or outcome.html is not None
    json.dumps(value)  # the generator only makes serialisable values


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True)
@given(records)
def test_the_pipeline_turns_any_record_into_an_article_or_an_error(pipeline, value):
    outcome = record_from_json(value, Source(kind="json", path="fuzz.json"), "fuzz", 10_000)
    if isinstance(outcome, RecordError):
        return
    for result in pipeline.process([outcome]):
        assert isinstance(result, RecordError | Article)
        if isinstance(result, Article):
            result.to_json()
