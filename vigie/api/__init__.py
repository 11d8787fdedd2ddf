"""The REST API: FastAPI over the same library as the CLI (read-only corpus connections, one pipeline)."""

from vigie.api.app import create_app

__all__ = ["create_app"]
