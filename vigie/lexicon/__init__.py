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

