"""Follow news feeds and sitemaps: read the watch list, fetch politely, ingest what is new."""
