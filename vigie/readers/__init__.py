"""Input readers: text, HTML, JSON and JSON-lines records."""

from vigie.readers.files import SUPPORTED_SUFFIXES, read_paths
from vigie.readers.records import BadRecord, RawRecord, RecordError

__all__ = ["SUPPORTED_SUFFIXES", "BadRecord", "RawRecord", "RecordError", "read_paths"]
