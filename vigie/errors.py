"""The two ways an input fails: a bad record (raised while reading or building it) and the
error that stands for it in a batch, naming the record so the rest of the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass

from vigie.model import Source


class BadRecord(Exception):
    """An input that cannot become an article; the message says why, in one line."""


@dataclass(frozen=True)
class RecordError:
    """A record that was skipped, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def describe(source: Source, record_id: str | None = None) -> str:
    """'path:line (id)' style name for messages."""
    where = source.path or "<stdin>"
    if source.line is not None:
        where = f"{where}:{source.line}"
    if record_id and source.line is not None:
        where = f"{where} (id {record_id})"
    return where
