"""The web UI: French pages over the corpus, served by the API's process (see ``vigie serve``)."""

from vigie.web.pages import error_page, is_page, router, static_files

__all__ = ["error_page", "is_page", "router", "static_files"]
