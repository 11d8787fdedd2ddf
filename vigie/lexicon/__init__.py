"""French linguistic knowledge as data files, with one loader."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon file; '#' lines and blank lines skipped."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def first_column(name: str) -> tuple[str, ...]:
    """The first column of a lexicon table (the words themselves)."""
    return tuple(row[0] for row in load_table(name) if row and row[0])



def column_map(name: str, key_column: int = 0, value_column: int = 1) -> dict[str, str]:
    """A two-column view of a table: key → value (first occurrence wins)."""
    mapping: dict[str, str] = {}
    for row in load_table(name):
        if len(row) > max(key_column, value_column):
            mapping.setdefault(row[key_column], row[value_column])
    return mapping
