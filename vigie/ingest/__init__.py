"""Input readers: text, HTML, JSON and JSON-lines records."""

from vigie.ingest.readers import SUPPORTED_SUFFIXES, read_paths
from vigie.ingest.records import BadRecord, RawRecord, RecordError

__all__ = ["SUPPORTED_SUFFIXES", "BadRecord", "RawRecord", "RecordError", "read_paths"]
