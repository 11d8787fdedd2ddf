"""The layering: the store sits below the pipeline and imports nothing above the model."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "vigie"
ABOVE_THE_STORE = ("vigie.extract", "vigie.pipeline", "vigie.runner", "vigie.readers", "vigie.corpus",
                   "vigie.nlp", "vigie.stages", "vigie.structure", "vigie.cli", "spacy")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_store_imports_only_the_model_and_helpers():
    offending = {}
    for path in sorted((PACKAGE / "store").glob("*.py")):
        bad = {m for m in imports_of(path) if m.startswith(ABOVE_THE_STORE)}
        if bad:
            offending[path.name] = sorted(bad)
    assert not offending, f"store modules reach above the store: {offending}"


def test_the_check_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from vigie.pipeline import Pipeline\n    return Pipeline\n")
    assert "vigie.pipeline" in imports_of(sample)


def test_readers_and_model_do_not_import_the_nlp_stack():
    for path in [PACKAGE / "model.py", PACKAGE / "errors.py", *sorted((PACKAGE / "readers").glob("*.py"))]:
        assert not {m for m in imports_of(path) if m.startswith(("spacy", "vigie.extract", "vigie.pipeline"))}, path
